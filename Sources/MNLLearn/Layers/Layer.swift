import TensorKit

/// A layer as `torch.nn.Module`: a function of a tensor with its own parameters (by name)
/// and sub-layers (by name), so that every parameter has a path (`"0.weight"`,
/// `"encoder.2.bias"`) that optimizers, gradients and saved files share. Layers compute on
/// `Traced` values: while differentiating, `ForwardRun` hands each parameter over as a leaf
/// of the tape, otherwise as a constant, so one forward serves training and inference.
public protocol Layer: AnyObject {
    /// PyTorch's class name: `"Linear"`.
    var typeName: String { get }
    /// PyTorch's repr: `"Linear(in_features=784, out_features=10, bias=True)"`.
    var description: String { get }
    /// Own trainable parameters, in PyTorch's order (weight before bias).
    var parameterNames: [String] { get }
    /// Own state that is saved but not trained (BatchNorm's running statistics).
    var bufferNames: [String] { get }
    func tensor(named name: String) -> Tensor?
    /// Replaces a parameter or buffer (loading a file); the shape must match.
    func setTensor(_ name: String, _ value: Tensor) throws
    var children: [(name: String, layer: any Layer)] { get }
    /// Training mode (dropout drops, batch norm uses batch statistics) or evaluation.
    var training: Bool { get set }
    func forward(_ x: Traced, _ run: ForwardRun) throws -> Traced
}

extension Layer {
    public var parameterNames: [String] { [] }
    public var bufferNames: [String] { [] }
    public func tensor(named name: String) -> Tensor? { nil }
    public func setTensor(_ name: String, _ value: Tensor) throws {
        throw TensorError.invalidArgument(op: typeName, message: "\(typeName) has no tensor named '\(name)'")
    }
    public var children: [(name: String, layer: any Layer)] { [] }

    /// Every parameter of this layer and its sub-layers, depth first, with its path.
    public func namedParameters(prefix: String = "") -> [ParameterEntry] {
        let own = parameterNames.compactMap { name in
            tensor(named: name).map { ParameterEntry(path: prefix + name, layer: self, name: name, tensor: $0) }
        }
        return own + children.flatMap { $0.layer.namedParameters(prefix: prefix + $0.name + ".") }
    }

    /// Parameters and buffers together, by path: what a saved file holds (PyTorch's state_dict).
    public func stateEntries(prefix: String = "") -> [ParameterEntry] {
        let own = (parameterNames + bufferNames).compactMap { name in
            tensor(named: name).map { ParameterEntry(path: prefix + name, layer: self, name: name, tensor: $0) }
        }
        return own + children.flatMap { $0.layer.stateEntries(prefix: prefix + $0.name + ".") }
    }

    /// How many numbers the layer trains.
    public var parameterCount: Int { namedParameters().reduce(0) { $0 + $1.tensor.count } }

    /// Sets the mode of this layer and every sub-layer (`model.train()`, `model.eval()`).
    public func setTraining(_ on: Bool) {
        training = on
        for child in children { child.layer.setTraining(on) }
    }

    /// The layer applied to a plain tensor, nothing traced (inference).
    public func callAsFunction(_ x: Tensor, generator: RandomGenerator) throws -> Tensor {
        try forward(Traced(constant: x), ForwardRun(generator: generator)).value
    }

    /// Replaces a tensor after checking it has the old one's shape; the new one is stored
    /// as float in the old dtype.
    func checkedReplacement(_ name: String, old: Tensor, new: Tensor) throws -> Tensor {
        guard old.shape == new.shape else { throw TensorError.shapeMismatch(op: "\(typeName).\(name)", lhs: old.shape, rhs: new.shape) }
        return try new.cast(to: old.dtype).contiguous()
    }
}

/// One parameter (or buffer) with the path it is known by.
public struct ParameterEntry {
    public let path: String
    public let layer: any Layer
    public let name: String
    public let tensor: Tensor
}

/// What a forward pass needs besides its input: the generator dropout draws from (the
/// session's, so `seed(n)` reproduces a run) and, while differentiating, the leaves that
/// stand for the parameters.
public final class ForwardRun {
    public let generator: RandomGenerator
    /// Evaluation everywhere whatever the layers' modes (summaries; nothing updates buffers).
    public let inferenceOnly: Bool
    private var leaves: [Key: Traced] = [:]

    struct Key: Hashable {
        let layer: ObjectIdentifier
        let name: String
    }

    public init(generator: RandomGenerator, inferenceOnly: Bool = false) {
        self.generator = generator
        self.inferenceOnly = inferenceOnly
    }

    /// Makes `leaf` stand for `entry`'s parameter in this run.
    public func trace(_ entry: ParameterEntry, as leaf: Traced) {
        leaves[Key(layer: ObjectIdentifier(entry.layer), name: entry.name)] = leaf
    }

    /// The parameter `name` of `layer` as this run sees it.
    public func parameter(_ layer: any Layer, _ name: String) throws -> Traced {
        if let leaf = leaves[Key(layer: ObjectIdentifier(layer), name: name)] { return leaf }
        guard let t = layer.tensor(named: name) else {
            throw TensorError.invalidArgument(op: layer.typeName, message: "\(layer.typeName) has no parameter '\(name)'")
        }
        return Traced(constant: t)
    }

    /// Whether `layer` computes as in training now.
    public func isTraining(_ layer: any Layer) -> Bool { layer.training && !inferenceOnly }
}
