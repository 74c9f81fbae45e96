#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// NumPy's further elementary functions (issue 10): logarithms, trigonometry, `arctan2` and
/// `nan_to_num`. Each runs through the one generic unary (or binary) kernel in `Kernels`; a
/// function is a caseless type naming the C library's float and double versions, so every
/// loop is specialised for its function (no switch per element) without a struct per op.

/// One C library function in its float32 and float64 versions, and the full-width SLEEF
/// kernel (CVectorMath; float32 computed in double and rounded once) that contiguous runs
/// take when the CPU has AVX2 or AVX-512; libm serves strided views, other CPUs, and the
/// functions without a kernel (sinh, cosh: SLEEF overflows before the largest result).
protocol ElementaryFunction {
    static func float(_ x: Float) -> Float
    static func double(_ x: Double) -> Double
    static var vector: VectorMath.Unary? { get }
}

extension ElementaryFunction {
    static var vector: VectorMath.Unary? { nil }
}

/// `out[i] = F(x[i])` for float32 and float64 elements.
struct ElementaryOp<T: FloatElement, F: ElementaryFunction>: UnaryKernelOp {
    @inline(__always) func callAsFunction(_ a: T) -> T {
        if T.self == Float.self { return unsafeBitCast(F.float(unsafeBitCast(a, to: Float.self)), to: T.self) }
        return unsafeBitCast(F.double(unsafeBitCast(a, to: Double.self)), to: T.self)
    }

    @inline(__always)
    static func contiguous(_ x: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>, _ n: Int) -> Bool {
        guard let f = F.vector else { return false }
        return VectorMath.unary(f, x, out, n)
    }
}

enum Log1p: ElementaryFunction { static func float(_ x: Float) -> Float { log1pf(x) }; static func double(_ x: Double) -> Double { log1p(x) }; static var vector: VectorMath.Unary? { .log1p } }
enum Expm1: ElementaryFunction { static func float(_ x: Float) -> Float { expm1f(x) }; static func double(_ x: Double) -> Double { expm1(x) }; static var vector: VectorMath.Unary? { .expm1 } }
enum Log2: ElementaryFunction { static func float(_ x: Float) -> Float { log2f(x) }; static func double(_ x: Double) -> Double { log2(x) }; static var vector: VectorMath.Unary? { .log2 } }
enum Log10: ElementaryFunction { static func float(_ x: Float) -> Float { log10f(x) }; static func double(_ x: Double) -> Double { log10(x) }; static var vector: VectorMath.Unary? { .log10 } }
enum Sin: ElementaryFunction { static func float(_ x: Float) -> Float { sinf(x) }; static func double(_ x: Double) -> Double { sin(x) }; static var vector: VectorMath.Unary? { .sin } }
enum Cos: ElementaryFunction { static func float(_ x: Float) -> Float { cosf(x) }; static func double(_ x: Double) -> Double { cos(x) }; static var vector: VectorMath.Unary? { .cos } }
enum Tan: ElementaryFunction { static func float(_ x: Float) -> Float { tanf(x) }; static func double(_ x: Double) -> Double { tan(x) }; static var vector: VectorMath.Unary? { .tan } }
enum Arcsin: ElementaryFunction { static func float(_ x: Float) -> Float { asinf(x) }; static func double(_ x: Double) -> Double { asin(x) }; static var vector: VectorMath.Unary? { .asin } }
enum Arccos: ElementaryFunction { static func float(_ x: Float) -> Float { acosf(x) }; static func double(_ x: Double) -> Double { acos(x) }; static var vector: VectorMath.Unary? { .acos } }
enum Arctan: ElementaryFunction { static func float(_ x: Float) -> Float { atanf(x) }; static func double(_ x: Double) -> Double { atan(x) }; static var vector: VectorMath.Unary? { .atan } }
enum Sinh: ElementaryFunction { static func float(_ x: Float) -> Float { sinhf(x) }; static func double(_ x: Double) -> Double { sinh(x) } }
enum Cosh: ElementaryFunction { static func float(_ x: Float) -> Float { coshf(x) }; static func double(_ x: Double) -> Double { cosh(x) } }
enum Trunc: ElementaryFunction { static func float(_ x: Float) -> Float { truncf(x) }; static func double(_ x: Double) -> Double { trunc(x) } }

/// `arctan2(y, x)`: the angle of the point (x, y), in (-pi, pi].
struct Arctan2Op<T: FloatElement>: BinaryKernelOp {
    @inline(__always) func callAsFunction(_ y: T, _ x: T) -> T {
        if T.self == Float.self {
            return unsafeBitCast(atan2f(unsafeBitCast(y, to: Float.self), unsafeBitCast(x, to: Float.self)), to: T.self)
        }
        return unsafeBitCast(atan2(unsafeBitCast(y, to: Double.self), unsafeBitCast(x, to: Double.self)), to: T.self)
    }
}

/// NaN, +inf and -inf replaced by three finite (or chosen) values.
struct NanToNumOp<T: FloatElement>: UnaryKernelOp {
    let nan: T, posinf: T, neginf: T
    @inline(__always) func callAsFunction(_ a: T) -> T {
        a != a ? nan : (a == .infinity ? posinf : (a == -.infinity ? neginf : a))
    }
}

extension Tensor {
    /// Runs an elementary `op` on float `x` into `out`; false when `op` is not one of them.
    static func elementaryUnary<T: FloatElement>(_: T.Type, _ op: UnaryOp, _ x: Tensor, _ out: Tensor) throws -> Bool {
        func run<F: ElementaryFunction>(_: F.Type) throws { try Kernels.unary(ElementaryOp<T, F>(), x, into: out) }
        switch op {
        case .log1p: try run(Log1p.self)
        case .expm1: try run(Expm1.self)
        case .log2: try run(Log2.self)
        case .log10: try run(Log10.self)
        case .sin: try run(Sin.self)
        case .cos: try run(Cos.self)
        case .tan: try run(Tan.self)
        case .arcsin: try run(Arcsin.self)
        case .arccos: try run(Arccos.self)
        case .arctan: try run(Arctan.self)
        case .sinh: try run(Sinh.self)
        case .cosh: try run(Cosh.self)
        case .trunc: try run(Trunc.self)
        default: return false
        }
        return true
    }

    /// NumPy's `arctan2(y, x)` with broadcasting; integers give float32 (as `exp` does here).
    public static func arctan2(_ y: Tensor, _ x: Tensor) throws -> Tensor { try binary(.arctan2, y, x) }

    /// NumPy's `nan_to_num`: NaN becomes `nan`, +inf `posinf` (default: the dtype's largest
    /// finite value) and -inf `neginf` (default: its most negative). Other dtypes are copied.
    public func nanToNum(nan: Double = 0, posinf: Double? = nil, neginf: Double? = nil) throws -> Tensor {
        guard dtype.isFloatingPoint else { return try copy() }
        if dtype.isHalf {
            // Infinities become the half dtype's own largest finite value, as NumPy's float16.
            let largest = Double(dtype == .float16 ? Float16Bits(bits: 0x7BFF).float : BFloat16Bits(bits: 0x7F7F).float)
            return try inFloat32 { try $0.nanToNum(nan: nan, posinf: posinf ?? largest, neginf: neginf ?? -largest) }
        }
        let out = try Tensor(uninitialized: shape, dtype: dtype)
        func run<T: FloatElement>(_: T.Type) throws {
            let op = NanToNumOp<T>(nan: T(nan), posinf: posinf.map { T($0) } ?? T.greatestFiniteMagnitude,
                                   neginf: neginf.map { T($0) } ?? -T.greatestFiniteMagnitude)
            try Kernels.unary(op, self, into: out)
        }
        if dtype == .float32 { try run(Float.self) } else { try run(Double.self) }
        return out
    }
}

extension Tensor {
    /// NumPy's `clip` with tensor bounds: `minimum(maximum(x, lo), hi)` with broadcasting and
    /// promotion (either bound may be nil). A NaN in x or a bound gives NaN; where lo > hi
    /// the result is hi, as in NumPy.
    public static func clip(_ x: Tensor, min lo: Tensor?, max hi: Tensor?) throws -> Tensor {
        guard lo != nil || hi != nil else { return try x.copy() }
        var r = x
        do {
            if let lo { r = try binary(.maximum, r, lo) }
            if let hi { r = try binary(.minimum, r, hi) }
        } catch TensorError.shapeMismatch(_, let l, let h) {
            throw TensorError.shapeMismatch(op: "clip", lhs: l, rhs: h)
        }
        return r
    }

    /// NumPy's `round(x, decimals)`: halves to even, on `x * 10**decimals` (or `x / 10**-decimals`
    /// for negative decimals, as NumPy divides there). Integers stay integers: unchanged for
    /// decimals >= 0, rounded to tens, hundreds... (in float64, exact below 2^53) below 0.
    public func rounded(decimals: Int) throws -> Tensor {
        guard decimals != 0 || dtype.isFloatingPoint else { return try copy() }
        if decimals == 0 { return try unary(.round) }
        guard decimals >= -308 && decimals <= 308 else {
            throw TensorError.invalidArgument(op: "round", message: "decimals must be between -308 and 308, got \(decimals)")
        }
        if !dtype.isFloatingPoint {
            if decimals > 0 { return try copy() }
            return try cast(to: .float64).rounded(decimals: decimals).cast(to: dtype)
        }
        var scale = 1.0
        for _ in 0..<(decimals > 0 ? decimals : -decimals) { scale *= 10 }
        if decimals > 0 { return try Tensor.binary(.divide, try Tensor.binary(.multiply, self, scale).unary(.round), scale) }
        return try Tensor.binary(.multiply, try Tensor.binary(.divide, self, scale).unary(.round), scale)
    }
}
