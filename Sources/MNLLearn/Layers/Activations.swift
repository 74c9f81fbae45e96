import TensorKit

/// The activation layers, one class for all (they have no parameters): `nn.ReLU()`,
/// `nn.LeakyReLU(negative_slope)`, `nn.Sigmoid()`, `nn.Tanh()`, `nn.Softmax(dim)`,
/// `nn.LogSoftmax(dim)`, `nn.GELU(approximate=)` (exact by default, or the tanh form).
public final class Activation: Layer {
    public enum Kind: Equatable {
        case relu, sigmoid, tanh
        case gelu(GELUApproximation)
        case leakyRelu(slope: Double)
        case softmax(axis: Int), logSoftmax(axis: Int)
    }

    public let kind: Kind
    public var training = true

    public init(_ kind: Kind) { self.kind = kind }

    public var typeName: String {
        switch kind {
        case .relu: "ReLU"
        case .sigmoid: "Sigmoid"
        case .tanh: "Tanh"
        case .gelu: "GELU"
        case .leakyRelu: "LeakyReLU"
        case .softmax: "Softmax"
        case .logSoftmax: "LogSoftmax"
        }
    }

    public var description: String {
        switch kind {
        case .leakyRelu(let slope): "LeakyReLU(negative_slope=\(slope))"
        case .softmax(let axis), .logSoftmax(let axis): "\(typeName)(dim=\(axis))"
        case .gelu(let form): "GELU(approximate='\(form.rawValue)')"
        default: "\(typeName)()"
        }
    }

    public func forward(_ x: Traced, _ run: ForwardRun) throws -> Traced {
        switch kind {
        case .relu: try x.relu()
        case .sigmoid: try x.sigmoid()
        case .tanh: try x.tanh()
        case .gelu(let form): try x.gelu(approximate: form)
        case .leakyRelu(let slope): try x.leakyRelu(alpha: slope)
        case .softmax(let axis): try x.softmax(axis: axis)
        case .logSoftmax(let axis): try x.logSoftmax(axis: axis)
        }
    }
}
