import Foundation
import TensorKit

/// Weight initialisers, as `torch.nn.init`, drawn from the session's generator so that
/// `seed(n)` reproduces a run. Fans follow PyTorch: for a weight of shape (out, in, k...),
/// fan_in = in × k..., fan_out = out × k...
public enum Initializer: Equatable, Sendable {
    case zeros
    case ones
    /// N(0, std²).
    case normal(std: Double)
    /// U(-bound, bound).
    case uniform(bound: Double)
    /// Glorot: U(±gain·√(6 / (fan_in + fan_out))).
    case xavierUniform(gain: Double)
    /// Glorot: N(0, gain² · 2 / (fan_in + fan_out)).
    case xavierNormal(gain: Double)
    /// He: U(±gain·√(3 / fan)), fan_in by default; gain √2 for ReLU.
    case kaimingUniform(gain: Double, fanOut: Bool)
    /// He: N(0, gain² / fan).
    case kaimingNormal(gain: Double, fanOut: Bool)

    /// `torch.nn.init.calculate_gain` for the nonlinearities layers use.
    public static func gain(_ nonlinearity: String, slope: Double = 0.01) -> Double? {
        switch nonlinearity {
        case "linear", "sigmoid", "identity", "conv2d": 1
        case "tanh": 5.0 / 3
        case "relu": 2.0.squareRoot()
        case "leaky_relu": (2 / (1 + slope * slope)).squareRoot()
        case "selu": 0.75
        default: nil
        }
    }

    /// (fan_in, fan_out) of a weight of `shape`; a vector counts as (n, n).
    public static func fans(_ shape: [Int]) -> (fanIn: Int, fanOut: Int) {
        guard shape.count >= 2 else { let n = shape.first ?? 1; return (n, n) }
        let receptive = shape.dropFirst(2).reduce(1, *)
        return (shape[1] * receptive, shape[0] * receptive)
    }

    /// A new tensor of `shape` drawn from this distribution.
    public func tensor(_ shape: [Int], dtype: DType = .float32, using g: RandomGenerator) throws -> Tensor {
        let (fanIn, fanOut) = Self.fans(shape)
        switch self {
        case .zeros: return try Tensor(zeros: shape, dtype: dtype)
        case .ones: return try Tensor.binary(.add, try Tensor(zeros: shape, dtype: dtype), 1)
        case .normal(let std): return try Self.normal(shape, std: std, dtype, g)
        case .uniform(let bound): return try Self.uniform(shape, bound: bound, dtype, g)
        case .xavierUniform(let gain):
            return try Self.uniform(shape, bound: gain * (6 / Double(max(fanIn + fanOut, 1))).squareRoot(), dtype, g)
        case .xavierNormal(let gain):
            return try Self.normal(shape, std: gain * (2 / Double(max(fanIn + fanOut, 1))).squareRoot(), dtype, g)
        case .kaimingUniform(let gain, let fanOut):
            return try Self.uniform(shape, bound: gain * (3 / Double(max(fanOut ? Self.fans(shape).fanOut : fanIn, 1))).squareRoot(), dtype, g)
        case .kaimingNormal(let gain, let fanOut):
            return try Self.normal(shape, std: gain / Double(max(fanOut ? Self.fans(shape).fanOut : fanIn, 1)).squareRoot(), dtype, g)
        }
    }

    static func uniform(_ shape: [Int], bound: Double, _ dtype: DType, _ g: RandomGenerator) throws -> Tensor {
        try Tensor.uniform(low: Tensor(scalar: -bound), high: Tensor(scalar: bound), shape: shape, dtype: dtype, using: g)
    }

    static func normal(_ shape: [Int], std: Double, _ dtype: DType, _ g: RandomGenerator) throws -> Tensor {
        try Tensor.normal(loc: Tensor(scalar: 0.0), scale: Tensor(scalar: std), shape: shape, dtype: dtype, using: g)
    }
}
