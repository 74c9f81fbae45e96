#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Conversions every element type supports; the kernels are generic over these.
/// Conversions never trap: NaN and out-of-range floats become the integer type's minimum
/// (as NumPy does on x86) and integers wrap when narrowed.
public protocol KernelElement: TensorElement, Equatable {
    /// Ordering used by comparisons, max/min and sorting (false < true for Bool).
    static func lt(_ a: Self, _ b: Self) -> Bool
    /// The identities of max and min: the lowest and highest values (-inf and inf for floats).
    static var lowest: Self { get }
    static var highest: Self { get }
    init(fromDouble d: Double)
    var asDouble: Double { get }
    init(fromInt64 i: Int64)
    var asInt64: Int64 { get }
}

@inline(__always) func saturatingInt64(_ d: Double) -> Int64 {
    if d.isNaN || d >= 9.2233720368547758e18 || d < -9.2233720368547758e18 { return Int64.min }
    return Int64(d)
}

extension Float: KernelElement {
    public static var lowest: Float { -.infinity }
    public static var highest: Float { .infinity }
    @inlinable public init(fromDouble d: Double) { self = Float(d) }
    @inlinable public var asDouble: Double { Double(self) }
    @inlinable public init(fromInt64 i: Int64) { self = Float(i) }
    public var asInt64: Int64 { saturatingInt64(Double(self)) }
}
extension Double: KernelElement {
    public static var lowest: Double { -.infinity }
    public static var highest: Double { .infinity }
    @inlinable public init(fromDouble d: Double) { self = d }
    @inlinable public var asDouble: Double { self }
    @inlinable public init(fromInt64 i: Int64) { self = Double(i) }
    public var asInt64: Int64 { saturatingInt64(self) }
}
extension Int64: KernelElement {
    public static var lowest: Int64 { .min }
    public static var highest: Int64 { .max }
    public init(fromDouble d: Double) { self = saturatingInt64(d) }
    @inlinable public var asDouble: Double { Double(self) }
    @inlinable public init(fromInt64 i: Int64) { self = i }
    @inlinable public var asInt64: Int64 { self }
}
extension Int32: KernelElement {
    public static var lowest: Int32 { .min }
    public static var highest: Int32 { .max }
    /// NaN and floats outside int32 become int32's minimum, as NumPy's float-to-int32 cast
    /// does on x86 (and as `saturatingInt64` does for int64).
    public init(fromDouble d: Double) {
        self = d.isNaN || d >= 2147483648.0 || d <= -2147483649.0 ? .min : Int32(d)
    }
    @inlinable public var asDouble: Double { Double(self) }
    @inlinable public init(fromInt64 i: Int64) { self = Int32(truncatingIfNeeded: i) }
    @inlinable public var asInt64: Int64 { Int64(self) }
}
extension UInt8: KernelElement {
    public static var lowest: UInt8 { 0 }
    public static var highest: UInt8 { 255 }
    public init(fromDouble d: Double) { self = UInt8(truncatingIfNeeded: saturatingInt64(d)) }
    @inlinable public var asDouble: Double { Double(self) }
    @inlinable public init(fromInt64 i: Int64) { self = UInt8(truncatingIfNeeded: i) }
    @inlinable public var asInt64: Int64 { Int64(self) }
}
extension Bool: KernelElement {
    public static var lowest: Bool { false }
    public static var highest: Bool { true }
    @inlinable public init(fromDouble d: Double) { self = d != 0 }
    @inlinable public var asDouble: Double { self ? 1 : 0 }
    @inlinable public init(fromInt64 i: Int64) { self = i != 0 }
    @inlinable public var asInt64: Int64 { self ? 1 : 0 }
    @inline(__always) public static func lt(_ a: Bool, _ b: Bool) -> Bool { !a && b }
}

/// Arithmetic the numeric kernels need, with NumPy's semantics for each type.
extension KernelElement where Self: Comparable {
    @inline(__always) public static func lt(_ a: Self, _ b: Self) -> Bool { a < b }
}

public protocol NumericElement: KernelElement, Comparable {
    static func add(_ a: Self, _ b: Self) -> Self
    static func sub(_ a: Self, _ b: Self) -> Self
    static func mul(_ a: Self, _ b: Self) -> Self
    /// Floor division for integers (0 on division by zero), IEEE division for floats.
    static func div(_ a: Self, _ b: Self) -> Self
    /// Python's floor modulo: the result has the sign of the divisor.
    static func mod(_ a: Self, _ b: Self) -> Self
    static func power(_ a: Self, _ b: Self) -> Self
    /// Python's floor division `//`.
    static func floorDiv(_ a: Self, _ b: Self) -> Self
    static var one: Self { get }
}

/// Floating-point element types (the math of `exp`, `log`, ...).
public protocol FloatElement: NumericElement, BinaryFloatingPoint {
    static func exp(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func tanh(_ x: Self) -> Self
}

extension Float: NumericElement, FloatElement {
    @inline(__always) public static func add(_ a: Float, _ b: Float) -> Float { a + b }
    @inline(__always) public static func sub(_ a: Float, _ b: Float) -> Float { a - b }
    @inline(__always) public static func mul(_ a: Float, _ b: Float) -> Float { a * b }
    @inline(__always) public static func div(_ a: Float, _ b: Float) -> Float { a / b }
    @inline(__always) public static func mod(_ a: Float, _ b: Float) -> Float {
        let r = fmodf(a, b)
        return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r
    }
    @inline(__always) public static func power(_ a: Float, _ b: Float) -> Float { powf(a, b) }
    public static var one: Float { 1 }
    @inline(__always) public static func floorDiv(_ a: Float, _ b: Float) -> Float { (a / b).rounded(.down) }
    @inline(__always) public static func exp(_ x: Float) -> Float { fastExp(x) }
    @inline(__always) public static func log(_ x: Float) -> Float { logf(x) }
    @inline(__always) public static func tanh(_ x: Float) -> Float { tanhf(x) }
}
extension Double: NumericElement, FloatElement {
    @inline(__always) public static func add(_ a: Double, _ b: Double) -> Double { a + b }
    @inline(__always) public static func sub(_ a: Double, _ b: Double) -> Double { a - b }
    @inline(__always) public static func mul(_ a: Double, _ b: Double) -> Double { a * b }
    @inline(__always) public static func div(_ a: Double, _ b: Double) -> Double { a / b }
    @inline(__always) public static func mod(_ a: Double, _ b: Double) -> Double {
        let r = fmod(a, b)
        return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r
    }
    @inline(__always) public static func power(_ a: Double, _ b: Double) -> Double { pow(a, b) }
    public static var one: Double { 1 }
    @inline(__always) public static func floorDiv(_ a: Double, _ b: Double) -> Double { (a / b).rounded(.down) }
    @inline(__always) public static func exp(_ x: Double) -> Double { libmExp(x) }
    @inline(__always) public static func log(_ x: Double) -> Double { libmLog(x) }
    @inline(__always) public static func tanh(_ x: Double) -> Double { libmTanh(x) }
}

/// NumPy's floor division of signed integers: rounds toward minus infinity, 0 for a zero
/// divisor, and `min / -1` wraps to `min`.
@inline(__always) func flooredQuotient<T: FixedWidthInteger & SignedInteger>(_ a: T, _ b: T) -> T {
    if b == 0 { return 0 }
    let (q, o) = a.dividedReportingOverflow(by: b)
    if o { return a }
    return (q &* b != a && ((a < 0) != (b < 0))) ? q - 1 : q
}

/// NumPy's `%` of signed integers: the sign of the divisor, 0 for a zero divisor.
@inline(__always) func flooredRemainder<T: FixedWidthInteger & SignedInteger>(_ a: T, _ b: T) -> T {
    if b == 0 { return 0 }
    let (r, o) = a.remainderReportingOverflow(dividingBy: b)
    if o { return 0 }
    return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r
}

@inline(__always) func integerPower<T: FixedWidthInteger>(_ base: T, _ exp: T) -> T {
    if exp < 0 { return base == 1 ? 1 : (base == 0 ? 0 : (T.isSigned && base == (0 as T) &- 1 ? ((exp & 1) == 0 ? 1 : base) : 0)) }
    var result: T = 1, b = base, e = exp
    while e > 0 {
        if e & 1 == 1 { result = result &* b }
        b = b &* b
        e >>= 1
    }
    return result
}

extension Int64: NumericElement {
    @inline(__always) public static func add(_ a: Int64, _ b: Int64) -> Int64 { a &+ b }
    @inline(__always) public static func sub(_ a: Int64, _ b: Int64) -> Int64 { a &- b }
    @inline(__always) public static func mul(_ a: Int64, _ b: Int64) -> Int64 { a &* b }
    @inline(__always) public static func div(_ a: Int64, _ b: Int64) -> Int64 { flooredQuotient(a, b) }
    @inline(__always) public static func mod(_ a: Int64, _ b: Int64) -> Int64 { flooredRemainder(a, b) }
    @inline(__always) public static func power(_ a: Int64, _ b: Int64) -> Int64 { integerPower(a, b) }
    public static var one: Int64 { 1 }
    @inline(__always) public static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { div(a, b) }
}
extension Int32: NumericElement {
    @inline(__always) public static func add(_ a: Int32, _ b: Int32) -> Int32 { a &+ b }
    @inline(__always) public static func sub(_ a: Int32, _ b: Int32) -> Int32 { a &- b }
    @inline(__always) public static func mul(_ a: Int32, _ b: Int32) -> Int32 { a &* b }
    @inline(__always) public static func div(_ a: Int32, _ b: Int32) -> Int32 { flooredQuotient(a, b) }
    @inline(__always) public static func mod(_ a: Int32, _ b: Int32) -> Int32 { flooredRemainder(a, b) }
    @inline(__always) public static func power(_ a: Int32, _ b: Int32) -> Int32 { integerPower(a, b) }
    public static var one: Int32 { 1 }
    @inline(__always) public static func floorDiv(_ a: Int32, _ b: Int32) -> Int32 { div(a, b) }
}
extension UInt8: NumericElement {
    @inline(__always) public static func add(_ a: UInt8, _ b: UInt8) -> UInt8 { a &+ b }
    @inline(__always) public static func sub(_ a: UInt8, _ b: UInt8) -> UInt8 { a &- b }
    @inline(__always) public static func mul(_ a: UInt8, _ b: UInt8) -> UInt8 { a &* b }
    @inline(__always) public static func div(_ a: UInt8, _ b: UInt8) -> UInt8 { b == 0 ? 0 : a / b }
    @inline(__always) public static func mod(_ a: UInt8, _ b: UInt8) -> UInt8 { b == 0 ? 0 : a % b }
    @inline(__always) public static func power(_ a: UInt8, _ b: UInt8) -> UInt8 { integerPower(a, b) }
    public static var one: UInt8 { 1 }
    @inline(__always) public static func floorDiv(_ a: UInt8, _ b: UInt8) -> UInt8 { div(a, b) }
}

/// exp for Float without branches or library calls, so that loops over it vectorise
/// (Cephes' polynomial; within 2 ulp of `expf`). Rounding uses the 1.5·2^23 trick because the
/// portable x86-64 baseline has no vector floor. 2^n is applied in two halves, so results
/// reach the subnormal range and overflow to infinity exactly as `expf` does; NaN stays NaN.
@inline(__always)
public func fastExp(_ x: Float) -> Float {
    // Compare-and-select clamps compile to maxps/minps; written this way round they let a
    // NaN through (every comparison with NaN is false), and NaN then propagates to the result.
    let lo = x < -104 ? -104 : x
    let xc = lo > 89 ? 89 : lo
    let magic: Float = 12582912  // 1.5 * 2^23
    let t = xc * 1.44269504088896341 + magic
    let nf = t - magic
    let n = Int32(bitPattern: t.bitPattern) &- 0x4B40_0000
    let r = xc - nf * 0.693359375 + nf * 2.12194440e-4
    var p: Float = 1.9875691500e-4
    p = p * r + 1.3981999507e-3
    p = p * r + 8.3334519073e-3
    p = p * r + 4.1665795894e-2
    p = p * r + 1.6666665459e-1
    p = p * r + 5.0000001201e-1
    let e = p * r * r + r + 1
    let n1 = n >> 1, n2 = n &- n1
    let s1 = Float(bitPattern: UInt32(bitPattern: (n1 &+ 127) &<< 23))
    let s2 = Float(bitPattern: UInt32(bitPattern: (n2 &+ 127) &<< 23))
    return e * s1 * s2
}

// The C library's double-precision functions under names that do not clash with the
// static members above (Glibc on Linux, Darwin on macOS).
@inline(__always) func libmExp(_ x: Double) -> Double { exp(x) }
@inline(__always) func libmLog(_ x: Double) -> Double { log(x) }
@inline(__always) func libmTanh(_ x: Double) -> Double { tanh(x) }
