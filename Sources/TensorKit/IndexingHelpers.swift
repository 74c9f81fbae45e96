/// NumPy's indexing helpers that are views or gathers (issue 10, section 3.6): flip, roll,
/// moveaxis, take, put_along_axis, argwhere, partition. Each is built on the indexing and
/// layout primitives (`get`, `set`, `transpose`, slicing views), so no new kernel is needed.

extension Tensor {
    /// The elements reversed along `axes` (every axis if nil): a view with negative strides,
    /// as NumPy's `flip`.
    public func flip(axes: [Int]? = nil) throws -> Tensor {
        let chosen = try Set((axes ?? Array(0..<ndim)).map { try Tensor.normalizeAxis($0, ndim: ndim) })
        let index = (0..<ndim).map { chosen.contains($0) ? IndexComponent.slice(start: nil, stop: nil, step: -1) : .all }
        return try get(index)
    }

    /// The elements shifted by `shifts` along `axes` (the flattened tensor when `axes` is nil,
    /// then reshaped back), wrapping around, as NumPy's `roll`. One shift applies to every
    /// axis given; otherwise there is one shift per axis. A copy.
    public func roll(_ shifts: [Int], axes: [Int]?) throws -> Tensor {
        guard let axes else {
            guard shifts.count == 1 else {
                throw TensorError.invalidArgument(op: "roll", message: "a shift per axis needs axis=; without it the single shift applies to the flattened tensor")
            }
            return try ravel().roll(shifts, axes: [0]).reshape(shape)
        }
        guard shifts.count == axes.count || shifts.count == 1 else {
            throw TensorError.invalidArgument(op: "roll", message: "shift and axis must have the same length, got \(shifts.count) and \(axes.count)")
        }
        // Shifts along the same axis add up, as NumPy's.
        var total = [Int](repeating: 0, count: ndim)
        for (k, axis) in axes.enumerated() {
            let a = try Tensor.normalizeAxis(axis, ndim: ndim)
            total[a] = total[a] &+ shifts[shifts.count == 1 ? 0 : k] % Swift.max(shape[a], 1)
        }
        var out = self, moved = false
        for a in 0..<ndim where shape[a] > 0 {
            let s = ((total[a] % shape[a]) + shape[a]) % shape[a]
            guard s != 0 else { continue }
            let n = shape[a]
            out = try Tensor.concat([out.narrow(a, n - s, s), out.narrow(a, 0, n - s)], axis: a)
            moved = true
        }
        return moved ? out : try copy()
    }

    /// The axes at `source` moved to the positions `destination`, the others keeping their
    /// order (NumPy's `moveaxis`); a view.
    public func moveAxes(_ source: [Int], to destination: [Int]) throws -> Tensor {
        guard source.count == destination.count else {
            throw TensorError.invalidArgument(op: "moveaxis", message: "source and destination must have the same number of elements, got \(source.count) and \(destination.count)")
        }
        let from = try source.map { try Tensor.normalizeAxis($0, ndim: ndim) }
        let to = try destination.map { try Tensor.normalizeAxis($0, ndim: ndim) }
        guard Set(from).count == from.count else { throw TensorError.invalidArgument(op: "moveaxis", message: "repeated axis in source") }
        guard Set(to).count == to.count else { throw TensorError.invalidArgument(op: "moveaxis", message: "repeated axis in destination") }
        var order = (0..<ndim).filter { !from.contains($0) }
        for (d, s) in zip(to, from).sorted(by: { $0.0 < $1.0 }) { order.insert(s, at: d) }
        return try transpose(order)
    }

    /// Elements at `indices` along `axis` (of the flattened tensor if nil), as NumPy's `take`:
    /// the result has the index's shape in place of that axis. Negative indices count from
    /// the end; anything outside the axis is `indexOutOfRange`.
    public func take(_ indices: Tensor, axis: Int?) throws -> Tensor {
        guard indices.dtype != .bool else { throw TensorError.nonIntegerIndices(dtype: .bool) }
        guard let axis else { return try ravel().take(indices, axis: 0) }
        let a = try Tensor.normalizeAxis(axis, ndim: ndim)
        var index = [IndexComponent](repeating: .all, count: ndim)
        index[a] = .tensor(indices)
        return try get(index)
    }

    /// `values` written at `indices` along `axis`, in place (NumPy's `put_along_axis`): the
    /// store that `takeAlong(indices, axis:)` would read, with `values` broadcast to it.
    public func putAlong(_ indices: Tensor, _ values: Tensor, axis: Int) throws {
        try set(try alongIndex(indices, axis: axis, op: "put_along_axis"), to: values)
    }

    /// One index array per axis for the `*_along_axis` functions: `indices` on `axis`, and a
    /// range on every other axis, shaped to broadcast with it.
    func alongIndex(_ indices: Tensor, axis: Int, op: String) throws -> [IndexComponent] {
        let ax = try Tensor.normalizeAxis(axis, ndim: ndim)
        guard indices.ndim == ndim else {
            throw TensorError.invalidArgument(op: op, message: "indices must have as many dimensions as the tensor (\(ndim)), got \(indices.ndim)")
        }
        guard !indices.dtype.isFloatingPoint else { throw TensorError.nonIntegerIndices(dtype: indices.dtype) }
        return try (0..<ndim).map { d in
            if d == ax { return .tensor(indices) }
            var s = [Int](repeating: 1, count: ndim)
            s[d] = shape[d]
            return .tensor(try Tensor.arange(0, Double(shape[d]), dtype: .int64).reshape(s))
        }
    }

    /// The positions of the non-zero elements, one row of `ndim` int64 coordinates each
    /// (NumPy's `argwhere`, shape (count, ndim)).
    public func argwhere() throws -> Tensor {
        let coordinates = try nonzero()
        if coordinates.isEmpty {
            // A 0-d tensor: one empty coordinate row when its element is non-zero.
            let n = try cast(to: .bool).item() != 0 ? 1 : 0
            return try Tensor(uninitialized: [n, 0], dtype: .int64)
        }
        return try Tensor.stack(coordinates, axis: 1)
    }

    /// A copy with every `kth` element (along `axis`; the flattened tensor if nil) in its
    /// sorted place, smaller ones before it and larger ones after (NumPy's `partition`).
    /// It sorts each line fully, which satisfies that contract; NumPy's introselect
    /// leaves the sides in another (unspecified) order.
    public func partition(_ kth: [Int], axis: Int?) throws -> Tensor {
        try checkKth(kth, axis: axis, op: "partition")
        return try sort(axis: axis)
    }

    /// The indices that would partition the tensor (NumPy's `argpartition`), with the
    /// same contract and method as `partition` (a stable sort of each line).
    public func argpartition(_ kth: [Int], axis: Int?) throws -> Tensor {
        try checkKth(kth, axis: axis, op: "argpartition")
        return try argsort(axis: axis)
    }

    /// Every kth must name a position of the partitioned axis (negative counts from the end).
    private func checkKth(_ kth: [Int], axis: Int?, op: String) throws {
        let n: Int
        if let axis {
            guard ndim > 0 else { throw TensorError.axisOutOfRange(axis: axis, ndim: 0) }
            n = shape[try Tensor.normalizeAxis(axis, ndim: ndim)]
        } else {
            n = count
        }
        for k in kth where k < -n || k >= n { throw TensorError.kthOutOfRange(op: op, kth: k, size: n) }
    }
}
