#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GELU, x·Φ(x) with Φ the standard normal CDF, in PyTorch's two forms (`nn.GELU(approximate=)`):
/// the exact one through erf, PyTorch's default, and the tanh approximation.
public enum GELUApproximation: String, Sendable, CaseIterable {
    /// x·Φ(x) through erf (`approximate='none'`).
    case exact = "none"
    /// 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))) (`approximate='tanh'`).
    case tanh
}

extension Traced {
    /// GELU in the form `approximate` names; the exact form by default, as PyTorch's.
    public func gelu(approximate: GELUApproximation = .exact) throws -> Traced {
        switch approximate {
        case .exact: try geluExact()
        case .tanh: try geluTanh()
        }
    }

    /// x·Φ(x), a primitive with its rule written by hand: TensorKit has no erf op to compose it
    /// from. d/dx x·Φ(x) = Φ(x) + x·φ(x), with φ the normal density. Half floats compute in
    /// float32 and round back, as every other op does.
    private func geluExact() throws -> Traced {
        if dtype.isHalf { return try cast(to: .float32).geluExact().cast(to: dtype) }
        let x = try cast(to: Promotion.floatResult(dtype))
        let out = try x.value.mapFloat(GELUExactOp.self)
        return try Traced.record(out, (x, { g in try Tensor.binary(.multiply, g, x.value.mapFloat(GELUExactSlopeOp.self)) }))
    }

    /// The tanh form, composed of primitives, so its gradient comes free.
    private func geluTanh() throws -> Traced {
        let inner = try (self + self.pow(3) * 0.044715) * 0.7978845608028654
        return try self * (inner.tanh() + 1) * 0.5
    }
}

/// One function of a float element, computed in double (erfc and exp of float32 values
/// rounded once), for the elementwise kernel.
protocol FloatElementFunction {
    static func apply(_ x: Double) -> Double
}

struct FloatFunctionOp<T: FloatElement, F: FloatElementFunction>: UnaryKernelOp {
    @inline(__always) func callAsFunction(_ a: T) -> T { T(fromDouble: F.apply(a.asDouble)) }
}

/// Φ(x) = erfc(-x/√2)/2: erfc keeps the far negative tail accurate, where 1 + erf(x/√2)
/// would cancel to zero digits.
@inline(__always) func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x * 0.7071067811865476) }

enum GELUExactOp: FloatElementFunction {
    static func apply(_ x: Double) -> Double { x * normalCDF(x) }
}

/// Φ(x) + x·φ(x), φ(x) = exp(-x²/2)/√(2π): the exact GELU's derivative.
enum GELUExactSlopeOp: FloatElementFunction {
    static func apply(_ x: Double) -> Double { normalCDF(x) + x * 0.3989422804014327 * exp(-0.5 * x * x) }
}

extension Tensor {
    /// `F` of every element of this float32 or float64 tensor, as a new tensor of its dtype.
    func mapFloat<F: FloatElementFunction>(_: F.Type) throws -> Tensor {
        let out = try Tensor(uninitialized: shape, dtype: dtype)
        switch dtype {
        case .float32: try Kernels.unary(FloatFunctionOp<Float, F>(), self, into: out)
        case .float64: try Kernels.unary(FloatFunctionOp<Double, F>(), self, into: out)
        default: throw TensorError.unsupportedDType(op: "gelu", dtype: dtype)
        }
        return out
    }
}
