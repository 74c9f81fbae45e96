import Foundation

/// Learning-rate schedules, as `torch.optim.lr_scheduler`: the rate for an epoch from the
/// optimizer's initial rate, in closed form (so `step()` after a restore lands in place).
public enum Schedule: Equatable, Sendable {
    /// `StepLR(step_size, gamma)`: times gamma every step_size epochs.
    case step(size: Int, gamma: Double)
    /// `MultiStepLR(milestones, gamma)`: times gamma at each milestone.
    case multiStep(milestones: [Int], gamma: Double)
    /// `ExponentialLR(gamma)`: times gamma every epoch.
    case exponential(gamma: Double)
    /// `CosineAnnealingLR(T_max, eta_min)`: half a cosine from the base rate to eta_min over
    /// T_max epochs (and back up after, as PyTorch's closed form does).
    case cosine(tMax: Int, etaMin: Double)

    /// Checks the schedule's numbers, naming the one at fault.
    public func validated() throws(LearnError) -> Schedule {
        switch self {
        case .step(let size, let gamma):
            try require(size >= 1, "StepLR", "step_size", Double(size), "at least 1")
            try require(gamma.isFinite && gamma > 0, "StepLR", "gamma", gamma, "a number above 0")
        case .multiStep(let milestones, let gamma):
            for m in milestones { try require(m >= 0, "MultiStepLR", "milestones", Double(m), "epochs at least 0") }
            try require(gamma.isFinite && gamma > 0, "MultiStepLR", "gamma", gamma, "a number above 0")
        case .exponential(let gamma):
            try require(gamma.isFinite && gamma > 0, "ExponentialLR", "gamma", gamma, "a number above 0")
        case .cosine(let tMax, let etaMin):
            try require(tMax >= 1, "CosineAnnealingLR", "T_max", Double(tMax), "at least 1")
            try require(etaMin.isFinite && etaMin >= 0, "CosineAnnealingLR", "eta_min", etaMin, "a number at least 0")
        }
        return self
    }

    /// The learning rate in `epoch` (0 for the first) for an optimizer that started at `base`.
    public func rate(epoch: Int, base: Double) -> Double {
        switch self {
        case .step(let size, let gamma): return base * pow(gamma, Double(epoch / size))
        case .multiStep(let milestones, let gamma): return base * pow(gamma, Double(milestones.filter { $0 <= epoch }.count))
        case .exponential(let gamma): return base * pow(gamma, Double(epoch))
        case .cosine(let tMax, let etaMin):
            return etaMin + (base - etaMin) * (1 + cos(Double.pi * Double(epoch) / Double(tMax))) / 2
        }
    }
}
