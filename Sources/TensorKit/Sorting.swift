/// Sorting: sort, argsort (stable), unique. NaN sorts last, as NumPy.

extension Tensor {
    /// A sorted copy along `axis` (the flattened tensor if nil).
    public func sort(axis: Int? = -1) throws -> Tensor {
        let idx = try argsort(axis: axis)
        let x = axis == nil ? try ravel() : self
        let ax = try Tensor.normalizeAxis(axis ?? 0, ndim: Swift.max(x.ndim, 1))
        if x.ndim == 0 { return try x.copy() }
        return try x.takeAlong(idx, axis: ax)
    }

    /// Indices that sort along `axis` (the flattened tensor if nil), stable, int64.
    public func argsort(axis: Int? = -1) throws -> Tensor {
        let x = axis == nil ? try ravel() : self
        if x.ndim == 0 { return Tensor(scalar: Int64(0)) }
        let ax = try Tensor.normalizeAxis(axis ?? 0, ndim: x.ndim)
        let moved = try x.swapAxes(ax, x.ndim - 1).contiguous()
        let r = moved.shape.last ?? 0
        let out = try Tensor(zeros: moved.shape, dtype: .int64)
        if moved.count > 0 {
            func run<T: KernelElement>(_: T.Type) throws {
                let p = SendablePointer(moved.base(T.self)), o = SendablePointer(out.base(Int64.self))
                try Parallel.forEachChunk(count: moved.count / r, unitCost: r * 16) { rows in
                    for row in rows {
                        let v = p.p + row * r
                        let order = (0..<r).sorted { i, j in
                            let a = v[i], b = v[j]
                            let an = a != a, bn = b != b
                            if an || bn { return an == bn ? i < j : bn }
                            return T.lt(a, b) || (a == b && i < j)
                        }
                        for (k, i) in order.enumerated() { o.p[row * r + k] = Int64(i) }
                    }
                }
            }
            switch moved.dtype {
            case .float32: try run(Float.self)
            case .float64: try run(Double.self)
            case .int64: try run(Int64.self)
            case .uint8: try run(UInt8.self)
            case .bool: try run(Bool.self)
            }
        }
        return try out.swapAxes(ax, x.ndim - 1).contiguous()
    }

    /// Elements picked along `axis` by `indices` of the same shape (NumPy's `take_along_axis`).
    public func takeAlong(_ indices: Tensor, axis: Int) throws -> Tensor {
        let ax = try Tensor.normalizeAxis(axis, ndim: ndim)
        guard indices.ndim == ndim else { throw TensorError.shapeMismatch(op: "take_along_axis", lhs: shape, rhs: indices.shape) }
        // Build one index array per axis: arange broadcast on the others, `indices` on `axis`.
        var comps: [IndexComponent] = []
        for d in 0..<ndim {
            if d == ax { comps.append(.tensor(indices)); continue }
            var s = [Int](repeating: 1, count: ndim)
            s[d] = shape[d]
            comps.append(.tensor(try Tensor.arange(0, Double(shape[d])).reshape(s)))
        }
        return try get(comps)
    }

    /// The sorted distinct elements of the flattened tensor and how often each occurs.
    public func unique() throws -> (values: Tensor, counts: Tensor) {
        let s = try sort(axis: nil)
        let idx = try s.argsortFreeRuns()
        let values = try s.get([.tensor(Tensor(shape: [idx.count], elements: idx.map { Int64($0.0) }))])
        let counts = try Tensor(shape: [idx.count], elements: idx.map { Int64($0.1) })
        return (values, counts)
    }

    /// (start, length) of each run of equal elements in this sorted 1-D tensor (NaNs are one run).
    private func argsortFreeRuns() throws -> [(Int, Int)] {
        let v = toDoubles()
        let ints = dtype == .int64 ? toInt64s() : []  // exact above 2^53
        var runs: [(Int, Int)] = []
        for (i, x) in v.enumerated() {
            if let last = runs.last,
               ints.isEmpty ? (v[last.0] == x || (x.isNaN && v[last.0].isNaN)) : ints[last.0] == ints[i] {
                runs[runs.count - 1].1 += 1
            } else {
                runs.append((i, 1))
            }
        }
        return runs
    }
}
