#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// NumPy's order statistics and NaN-aware reductions, composed from the primitives (sort,
/// reduce, where, elementwise) rather than given kernels of their own.
/// Integer and bool inputs give float32, as `mean` does here (NumPy gives float64).
extension Tensor {
    /// The q-th quantiles (each q in [0, 1]) over `axes` by NumPy's default "linear" method:
    /// with the n values sorted, position q·(n−1) interpolated between its neighbours. A NaN
    /// in a line gives NaN. The result's shape is `q`'s shape followed by the reduced shape.
    public func quantile(_ q: Tensor, axes: [Int]? = nil, keepdims: Bool = false, op: String = "quantile") throws -> Tensor {
        let qs = q.toDoubles()
        guard qs.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
            throw TensorError.invalidArgument(op: op, message: op == "percentile" ? "percentiles must be in the range [0, 100]"
                                                                                     : "quantiles must be in the range [0, 1]")
        }
        let ax = try reductionAxes(axes, op: op)
        let n = ax.reduce(1) { $0 * shape[$1] }
        guard n > 0 else { throw TensorError.invalidArgument(op: op, message: "cannot take a \(op) of an empty selection") }
        let sorted = try linesAlongLastAxis(ax).sort(axis: -1)
        let last = sorted.ndim - 1
        let hasNaN = try sorted.narrow(last, n - 1, 1).unary(.isnan)
        let outShape = reducedShape(ax, keepdims: keepdims)
        let parts = try qs.map { p -> Tensor in
            let position = p * Double(n - 1)
            let lo = Swift.min(Int(position.rounded(.down)), n - 1), hi = Swift.min(lo + 1, n - 1)
            let value = try Tensor.lerp(sorted.narrow(last, lo, 1), sorted.narrow(last, hi, 1), position - Double(lo))
            return try Tensor.where(hasNaN, Tensor(scalar: .nan, dtype: value.dtype), value).reshape(outShape)
        }
        if q.ndim == 0, let only = parts.first { return only }
        return try Tensor.stack(parts, axis: 0).reshape(q.shape + outShape)
    }

    /// The median over `axes` (the 0.5 quantile).
    public func median(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor {
        try quantile(Tensor(scalar: 0.5, dtype: .float64), axes: axes, keepdims: keepdims, op: "median")
    }

    /// A float copy with the reduced `axes` moved last and merged into one: shape kept + [n].
    private func linesAlongLastAxis(_ axes: [Int]) throws -> Tensor {
        let kept = (0..<ndim).filter { !axes.contains($0) }
        let moved = try cast(to: Promotion.floatResult(dtype)).transpose(kept + axes).contiguous()
        return try moved.reshape(kept.map { shape[$0] } + [axes.reduce(1) { $0 * shape[$1] }])
    }

    /// a + (b − a)·t, computed from b's side when t ≥ 0.5 as NumPy does, so that t = 1 gives b exactly.
    private static func lerp(_ a: Tensor, _ b: Tensor, _ t: Double) throws -> Tensor {
        let difference = try binary(.subtract, b, a)
        if t >= 0.5 { return try binary(.subtract, b, try binary(.multiply, difference, 1 - t)) }
        return try binary(.add, a, try binary(.multiply, difference, t))
    }

    /// The sum with NaNs counted as zero.
    public func nansum(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor {
        try withoutNaN().sum(axes: axes, keepdims: keepdims)
    }

    /// The mean of the non-NaN elements (NaN where every element is NaN, as NumPy, which warns).
    public func nanmean(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor {
        let x = try cast(to: Promotion.floatResult(dtype))
        let total = try x.nansum(axes: axes, keepdims: keepdims)
        let counted = try x.unary(.isnan).unary(.logicalNot).sum(axes: axes, keepdims: keepdims)
        return try Tensor.binary(.divide, total, counted.cast(to: total.dtype))
    }

    /// This tensor with NaNs replaced by zero (integer tensors have none).
    private func withoutNaN() throws -> Tensor {
        guard dtype.isFloatingPoint else { return self }
        return try Tensor.where(unary(.isnan), Tensor(scalar: 0, dtype: dtype), self)
    }

    /// The weighted mean Σ w·x / Σ w over `axes`. `weights` has this tensor's shape, or, with
    /// one axis, is 1-D of that axis's length (NumPy's two forms).
    public func average(weights: Tensor, axis: Int?, keepdims: Bool = false) throws -> Tensor {
        var w = try weights.cast(to: Promotion.floatResult(Promotion.promote(dtype, weights.dtype)))
        if w.shape != shape {
            guard let axis, w.ndim == 1 else {
                throw TensorError.invalidArgument(op: "average", message: "axis must be given when the shapes of x \(shape) and weights \(w.shape) differ")
            }
            let ax = try Tensor.normalizeAxis(axis, ndim: ndim)
            guard w.count == shape[ax] else { throw TensorError.shapeMismatch(op: "average", lhs: [shape[ax]], rhs: w.shape) }
            w = try w.reshape((0..<ndim).map { $0 == ax ? w.count : 1 })
        }
        let axes = axis.map { [$0] }
        let scale = try w.broadcast(to: shape, op: "average").sum(axes: axes, keepdims: keepdims)
        if try scale.unary(.abs).min(axes: nil, keepdims: false).toDoubles().first == 0 {
            throw TensorError.invalidArgument(op: "average", message: "weights sum to zero, can't be normalized")
        }
        return try Tensor.binary(.divide, try Tensor.binary(.multiply, self, w).sum(axes: axes, keepdims: keepdims), scale)
    }

    /// Peak to peak: max − min over `axes` (NumPy's ptp).
    public func ptp(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor {
        try Tensor.binary(.subtract, max(axes: axes, keepdims: keepdims), min(axes: axes, keepdims: keepdims))
    }

    /// The n-th discrete difference along `axis`: x[1:] − x[:-1], n times (`!=` for bool, as NumPy).
    public func diff(n: Int = 1, axis: Int = -1) throws -> Tensor {
        guard n >= 0 else { throw TensorError.invalidArgument(op: "diff", message: "order must be non-negative but got \(n)") }
        guard ndim > 0 else { throw TensorError.invalidArgument(op: "diff", message: "diff requires input that is at least one dimensional") }
        let ax = try Tensor.normalizeAxis(axis, ndim: ndim)
        var x = self
        // Past the axis's length every difference is empty, so a huge n stops there.
        for _ in 0..<Swift.min(n, Swift.max(shape[ax], 1)) {
            try Cancellation.check()
            let length = Swift.max(x.shape[ax] - 1, 0)
            x = try Tensor.binary(dtype == .bool ? .notEqual : .subtract, x.narrow(ax, Swift.min(1, x.shape[ax]), length), x.narrow(ax, 0, length))
        }
        return n == 0 ? try copy() : x
    }
}
