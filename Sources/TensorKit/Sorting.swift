/// Sorting: sort, argsort (stable), unique. NaN sorts last, as NumPy.
///
/// Both sorts move the sorted axis last into a fresh contiguous copy (one transposing copy
/// when the axis is not already last), sort each row with a typed sort, and move the axis back.

extension Tensor {
    /// A sorted copy along `axis` (the flattened tensor if nil).
    public func sort(axis: Int? = -1) throws -> Tensor {
        let x = axis == nil ? try ravel() : self
        if x.ndim == 0 { return try x.copy() }
        let ax = try Tensor.normalizeAxis(axis ?? 0, ndim: x.ndim)
        let rows = try x.swapAxes(ax, x.ndim - 1).copy()
        try rows.forEachRow(sortRows: true)
        return try rows.swapAxes(ax, x.ndim - 1).contiguous()
    }

    /// Indices that sort along `axis` (the flattened tensor if nil), stable, int64.
    public func argsort(axis: Int? = -1) throws -> Tensor {
        let x = axis == nil ? try ravel() : self
        if x.ndim == 0 { return Tensor(scalar: Int64(0)) }
        let ax = try Tensor.normalizeAxis(axis ?? 0, ndim: x.ndim)
        let rows = try x.swapAxes(ax, x.ndim - 1).contiguous()
        let out = try Tensor(uninitialized: rows.shape, dtype: .int64)
        try rows.forEachRow(sortRows: false, indices: out)
        return try out.swapAxes(ax, x.ndim - 1).contiguous()
    }

    /// Sorts each row (last axis) of this contiguous tensor in place, or (`sortRows` false)
    /// writes each row's stable sorting permutation into the contiguous int64 `indices`.
    private func forEachRow(sortRows: Bool, indices: Tensor? = nil) throws {
        guard let r = shape.last, r > 0, count > 0 else { return }
        func run<T: KernelElement>(_: T.Type) throws {
            let p = SendablePointer(base(T.self))
            let o = indices.map { SendablePointer($0.base(Int64.self)) }
            try Parallel.forEachChunk(count: count / r, unitCost: r * 16) { chunk in
                var scratch: [(T, Int64)] = []
                for row in chunk {
                    let v = UnsafeMutableBufferPointer(start: p.p + row * r, count: r)
                    if let o { Sorting.argsortRow(v, into: o.p + row * r, scratch: &scratch) } else { Sorting.sortRow(v) }
                }
            }
        }
        switch dtype {
        case .float32: try run(Float.self)
        case .float64: try run(Double.self)
        case .int64: try run(Int64.self)
        case .uint8: try run(UInt8.self)
        case .bool: try run(Bool.self)
        }
    }
}

/// The typed row kernels. NaN (the only value not equal to itself) goes last.
enum Sorting {
    /// Sorts `v` in place: NaNs moved to the end, the rest by `T.lt`.
    static func sortRow<T: KernelElement>(_ v: UnsafeMutableBufferPointer<T>) {
        var end = v.count
        var i = 0
        while i < end {
            if v[i] != v[i] {
                end -= 1
                v.swapAt(i, end)
            } else {
                i += 1
            }
        }
        var rest = UnsafeMutableBufferPointer(rebasing: v[0..<end])
        rest.sort(by: T.lt)
    }

    /// Writes the stable sorting permutation of `v` to `out`: the non-NaN elements by value
    /// (equal values keep their order; Swift's sort is stable), then the NaNs in order.
    static func argsortRow<T: KernelElement>(_ v: UnsafeMutableBufferPointer<T>, into out: UnsafeMutablePointer<Int64>,
                                             scratch: inout [(T, Int64)]) {
        scratch.removeAll(keepingCapacity: true)
        var nans = 0
        for (i, x) in v.enumerated() {
            if x == x { scratch.append((x, Int64(i))) } else { nans += 1 }
        }
        scratch.sort { T.lt($0.0, $1.0) }
        for (k, pair) in scratch.enumerated() { out[k] = pair.1 }
        if nans > 0 {
            var k = scratch.count
            for (i, x) in v.enumerated() where x != x {
                out[k] = Int64(i)
                k += 1
            }
        }
    }
}

extension Tensor {
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

    /// The sorted distinct elements of the flattened tensor and how often each occurs
    /// (NaNs count as one value, as they sort together at the end).
    public func unique() throws -> (values: Tensor, counts: Tensor) {
        let sorted = try sort(axis: nil)
        func run<T: KernelElement>(_: T.Type) throws -> (values: Tensor, counts: Tensor) {
            let p = sorted.base(T.self)
            var values: [T] = [], counts: [Int64] = []
            for i in 0..<sorted.count {
                let x = p[i]
                if let last = values.last, last == x || (last != last && x != x) {
                    counts[counts.count - 1] += 1
                } else {
                    values.append(x)
                    counts.append(1)
                }
            }
            return (try Tensor(shape: [values.count], elements: values), try Tensor(shape: [counts.count], elements: counts))
        }
        switch dtype {
        case .float32: return try run(Float.self)
        case .float64: return try run(Double.self)
        case .int64: return try run(Int64.self)
        case .uint8: return try run(UInt8.self)
        case .bool: return try run(Bool.self)
        }
    }
}
