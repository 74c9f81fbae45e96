/// Shape and movement primitives (reshape, transpose, broadcast, indexing, concat) and the
/// composites built on them (squeeze, expand_dims, flatten, stack, split, take, take_along).

extension Traced {
    public func reshape(_ newShape: [Int]) throws -> Traced {
        let inputShape = shape
        return try Traced.record(value.reshape(newShape), (self, { try $0.reshape(inputShape) }))
    }

    /// The axes permuted (`perm[i]` is the source axis of result axis `i`; nil reverses them).
    public func transpose(_ perm: [Int]? = nil) throws -> Traced {
        let p = try (perm ?? Array((0..<ndim).reversed())).map { try Tensor.normalizeAxis($0, ndim: ndim) }
        var inverse = [Int](repeating: 0, count: p.count)
        for (i, axis) in p.enumerated() where axis < inverse.count { inverse[axis] = i }
        return try Traced.record(value.transpose(p), (self, { try $0.transpose(inverse) }))
    }

    /// Two axes swapped.
    public func swapAxes(_ a: Int, _ b: Int) throws -> Traced {
        var p = Array(0..<ndim)
        p.swapAt(try Tensor.normalizeAxis(a, ndim: ndim), try Tensor.normalizeAxis(b, ndim: ndim))
        return try transpose(p)
    }

    /// A view broadcast to `shape` (NumPy's `broadcast_to`, PyTorch's `expand`). The gradient
    /// passes through: `Tape.fit` sums it back.
    public func broadcast(to target: [Int]) throws -> Traced {
        try Traced.record(value.broadcast(to: target), (self, { $0 }))
    }

    public func squeeze(_ axes: [Int]? = nil) throws -> Traced {
        try reshape(value.squeeze(axes).shape)
    }

    public func expandDims(_ axis: Int) throws -> Traced {
        try reshape(value.expandDims(axis).shape)
    }

    public func flatten() throws -> Traced { try reshape([count]) }

    /// `x[index]`: basic indexing (views), integer-array gathers and boolean masks alike. The
    /// gradient scatters back into zeros with `+=`, so repeated indices accumulate.
    public func get(_ index: [IndexComponent]) throws -> Traced {
        // 2-byte floats accumulate in float32 (`Tape.fit` rounds the result back).
        let inputShape = shape, accumulator: DType = dtype.isHalf ? .float32 : dtype
        return try Traced.record(value.get(index), (self, { g in
            let grad = try Tensor.zeros(inputShape, dtype: accumulator)
            try grad.addAt(index, g)
            return grad
        }))
    }

    /// Elements at `indices` along `axis` (the flattened tensor if nil), as `Tensor.take`.
    public func take(_ indices: Tensor, axis: Int?) throws -> Traced {
        guard indices.dtype != .bool else { throw TensorError.nonIntegerIndices(dtype: .bool) }
        guard let axis else { return try flatten().take(indices, axis: 0) }
        var index = [IndexComponent](repeating: .all, count: ndim)
        index[try Tensor.normalizeAxis(axis, ndim: ndim)] = .tensor(indices)
        return try get(index)
    }

    /// NumPy's `take_along_axis`.
    public func takeAlong(_ indices: Tensor, axis: Int) throws -> Traced {
        try get(value.alongIndex(indices, axis: axis, op: "take_along_axis"))
    }

    /// Tensors joined along an existing axis; each input's gradient is its slice of the output's.
    public static func concat(_ parts: [Traced], axis: Int = 0) throws -> Traced {
        let out = try Tensor.concat(parts.map(\.value), axis: axis)
        let ax = try Tensor.normalizeAxis(axis, ndim: out.ndim)
        var start = 0
        var inputs: [Input] = []
        for part in parts {
            let (from, length) = (start, part.shape[ax])
            inputs.append((part, { g in g.narrow(ax, from, length) }))
            start += length
        }
        return try record(out, inputs)
    }

    /// Tensors of one shape joined along a new axis.
    public static func stack(_ parts: [Traced], axis: Int = 0) throws -> Traced {
        guard let first = parts.first else {
            throw TensorError.invalidArgument(op: "stack", message: "need at least one tensor to stack")
        }
        let ax = try Tensor.normalizeAxis(axis, ndim: first.ndim + 1)
        for (i, t) in parts.enumerated() where t.shape != first.shape {
            throw TensorError.joinMismatch(op: "stack", index: i + 1, first: first.shape, other: t.shape, axis: ax)
        }
        return try concat(parts.map { try $0.expandDims(ax) }, axis: ax)
    }

    /// Pieces split before each index along `axis`, as NumPy's `split`: piece k is the Python
    /// slice `indices[k-1]:indices[k]` (so indices clamp and may be negative).
    public func split(indices: [Int], axis: Int = 0) throws -> [Traced] {
        let ax = try Tensor.normalizeAxis(axis, ndim: ndim)
        let starts: [Int?] = [0] + indices, stops: [Int?] = indices + [nil]
        return try zip(starts, stops).map { start, stop in
            var index = [IndexComponent](repeating: .all, count: ndim)
            index[ax] = .slice(start: start, stop: stop, step: 1)
            return try get(index)
        }
    }

    /// `sections` equal pieces along `axis`.
    public func split(sections: Int, axis: Int = 0) throws -> [Traced] {
        let sizes = try value.split(sections: sections, axis: axis).map { $0.shape[try Tensor.normalizeAxis(axis, ndim: ndim)] }
        var cuts: [Int] = [], total = 0
        for size in sizes.dropLast() { total += size; cuts.append(total) }
        return try split(indices: cuts, axis: axis)
    }
}
