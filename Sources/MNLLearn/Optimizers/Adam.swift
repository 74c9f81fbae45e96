import Foundation

/// Adam, as `torch.optim.Adam` (`decoupled: false`: weight decay added to the gradient) and
/// `torch.optim.AdamW` (`decoupled: true`: the parameter shrinks by `lr * weight_decay`
/// before the step), with bias-corrected moment estimates and optional AMSGrad.
public struct Adam: UpdateRule {
    public let beta1: Double
    public let beta2: Double
    public let eps: Double
    public let weightDecay: Double
    public let amsgrad: Bool
    public let decoupled: Bool

    /// `Adam()`; `Adam(decoupled: true, weightDecay: 0.01)` is AdamW with PyTorch's defaults.
    public init(beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, weightDecay: Double = 0,
                amsgrad: Bool = false, decoupled: Bool = false) throws(LearnError) {
        let owner = decoupled ? "AdamW" : "Adam"
        try require(beta1.isFinite && beta1 >= 0 && beta1 < 1, owner, "beta1", beta1, "at least 0 and below 1")
        try require(beta2.isFinite && beta2 >= 0 && beta2 < 1, owner, "beta2", beta2, "at least 0 and below 1")
        try require(eps.isFinite && eps >= 0, owner, "eps", eps, "a number at least 0")
        try require(weightDecay.isFinite && weightDecay >= 0, owner, "weight_decay", weightDecay, "a number at least 0")
        (self.beta1, self.beta2, self.eps, self.weightDecay) = (beta1, beta2, eps, weightDecay)
        (self.amsgrad, self.decoupled) = (amsgrad, decoupled)
    }

    public var name: String { decoupled ? "AdamW" : "Adam" }
    public var stateNames: [String] { amsgrad ? ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"] : ["exp_avg", "exp_avg_sq"] }
    public var settings: [(name: String, value: OptimizerSetting)] {
        [("amsgrad", .flag(amsgrad)), ("betas", .pair(beta1, beta2)), ("eps", .number(eps)), ("weight_decay", .number(weightDecay))]
    }

    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public func apply<T: OptimizerFloat>(_ b: UpdateBuffers<T>, lr: Double, step: Int) {
        let b1 = T(beta1), b2 = T(beta2), eps = T(eps)
        let stepSize = T(lr / (1 - pow(beta1, Double(step))))
        let correction2 = T((1 - pow(beta2, Double(step))).squareRoot())
        let shrink = T(1 - lr * weightDecay), l2 = decoupled ? 0 : T(weightDecay)
        let p = b.parameter, g = b.gradient, m = b.state[0], v = b.state[1]
        let vmax = amsgrad ? b.state[2] : v
        for i in 0..<b.count {
            if decoupled { p[i] *= shrink }
            let d = g[i] + l2 * p[i]
            m[i] = b1 * m[i] + (1 - b1) * d
            v[i] = b2 * v[i] + (1 - b2) * d * d
            if amsgrad { vmax[i] = Swift.max(vmax[i], v[i]) }
            p[i] -= stepSize * m[i] / (vmax[i].squareRoot() / correction2 + eps)
        }
    }
}
