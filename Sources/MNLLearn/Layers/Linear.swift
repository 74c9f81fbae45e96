import TensorKit

/// `nn.Linear(in_features, out_features, bias=True)`: y = x Wᵀ + b, with W of shape
/// (out, in) as PyTorch stores it, and PyTorch's default initialisation, U(±1/√in) for
/// both (or the given initialiser for the weight, the bias then starting at zero).
public final class Linear: Layer {
    public let inFeatures: Int
    public let outFeatures: Int
    public private(set) var weight: Tensor
    public private(set) var bias: Tensor?
    public var training = true

    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true, initializer: Initializer? = nil,
                dtype: DType = .float32, using g: RandomGenerator) throws {
        try require(inFeatures >= 1, "Linear", "in_features", Double(inFeatures), "at least 1")
        try require(outFeatures >= 1, "Linear", "out_features", Double(outFeatures), "at least 1")
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        let bound = 1 / Double(inFeatures).squareRoot()
        weight = try (initializer ?? .uniform(bound: bound)).tensor([outFeatures, inFeatures], dtype: dtype, using: g)
        self.bias = bias ? try (initializer == nil ? Initializer.uniform(bound: bound) : .zeros).tensor([outFeatures], dtype: dtype, using: g) : nil
    }

    public var typeName: String { "Linear" }
    public var description: String {
        "Linear(in_features=\(inFeatures), out_features=\(outFeatures), bias=\(bias == nil ? "False" : "True"))"
    }
    public var parameterNames: [String] { bias == nil ? ["weight"] : ["weight", "bias"] }

    public func tensor(named name: String) -> Tensor? { name == "weight" ? weight : name == "bias" ? bias : nil }

    public func setTensor(_ name: String, _ value: Tensor) throws {
        if name == "weight" {
            weight = try checkedReplacement(name, old: weight, new: value)
        } else if name == "bias", let old = bias {
            bias = try checkedReplacement(name, old: old, new: value)
        } else {
            throw TensorError.invalidArgument(op: typeName, message: "Linear has no tensor named '\(name)'")
        }
    }

    public func forward(_ x: Traced, _ run: ForwardRun) throws -> Traced {
        guard x.shape.last == inFeatures else {
            throw TensorError.invalidArgument(op: "Linear", message: "expected inputs with \(inFeatures) features in the last axis, got shape \(LearnError.shape(x.shape))")
        }
        let y = try Traced.linear(x, run.parameter(self, "weight"))
        return bias == nil ? y : try y + run.parameter(self, "bias")
    }
}
