/// Reductions: `sum`, `max`, `min` and `norm` are primitives; `mean`, `variance`, `std` and
/// `logsumexp` are composites whose gradients come from those. `axes` nil means all axes.
///
/// `max`/`min` split the gradient evenly among tied extremes (as `torch.amax` and JAX), so a
/// row of equal values passes 1/n to each.

extension Traced {
    public func sum(axes: [Int]? = nil, keepdims: Bool = false) throws -> Traced {
        let ax = try value.reductionAxes(axes, op: "sum")
        let kept = value.keptShape(reducing: ax), inputShape = value.shape
        return try Traced.record(value.sum(axes: ax, keepdims: keepdims), (self, { g in
            try g.reshape(kept).broadcast(to: inputShape)
        }))
    }

    public func max(axes: [Int]? = nil, keepdims: Bool = false) throws -> Traced {
        try extreme(.max, axes: axes, keepdims: keepdims)
    }

    public func min(axes: [Int]? = nil, keepdims: Bool = false) throws -> Traced {
        try extreme(.min, axes: axes, keepdims: keepdims)
    }

    private func extreme(_ op: ReduceOp, axes: [Int]?, keepdims: Bool) throws -> Traced {
        let ax = try value.reductionAxes(axes, op: op.rawValue)
        let kept = value.keptShape(reducing: ax)
        let out = try value.reduce(op, axes: ax, keepdims: keepdims)
        return try Traced.record(out, (self, { g in
            let hits = try Tensor.binary(.equal, value, out.reshape(kept)).cast(to: g.dtype)
            let share = try Tensor.binary(.divide, g.reshape(kept), hits.sum(axes: ax, keepdims: true))
            return try Tensor.binary(.multiply, hits, share)
        }))
    }

    public func mean(axes: [Int]? = nil, keepdims: Bool = false) throws -> Traced {
        let ax = try value.reductionAxes(axes, op: "mean")
        let n = ax.reduce(1) { $0 * shape[$1] }
        return try Traced.divide(sum(axes: ax, keepdims: keepdims).cast(to: Promotion.floatResult(dtype)), Double(n))
    }

    /// The variance with `ddof` delta degrees of freedom (NumPy's `var`), as mean squared deviation.
    public func variance(axes: [Int]? = nil, keepdims: Bool = false, ddof: Int = 0) throws -> Traced {
        let ax = try value.reductionAxes(axes, op: "var")
        let n = ax.reduce(1) { $0 * shape[$1] }
        let x = try cast(to: Promotion.floatResult(dtype))
        let deviation = try x - x.mean(axes: ax, keepdims: true)
        return try Traced.divide((deviation * deviation).sum(axes: ax, keepdims: keepdims), Double(n - ddof))
    }

    /// The standard deviation: sqrt(var). Its gradient is infinite where the variance is 0, as
    /// PyTorch's (NaN after multiplying by zero deviations).
    public func std(axes: [Int]? = nil, keepdims: Bool = false, ddof: Int = 0) throws -> Traced {
        try variance(axes: axes, keepdims: keepdims, ddof: ddof).sqrt()
    }

    /// log(sum(exp(x))), stable: the maximum m is subtracted before exponentiating and added
    /// back. m is treated as a constant; the result does not depend on it, so the gradient
    /// (softmax of x) is exact. An all -inf slice gives -inf (m is replaced by 0 there) and a
    /// NaN gradient, as PyTorch's.
    public func logsumexp(axes: [Int]? = nil, keepdims: Bool = false) throws -> Traced {
        let ax = try value.reductionAxes(axes, op: "logsumexp")
        let x = try cast(to: Promotion.floatResult(dtype))
        let m = try x.value.max(axes: ax, keepdims: true)
        let shift = try Tensor.where(m.unary(.isinf), 0, m)
        let total = try (x - Traced(constant: shift)).exp().sum(axes: ax, keepdims: true)
        let r = try total.log() + Traced(constant: shift)
        return keepdims ? r : try r.reshape(value.reducedShape(ax, keepdims: false))
    }

    /// The 2-norm (Frobenius over several axes). A primitive, not sqrt(sum(x²)), for stability:
    /// at x = 0 its rule gives 0 (a subgradient) where the composite would give 0/0 = NaN.
    public func norm(axes: [Int]? = nil, keepdims: Bool = false) throws -> Traced {
        let ax = try value.reductionAxes(axes, op: "norm")
        let kept = value.keptShape(reducing: ax)
        let out = try value.norm(axes: ax, keepdims: keepdims)
        return try Traced.record(out, (self, { g in
            let n = try out.reshape(kept)
            let safe = try Tensor.where(Tensor.binary(.equal, n, 0), 1, n)
            return try Tensor.binary(.multiply, value, Tensor.binary(.divide, g.reshape(kept), safe))
        }))
    }
}
