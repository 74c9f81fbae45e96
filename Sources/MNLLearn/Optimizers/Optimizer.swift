import TensorKit

/// An optimizer as PyTorch's: an update rule (SGD, Adam...) applied to each parameter by
/// its path (`"0.weight"`), with the rule's state (momentum, moment estimates) created on
/// the parameter's first update and kept under the same path, so optimizer state, model
/// parameters and saved files share their keys. Parameters are updated in place (their
/// storage is the model's), all or none: every gradient is checked before any update.
///
///     let opt = try Optimizer(Adam(), lr: 0.001)
///     try opt.step([("w", w), ("b", b)], gradients: ["w": gw, "b": gb])
public final class Optimizer {
    public let rule: any UpdateRule
    /// The learning rate of the next step; schedules set it.
    public private(set) var lr: Double
    /// Per path: the rule's state tensors and how many updates the parameter has had.
    public private(set) var state: [String: ParameterState] = [:]

    public struct ParameterState {
        /// In the order of the rule's `stateNames`.
        public var tensors: [Tensor]
        public var steps: Int

        public init(tensors: [Tensor], steps: Int) {
            self.tensors = tensors
            self.steps = steps
        }
    }

    /// Puts back the state of one parameter (resuming from a saved optimizer); the caller
    /// checks the tensors' number and shapes against the rule and the parameter.
    public func restore(_ path: String, _ s: ParameterState) { state[path] = s }

    public init(_ rule: any UpdateRule, lr: Double) throws(LearnError) {
        self.rule = rule
        self.lr = lr
        try setLearningRate(lr)
    }

    public func setLearningRate(_ lr: Double) throws(LearnError) {
        try require(lr.isFinite && lr >= 0, rule.name, "lr", lr, "a number at least 0")
        self.lr = lr
    }

    /// Forgets all state (as a fresh optimizer over the same parameters).
    public func reset() { state = [:] }

    /// One update of every parameter that has a gradient (a parameter without one is left
    /// alone, as PyTorch skips `grad=None`).
    public func step(_ parameters: [(path: String, tensor: Tensor)], gradients: [String: Tensor]) throws {
        let work = try parameters.compactMap { p -> (String, Tensor, Tensor)? in
            guard let g = gradients[p.path] else { return nil }
            try check(p.path, p.tensor, g)
            return (p.path, p.tensor, g)
        }
        for (path, p, g) in work { try update(path, p, g) }
    }

    func check(_ path: String, _ p: Tensor, _ g: Tensor) throws(LearnError) {
        guard p.dtype == .float32 || p.dtype == .float64 else { throw .notFloatingPoint(path: path, dtype: p.dtype.rawValue) }
        guard p.shape == g.shape else { throw .gradientMismatch(path: path, parameter: p.shape, gradient: g.shape) }
    }

    func update(_ path: String, _ p: Tensor, _ g: Tensor) throws {
        // The kernels run over contiguous buffers; a parameter that is a view is updated in a
        // copy that is written back.
        let target = try p.contiguous()
        let gradient = try (g.dtype == p.dtype ? g : g.cast(to: p.dtype)).contiguous()
        var s = try state[path] ?? ParameterState(
            tensors: rule.stateNames.map { _ in try Tensor(zeros: p.shape, dtype: p.dtype) }, steps: 0)
        s.steps += 1
        switch p.dtype {
        case .float64: rule.apply(UpdateBuffers<Double>(target, gradient, s.tensors), lr: lr, step: s.steps)
        default: rule.apply(UpdateBuffers<Float>(target, gradient, s.tensors), lr: lr, step: s.steps)
        }
        state[path] = s
        if target.storage !== p.storage { try p.assign(target) }
    }
}

/// How one kind of optimizer changes a parameter, given its gradient and its state.
public protocol UpdateRule {
    /// PyTorch's class name, for messages.
    var name: String { get }
    /// The state it keeps per parameter, each a tensor of the parameter's shape starting at 0.
    var stateNames: [String] { get }
    /// Its hyperparameters by PyTorch's names (without `lr`), for the optimizer's repr.
    var settings: [(name: String, value: OptimizerSetting)] { get }
    /// Updates `b.parameter` in place; `step` counts this parameter's updates from 1.
    func apply<T: OptimizerFloat>(_ b: UpdateBuffers<T>, lr: Double, step: Int)
}

/// A hyperparameter's value as an optimizer's repr shows it.
public enum OptimizerSetting: Equatable {
    case number(Double)
    case flag(Bool)
    case pair(Double, Double)
}

/// The float types optimizers compute in.
public protocol OptimizerFloat: BinaryFloatingPoint, TensorElement {}
extension Float: OptimizerFloat {}
extension Double: OptimizerFloat {}

/// A parameter, its gradient and its state as raw buffers of one float type, all
/// contiguous and of the same count: the update rules are single fused loops over them.
public struct UpdateBuffers<T: OptimizerFloat> {
    public let parameter: UnsafeMutablePointer<T>
    public let gradient: UnsafeMutablePointer<T>
    public let state: [UnsafeMutablePointer<T>]
    public let count: Int

    init(_ p: Tensor, _ g: Tensor, _ s: [Tensor]) {
        parameter = p.storage.pointer(T.self) + p.offset
        gradient = g.storage.pointer(T.self) + g.offset
        state = s.map { $0.storage.pointer(T.self) + $0.offset }
        count = p.count
    }
}
