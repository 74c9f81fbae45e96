/// Stochastic gradient descent, as `torch.optim.SGD`: with weight decay (added to the
/// gradient), momentum (the buffer starts as the first gradient), dampening and Nesterov.
public struct SGD: UpdateRule {
    public let momentum: Double
    public let dampening: Double
    public let nesterov: Bool
    public let weightDecay: Double

    public init(momentum: Double = 0, dampening: Double = 0, nesterov: Bool = false, weightDecay: Double = 0) throws(LearnError) {
        try require(momentum.isFinite && momentum >= 0, "SGD", "momentum", momentum, "a number at least 0")
        try require(dampening.isFinite && dampening >= 0 && dampening <= 1, "SGD", "dampening", dampening, "between 0 and 1")
        try require(weightDecay.isFinite && weightDecay >= 0, "SGD", "weight_decay", weightDecay, "a number at least 0")
        if nesterov && (momentum <= 0 || dampening != 0) {
            throw .incompatible(owner: "SGD", message: "nesterov=true needs momentum > 0 and dampening = 0")
        }
        (self.momentum, self.dampening, self.nesterov, self.weightDecay) = (momentum, dampening, nesterov, weightDecay)
    }

    public var name: String { "SGD" }
    public var stateNames: [String] { momentum > 0 ? ["momentum_buffer"] : [] }
    public var settings: [(name: String, value: OptimizerSetting)] {
        [("dampening", .number(dampening)), ("momentum", .number(momentum)), ("nesterov", .flag(nesterov)),
         ("weight_decay", .number(weightDecay))]
    }

    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public func apply<T: OptimizerFloat>(_ b: UpdateBuffers<T>, lr: Double, step: Int) {
        let lr = T(lr), wd = T(weightDecay), mu = T(momentum), keep = 1 - T(dampening)
        let p = b.parameter, g = b.gradient
        guard momentum > 0 else {
            for i in 0..<b.count { p[i] -= lr * (g[i] + wd * p[i]) }
            return
        }
        let buf = b.state[0], first = step == 1
        for i in 0..<b.count {
            let d = g[i] + wd * p[i]
            buf[i] = first ? d : mu * buf[i] + keep * d
            p[i] -= lr * (nesterov ? d + mu * buf[i] : buf[i])
        }
    }
}

/// Adagrad, as `torch.optim.Adagrad`: each coordinate's step shrinks with the sum of its
/// squared gradients.
public struct Adagrad: UpdateRule {
    public let lrDecay: Double
    public let weightDecay: Double
    public let initialAccumulatorValue: Double
    public let eps: Double

    public init(lrDecay: Double = 0, weightDecay: Double = 0, initialAccumulatorValue: Double = 0, eps: Double = 1e-10) throws(LearnError) {
        try require(lrDecay.isFinite && lrDecay >= 0, "Adagrad", "lr_decay", lrDecay, "a number at least 0")
        try require(weightDecay.isFinite && weightDecay >= 0, "Adagrad", "weight_decay", weightDecay, "a number at least 0")
        try require(initialAccumulatorValue.isFinite && initialAccumulatorValue >= 0, "Adagrad", "initial_accumulator_value",
                    initialAccumulatorValue, "a number at least 0")
        try require(eps.isFinite && eps >= 0, "Adagrad", "eps", eps, "a number at least 0")
        (self.lrDecay, self.weightDecay, self.initialAccumulatorValue, self.eps) = (lrDecay, weightDecay, initialAccumulatorValue, eps)
    }

    public var name: String { "Adagrad" }
    public var stateNames: [String] { ["sum"] }
    public var settings: [(name: String, value: OptimizerSetting)] {
        [("eps", .number(eps)), ("initial_accumulator_value", .number(initialAccumulatorValue)), ("lr_decay", .number(lrDecay)),
         ("weight_decay", .number(weightDecay))]
    }

    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public func apply<T: OptimizerFloat>(_ b: UpdateBuffers<T>, lr: Double, step: Int) {
        let clr = T(lr / (1 + Double(step - 1) * lrDecay)), wd = T(weightDecay), eps = T(eps)
        let p = b.parameter, g = b.gradient, sum = b.state[0]
        if step == 1 { for i in 0..<b.count { sum[i] = T(initialAccumulatorValue) } }
        for i in 0..<b.count {
            let d = g[i] + wd * p[i]
            sum[i] += d * d
            p[i] -= clr * d / (sum[i].squareRoot() + eps)
        }
    }
}

/// RMSprop, as `torch.optim.RMSprop`: steps scaled by a running average of squared
/// gradients (`alpha`), optionally centred (minus the squared running mean) and with momentum.
public struct RMSprop: UpdateRule {
    public let alpha: Double
    public let eps: Double
    public let weightDecay: Double
    public let momentum: Double
    public let centered: Bool

    public init(alpha: Double = 0.99, eps: Double = 1e-8, weightDecay: Double = 0, momentum: Double = 0,
                centered: Bool = false) throws(LearnError) {
        try require(alpha.isFinite && alpha >= 0 && alpha <= 1, "RMSprop", "alpha", alpha, "between 0 and 1")
        try require(eps.isFinite && eps >= 0, "RMSprop", "eps", eps, "a number at least 0")
        try require(weightDecay.isFinite && weightDecay >= 0, "RMSprop", "weight_decay", weightDecay, "a number at least 0")
        try require(momentum.isFinite && momentum >= 0, "RMSprop", "momentum", momentum, "a number at least 0")
        (self.alpha, self.eps, self.weightDecay, self.momentum, self.centered) = (alpha, eps, weightDecay, momentum, centered)
    }

    public var name: String { "RMSprop" }
    public var stateNames: [String] { ["square_avg"] + (momentum > 0 ? ["momentum_buffer"] : []) + (centered ? ["grad_avg"] : []) }
    public var settings: [(name: String, value: OptimizerSetting)] {
        [("alpha", .number(alpha)), ("centered", .flag(centered)), ("eps", .number(eps)), ("momentum", .number(momentum)),
         ("weight_decay", .number(weightDecay))]
    }

    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public func apply<T: OptimizerFloat>(_ b: UpdateBuffers<T>, lr: Double, step: Int) {
        let lr = T(lr), a = T(alpha), wd = T(weightDecay), mu = T(momentum), eps = T(eps)
        // Unused buffers alias square_avg and are never touched.
        let p = b.parameter, g = b.gradient, sq = b.state[0]
        let buf = momentum > 0 ? b.state[1] : sq, mean = centered ? b.state[b.state.count - 1] : sq
        for i in 0..<b.count {
            let d = g[i] + wd * p[i]
            sq[i] = a * sq[i] + (1 - a) * d * d
            var avg = sq[i]
            if centered {
                mean[i] = a * mean[i] + (1 - a) * d
                avg -= mean[i] * mean[i]
            }
            let denom = avg.squareRoot() + eps
            if momentum > 0 {
                buf[i] = mu * buf[i] + d / denom
                p[i] -= lr * buf[i]
            } else {
                p[i] -= lr * d / denom
            }
        }
    }
}
