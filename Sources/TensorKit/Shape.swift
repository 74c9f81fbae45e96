/// Movement ops: reshape, transpose, squeeze, concatenation and friends.
/// Reshape of contiguous data, transpose, squeeze and expand_dims are views.

extension Tensor {
    /// Number of elements (NumPy's `size`).
    public var size: Int { count }

    /// `axis` made non-negative, or `axisOutOfRange`.
    public static func normalizeAxis(_ axis: Int, ndim: Int) throws -> Int {
        let a = axis < 0 ? axis + ndim : axis
        guard a >= 0 && a < ndim else { throw TensorError.axisOutOfRange(axis: axis, ndim: ndim) }
        return a
    }

    /// The same elements with a new shape; one entry may be -1 (inferred).
    /// A view when this tensor is contiguous, else a copy.
    public func reshape(_ newShape: [Int]) throws -> Tensor {
        var shape = newShape
        let unknown = newShape.indices.filter { newShape[$0] == -1 }
        guard unknown.count <= 1, newShape.allSatisfy({ $0 >= -1 }) else {
            throw TensorError.badReshape(from: self.shape, to: newShape)
        }
        let (known, overflow) = Tensor.checkedCount(newShape.filter { $0 != -1 })
        guard !overflow else { throw TensorError.badReshape(from: self.shape, to: newShape) }
        if let u = unknown.first {
            guard known > 0, count % known == 0 else { throw TensorError.badReshape(from: self.shape, to: newShape) }
            shape[u] = count / known
        } else if known != count {
            throw TensorError.badReshape(from: self.shape, to: newShape)
        }
        let base = isContiguous ? self : try copy()
        return Tensor(storage: base.storage, shape: shape, strides: Tensor.contiguousStrides(shape), offset: base.offset)
    }

    /// The axes permuted (`perm[i]` is the source axis of result axis `i`); nil reverses them.
    /// Always a view.
    public func transpose(_ perm: [Int]? = nil) throws -> Tensor {
        let p = try (perm ?? Array((0..<ndim).reversed())).map { try Tensor.normalizeAxis($0, ndim: ndim) }
        guard p.count == ndim, Set(p).count == ndim else {
            throw TensorError.invalidArgument(op: "transpose", message: "axes \(perm ?? []) are not a permutation of \(ndim) axes")
        }
        return Tensor(storage: storage, shape: p.map { shape[$0] }, strides: p.map { strides[$0] }, offset: offset)
    }

    /// The axes reversed (NumPy's `.T`); a view.
    public var T: Tensor {
        Tensor(storage: storage, shape: shape.reversed(), strides: strides.reversed(), offset: offset)
    }

    /// Two axes swapped; a view.
    public func swapAxes(_ a: Int, _ b: Int) throws -> Tensor {
        var p = Array(0..<ndim)
        p.swapAt(try Tensor.normalizeAxis(a, ndim: ndim), try Tensor.normalizeAxis(b, ndim: ndim))
        return try transpose(p)
    }

    /// One dimension, always a copy (NumPy's `flatten`).
    public func flatten() throws -> Tensor { try copy().reshape([count]) }

    /// One dimension, a view when contiguous (NumPy's `ravel`).
    public func ravel() throws -> Tensor { try reshape([count]) }

    /// Size-1 axes removed (all of them if `axes` is nil); removing a bigger axis throws.
    public func squeeze(_ axes: [Int]? = nil) throws -> Tensor {
        let drop: Set<Int>
        if let axes {
            drop = Set(try axes.map { try Tensor.normalizeAxis($0, ndim: ndim) })
            for a in drop where shape[a] != 1 {
                throw TensorError.invalidArgument(op: "squeeze", message: "cannot select an axis to squeeze out which has size not equal to one (axis \(a) has size \(shape[a]))")
            }
        } else {
            drop = Set(shape.indices.filter { shape[$0] == 1 })
        }
        let keep = shape.indices.filter { !drop.contains($0) }
        return Tensor(storage: storage, shape: keep.map { shape[$0] }, strides: keep.map { strides[$0] }, offset: offset)
    }

    /// A size-1 axis inserted at `axis` (in `-(ndim+1)...ndim`); a view.
    public func expandDims(_ axis: Int) throws -> Tensor {
        let a = try Tensor.normalizeAxis(axis, ndim: ndim + 1)
        var sh = shape, st = strides
        sh.insert(1, at: a)
        st.insert(0, at: a)
        return Tensor(storage: storage, shape: sh, strides: st, offset: offset)
    }

    /// A view of `length` elements of `axis` from `start` (no checks: internal use).
    func narrow(_ axis: Int, _ start: Int, _ length: Int) -> Tensor {
        var sh = shape
        sh[axis] = length
        return Tensor(storage: storage, shape: sh, strides: strides, offset: offset + start * strides[axis])
    }

    /// Tensors joined along an existing axis (dtypes promote; other axes must match).
    /// `op` names the user's function (vstack, hstack, ...) in errors.
    public static func concat(_ tensors: [Tensor], axis: Int = 0, op: String = "concat") throws -> Tensor {
        guard let first = tensors.first else {
            throw TensorError.invalidArgument(op: op, message: "need at least one tensor to concatenate")
        }
        guard first.ndim > 0 else {
            throw TensorError.invalidArgument(op: op, message: "zero-dimensional tensors cannot be concatenated")
        }
        let ax = try normalizeAxis(axis, ndim: first.ndim)
        var total = 0
        var dt = first.dtype
        for (i, t) in tensors.enumerated() {
            var a = t.shape, b = first.shape
            let mismatch = TensorError.joinMismatch(op: op, index: i + 1, first: first.shape, other: t.shape, axis: ax)
            guard a.count == b.count else { throw mismatch }
            a[ax] = 0; b[ax] = 0
            guard a == b else { throw mismatch }
            total += t.shape[ax]
            dt = Promotion.promote(dt, t.dtype)
        }
        var shape = first.shape
        shape[ax] = total
        let out = try Tensor(uninitialized: shape, dtype: dt)  // the pieces cover every element
        var start = 0
        for t in tensors {
            try out.narrow(ax, start, t.shape[ax]).assign(t)
            start += t.shape[ax]
        }
        return out
    }

    /// Tensors of one shape joined along a new axis.
    public static func stack(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor {
        guard let first = tensors.first else {
            throw TensorError.invalidArgument(op: "stack", message: "need at least one tensor to stack")
        }
        let ax = try normalizeAxis(axis, ndim: first.ndim + 1)
        for (i, t) in tensors.enumerated() where t.shape != first.shape {
            throw TensorError.joinMismatch(op: "stack", index: i + 1, first: first.shape, other: t.shape, axis: ax)
        }
        return try concat(tensors.map { try $0.expandDims(ax) }, axis: ax)
    }

    /// `sections` equal views along `axis` (the axis must divide evenly, as NumPy's `split`).
    public func split(sections: Int, axis: Int = 0) throws -> [Tensor] {
        let ax = try Tensor.normalizeAxis(axis, ndim: ndim)
        guard sections > 0, shape[ax] % sections == 0 else {
            throw TensorError.invalidArgument(op: "split", message: "array split does not result in an equal division (\(shape[ax]) into \(sections))")
        }
        let n = shape[ax] / sections
        return try split(indices: (1..<sections).map { $0 * n }, axis: ax)
    }

    /// Views split before each index along `axis` (indices clamp to the axis, as NumPy).
    public func split(indices: [Int], axis: Int = 0) throws -> [Tensor] {
        let ax = try Tensor.normalizeAxis(axis, ndim: ndim)
        let n = shape[ax]
        var cuts = [0]
        for i in indices {
            let c = i < 0 ? Swift.max(0, i + n) : Swift.min(i, n)
            cuts.append(c)
        }
        cuts.append(n)
        var parts: [Tensor] = []
        for k in 0..<(cuts.count - 1) {
            let lo = cuts[k], hi = Swift.max(cuts[k], cuts[k + 1])
            parts.append(narrow(ax, Swift.min(lo, n), hi - lo))
        }
        return parts
    }

    /// Each element repeated `n` times along `axis` (flattened first if `axis` is nil).
    public func repeated(_ n: Int, axis: Int? = nil) throws -> Tensor {
        guard n >= 0 else { throw TensorError.invalidArgument(op: "repeat", message: "negative repeat count \(n)") }
        let x = axis == nil ? try ravel() : self
        let ax = try Tensor.normalizeAxis(axis ?? 0, ndim: x.ndim)
        var target = x.shape
        target.insert(n, at: ax + 1)
        let expanded = try x.expandDims(ax + 1).broadcast(to: target, op: "repeat").copy()
        var final = x.shape
        let (m, o) = final[ax].multipliedReportingOverflow(by: n)
        guard !o else { throw TensorError.outOfMemory(bytes: Int.max) }
        final[ax] = m
        return try expanded.reshape(final)
    }

    /// The tensor repeated `reps[i]` times along each axis (NumPy's `tile`).
    public func tiled(_ reps: [Int]) throws -> Tensor {
        guard reps.allSatisfy({ $0 >= 0 }) else { throw TensorError.invalidArgument(op: "tile", message: "negative repetitions \(reps)") }
        let n = Swift.max(ndim, reps.count)
        let r = [Int](repeating: 1, count: n - reps.count) + reps
        let x = try reshape([Int](repeating: 1, count: n - ndim) + shape)
        var viewShape: [Int] = [], viewStrides: [Int] = [], target: [Int] = [], final: [Int] = []
        for i in 0..<n {
            viewShape += [1, x.shape[i]]
            viewStrides += [0, x.strides[i]]
            target += [r[i], x.shape[i]]
            let (m, o) = r[i].multipliedReportingOverflow(by: x.shape[i])
            guard !o else { throw TensorError.outOfMemory(bytes: Int.max) }
            final.append(m)
        }
        let v = Tensor(storage: x.storage, shape: viewShape, strides: viewStrides, offset: x.offset)
        return try v.broadcast(to: target, op: "tile").copy().reshape(final)
    }
}
