/// NumPy's joining helpers (vstack, hstack, column_stack, concatenate with axis=None) and the
/// matrix constructors and views (diagonal, diag, triu, tril, trace, meshgrid), built on
/// `concat`, views and `where`.
extension Tensor {
    /// Joined along axis 0 after making each at least 2-D (a 1-D tensor becomes a row).
    public static func vstack(_ tensors: [Tensor]) throws -> Tensor {
        try concat(tensors.map { $0.ndim >= 2 ? $0 : try $0.reshape([1, $0.count]) }, axis: 0, op: "vstack")
    }

    /// Joined along axis 1, or along axis 0 when all are 1-D (0-d tensors count as 1-D).
    public static func hstack(_ tensors: [Tensor]) throws -> Tensor {
        let parts = try tensors.map { $0.ndim == 0 ? try $0.reshape([1]) : $0 }
        return try concat(parts, axis: parts.allSatisfy { $0.ndim == 1 } ? 0 : 1, op: "hstack")
    }

    /// 1-D tensors as columns (and 0-d as 1×1), joined along axis 1.
    public static func columnStack(_ tensors: [Tensor]) throws -> Tensor {
        try concat(tensors.map { $0.ndim >= 2 ? $0 : try $0.reshape([$0.count, 1]) }, axis: 1, op: "column_stack")
    }

    /// `concat`, or with `axis` nil the tensors flattened and joined (NumPy's `concatenate`).
    public static func concatenate(_ tensors: [Tensor], axis: Int?) throws -> Tensor {
        guard let axis else { return try concat(tensors.map { try $0.reshape([$0.count]) }, axis: 0, op: "concatenate") }
        return try concat(tensors, axis: axis, op: "concatenate")
    }

    /// A view of the diagonal `offset` of the axes `axis1` and `axis2`, which are removed; the
    /// diagonal becomes the last axis (NumPy's `diagonal`, but a writable view).
    public func diagonal(offset: Int = 0, axis1: Int = 0, axis2: Int = 1) throws -> Tensor {
        guard ndim >= 2 else { throw TensorError.invalidArgument(op: "diagonal", message: "the input must have at least 2 dimensions") }
        let a = try Tensor.normalizeAxis(axis1, ndim: ndim), b = try Tensor.normalizeAxis(axis2, ndim: ndim)
        guard a != b else { throw TensorError.invalidArgument(op: "diagonal", message: "axis1 and axis2 cannot be the same") }
        // Row i of the diagonal is element (i, i + offset), or (i − offset, i) below it.
        let rows = shape[a] - Swift.max(0, -offset), cols = shape[b] - Swift.max(0, offset)
        let length = Swift.max(0, Swift.min(rows, cols))
        let start = length == 0 ? 0 : (offset >= 0 ? offset * strides[b] : -offset * strides[a])
        let kept = (0..<ndim).filter { $0 != a && $0 != b }
        return Tensor(storage: storage, shape: kept.map { shape[$0] } + [length],
                      strides: kept.map { strides[$0] } + [strides[a] + strides[b]], offset: self.offset + start)
    }

    /// From a 1-D tensor, the square matrix with it on diagonal `k`; from a 2-D tensor, a copy
    /// of its diagonal `k` (NumPy's `diag`).
    public static func diag(_ v: Tensor, k: Int = 0) throws -> Tensor {
        switch v.ndim {
        case 1:
            let n = v.count + Swift.abs(k)
            let out = try Tensor(zeros: [n, n], dtype: v.dtype)
            try out.diagonal(offset: k).assign(v)
            return out
        case 2: return try v.diagonal(offset: k).copy()
        default: throw TensorError.invalidArgument(op: "diag", message: "the input must be 1-D or 2-D, not \(v.ndim)-D")
        }
    }

    /// The sum of diagonal `offset` of the axes `axis1`, `axis2` (integers sum to int64).
    public func trace(offset: Int = 0, axis1: Int = 0, axis2: Int = 1) throws -> Tensor {
        try diagonal(offset: offset, axis1: axis1, axis2: axis2).sum(axes: [-1])
    }

    /// Zeros below diagonal `k` of the last two axes (a 1-D tensor is taken as every row of a square matrix, as in NumPy).
    public func triu(k: Int = 0) throws -> Tensor { try triangle(k: k, upper: true) }

    /// Zeros above diagonal `k` of the last two axes.
    public func tril(k: Int = 0) throws -> Tensor { try triangle(k: k, upper: false) }

    private func triangle(k: Int, upper: Bool) throws -> Tensor {
        let op = upper ? "triu" : "tril"
        guard ndim >= 1 else { throw TensorError.invalidArgument(op: op, message: "the input must have at least 1 dimension") }
        let m = shape[ndim - 1], n = ndim >= 2 ? shape[ndim - 2] : m
        let rows = try Tensor.arange(0, Double(n), dtype: .int64).reshape([n, 1])
        let columns = try Tensor.arange(0, Double(m), dtype: .int64).reshape([1, m])
        let offsets = try Tensor.binary(.subtract, columns, rows)
        let keep = try Tensor.binary(upper ? .greaterEqual : .lessEqual, offsets, Tensor(scalar: Int64(k)))
        return try Tensor.where(keep, self, Tensor(zeros: [], dtype: dtype))
    }

    /// Coordinate grids: each 1-D input broadcast over the others' lengths. With Cartesian
    /// indexing ("xy", NumPy's default) the first two output axes are swapped.
    public static func meshgrid(_ vectors: [Tensor], cartesian: Bool = true) throws -> [Tensor] {
        var lengths = vectors.map(\.count)
        if cartesian && lengths.count >= 2 { lengths.swapAt(0, 1) }
        return try vectors.enumerated().map { i, v in
            var axis = i
            if cartesian && vectors.count >= 2 && i < 2 { axis = 1 - i }
            let shape = lengths.indices.map { $0 == axis ? v.count : 1 }
            return try v.reshape([v.count]).reshape(shape).broadcast(to: lengths, op: "meshgrid").contiguous()
        }
    }
}
