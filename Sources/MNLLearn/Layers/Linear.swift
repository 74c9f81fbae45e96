import TensorKit

/// `nn.Linear(in_features, out_features, bias=True)`: y = x Wᵀ + b, with W of shape
/// (out, in) as PyTorch stores it, and PyTorch's default initialisation, U(±1/√in) for
/// both (or the given initialiser for the weight, the bias then starting at zero).
public final class Linear: Layer {
    public let inFeatures: Int
    public let outFeatures: Int
    var parameters: WeightAndBias
    public var weight: Tensor { parameters.weight }
    public var bias: Tensor? { parameters.bias }
    public var training = true

    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true, initializer: Initializer? = nil,
                dtype: DType = .float32, using g: RandomGenerator) throws {
        try require(inFeatures >= 1, "Linear", "in_features", Double(inFeatures), "at least 1")
        try require(outFeatures >= 1, "Linear", "out_features", Double(outFeatures), "at least 1")
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        let bound = 1 / Double(inFeatures).squareRoot()
        let w = try (initializer ?? .uniform(bound: bound)).tensor([outFeatures, inFeatures], dtype: dtype, using: g)
        // With PyTorch's default the bias is drawn like the weight; with a chosen initialiser it starts at 0.
        let b = bias ? try (initializer == nil ? Initializer.uniform(bound: bound) : .zeros).tensor([outFeatures], dtype: dtype, using: g) : nil
        parameters = WeightAndBias(weight: w, bias: b)
    }

    public var typeName: String { "Linear" }
    public var description: String {
        "Linear(in_features=\(inFeatures), out_features=\(outFeatures), bias=\(bias == nil ? "False" : "True"))"
    }
    public var parameterNames: [String] { parameters.names }
    public func tensor(named name: String) -> Tensor? { parameters.tensor(named: name) }
    public func setTensor(_ name: String, _ value: Tensor) throws { try parameters.set(name, value, in: self) }

    public func forward(_ x: Traced, _ run: ForwardRun) throws -> Traced {
        guard x.shape.last == inFeatures else {
            throw TensorError.invalidArgument(op: "Linear", message: "expected inputs with \(inFeatures) features in the last axis, got shape \(LearnError.shape(x.shape))")
        }
        let y = try Traced.linear(x, run.parameter(self, "weight"))
        return bias == nil ? y : try y + run.parameter(self, "bias")
    }
}
