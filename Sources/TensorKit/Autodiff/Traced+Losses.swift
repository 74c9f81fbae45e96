/// Activations and losses, all composites of primitives, so their gradients come free and no
/// derivative is written twice. Classes are on the last axis (logits (N, C) or (C)).

extension Traced {
    /// x where x > 0, else alpha · x.
    public func leakyRelu(alpha: Double) throws -> Traced {
        try Traced.where(Tensor.binary(.greater, value, 0), self, self * alpha)
    }

    // GELU, exact and tanh forms: Traced+GELU.swift.

    /// exp(x) / sum(exp(x)) along `axis`; the maximum is subtracted first, as a constant (the
    /// result does not depend on it), so large logits do not overflow.
    public func softmax(axis: Int = -1) throws -> Traced {
        let x = try cast(to: Promotion.floatResult(dtype))
        let m = try x.value.max(axes: [axis], keepdims: true)
        let e = try (x - Traced(constant: Tensor.where(m.unary(.isinf), 0, m))).exp()
        return try e / e.sum(axes: [axis], keepdims: true)
    }

    /// x - logsumexp(x) along `axis`: stable for any finite logits.
    public func logSoftmax(axis: Int = -1) throws -> Traced {
        let x = try cast(to: Promotion.floatResult(dtype))
        return try x - x.logsumexp(axes: [axis], keepdims: true)
    }

    /// The mean cross-entropy of `logits` (…, C) against `labels`: integer class indices of
    /// shape (…), or probabilities (one-hot or soft) of the logits' shape. Computed through
    /// `logSoftmax`, so it stays finite for logits in the thousands.
    public static func crossEntropy(_ logits: Traced, labels: Tensor) throws -> Traced {
        let logp = try logits.logSoftmax(axis: -1)
        if !labels.dtype.isFloatingPoint {
            guard labels.shape == Array(logits.shape.dropLast()) else {
                throw TensorError.shapeMismatch(op: "cross_entropy", lhs: logits.shape, rhs: labels.shape)
            }
            let picked = try logp.takeAlong(labels.expandDims(labels.ndim), axis: -1)
            return try -picked.mean()
        }
        guard labels.shape == logits.shape else {
            throw TensorError.shapeMismatch(op: "cross_entropy", lhs: logits.shape, rhs: labels.shape)
        }
        return try -(logp * Traced(constant: labels)).sum(axes: [-1]).mean()
    }

    /// The mean negative log-likelihood of log-probabilities (…, C) at integer `labels` (…).
    public static func nllLoss(_ logProbabilities: Traced, labels: Tensor) throws -> Traced {
        guard !labels.dtype.isFloatingPoint, labels.shape == Array(logProbabilities.shape.dropLast()) else {
            throw TensorError.shapeMismatch(op: "nll_loss", lhs: logProbabilities.shape, rhs: labels.shape)
        }
        return try -logProbabilities.takeAlong(labels.expandDims(labels.ndim), axis: -1).mean()
    }

    /// The mean squared error (shapes broadcast).
    public static func mseLoss(_ prediction: Traced, _ target: Traced) throws -> Traced {
        let d = try prediction - target
        return try (d * d).mean()
    }

    /// The mean binary cross-entropy of `logits` against targets in [0, 1], in the stable form
    /// max(x, 0) - x·y + log(1 + exp(-|x|)), which never exponentiates a large positive number.
    /// `maximum` (half the gradient on a tie), not `relu`, so that at x = 0 the kinks of max and
    /// |x| cancel and the gradient is the true sigmoid(0) - y.
    public static func binaryCrossEntropyWithLogits(_ logits: Traced, _ targets: Traced) throws -> Traced {
        let softplusOfMinusAbs = try (logits.abs().negated().exp() + 1).log()
        return try (Traced.maximum(logits, 0) - logits * targets + softplusOfMinusAbs).mean()
    }
}
