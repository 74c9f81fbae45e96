/// The two 2-byte float formats, held as bits: IEEE binary16 (`float16`) and bfloat16
/// (float32's top half). They are storage dtypes, as in PyTorch on the CPU: kernels never run
/// in them; arithmetic reads them as float32 and rounds the result back (see `HalfCompute`).
/// The conversions are written out by hand, bit-exactly with round to nearest even, because
/// Swift's `Float16` is unavailable on macOS x86_64.

/// IEEE 754 binary16: 1 sign bit, 5 exponent bits, 10 fraction bits.
public struct Float16Bits: Sendable {
    public var bits: UInt16
    public init(bits: UInt16) { self.bits = bits }

    /// `f` rounded to the nearest float16 (ties to even); overflow gives ±infinity, NaN stays NaN.
    public init(_ f: Float) {
        let x = f.bitPattern
        let sign = UInt16((x >> 16) & 0x8000)
        let exponent = Int((x >> 23) & 0xFF)
        let mantissa = x & 0x7F_FFFF
        if exponent == 0xFF {  // infinity, or NaN kept quiet with its top payload bits
            bits = sign | 0x7C00 | (mantissa == 0 ? 0 : 0x200 | UInt16(mantissa >> 13))
            return
        }
        let e = exponent - 127 + 15
        if e >= 0x1F { bits = sign | 0x7C00; return }
        if e <= 0 {
            // Subnormal (or zero): shift the significand, with its implicit 1, into place.
            if e < -10 { bits = sign; return }
            let significand = mantissa | 0x80_0000
            let shift = UInt32(14 - e)
            bits = sign | UInt16(Float16Bits.roundShift(significand, by: shift))
            return
        }
        // Normal: rounding may carry into the exponent, which is still the right encoding.
        let rounded = Float16Bits.roundShift(UInt32(e) << 23 | mantissa, by: 13)
        bits = sign | UInt16(rounded)
    }

    /// `v >> shift` rounded to nearest, ties to even.
    static func roundShift(_ v: UInt32, by shift: UInt32) -> UInt32 {
        let q = v >> shift
        let rest = v & ((1 << shift) - 1), half: UInt32 = 1 << (shift - 1)
        return rest > half || (rest == half && q & 1 == 1) ? q + 1 : q
    }

    /// The exact float32 value.
    public var float: Float {
        let sign = UInt32(bits & 0x8000) << 16
        let exponent = Int((bits >> 10) & 0x1F)
        let mantissa = UInt32(bits & 0x3FF)
        if exponent == 0x1F { return Float(bitPattern: sign | 0x7F80_0000 | mantissa << 13) }
        if exponent == 0 {
            // Subnormal: mantissa × 2^-24, exact in float32.
            let magnitude = Float(mantissa) * 0x1p-24
            return sign == 0 ? magnitude : -magnitude
        }
        return Float(bitPattern: sign | UInt32(exponent - 15 + 127) << 23 | mantissa << 13)
    }
}

/// bfloat16: float32 with the low 16 fraction bits dropped (8 exponent bits, 7 fraction bits).
public struct BFloat16Bits: Sendable {
    public var bits: UInt16
    public init(bits: UInt16) { self.bits = bits }

    /// `f` rounded to the nearest bfloat16 (ties to even); NaN stays a (quiet) NaN.
    public init(_ f: Float) {
        let x = f.bitPattern
        if f.isNaN { bits = UInt16(x >> 16) | 0x40; return }
        let rounded = x &+ 0x7FFF &+ ((x >> 16) & 1)
        bits = UInt16(rounded >> 16)
    }

    /// The exact float32 value.
    public var float: Float { Float(bitPattern: UInt32(bits) << 16) }
}

/// Comparison, conversion and the element protocols, all through float32.
public protocol HalfElement: KernelElement, Comparable {
    init(_ f: Float)
    var float: Float { get }
}

extension HalfElement {
    public static func < (a: Self, b: Self) -> Bool { a.float < b.float }
    public static func == (a: Self, b: Self) -> Bool { a.float == b.float }
    public static var zero: Self { Self(0) }
    public static var lowest: Self { Self(-Float.infinity) }
    public static var highest: Self { Self(Float.infinity) }
    /// Rounded once, as from the double itself: the double is first rounded to float32 "to
    /// odd" (a float32 that is not exact keeps an odd last bit), which float32's 13 spare bits
    /// make safe from double rounding.
    public init(fromDouble d: Double) {
        var f = Float(d)
        if f.isFinite, Double(f) != d {
            let other = Double(f) > d ? f.nextDown : f.nextUp
            if f.bitPattern & 1 == 0 { f = other }
        }
        self.init(f)
    }
    public var asDouble: Double { Double(float) }
    public init(fromInt64 i: Int64) { self.init(Float(i)) }
    public var asInt64: Int64 { saturatingInt64(Double(float)) }
}

extension Float16Bits: HalfElement, TensorElement {
    public static var dtype: DType { .float16 }
}
extension BFloat16Bits: HalfElement, TensorElement {
    public static var dtype: DType { .bfloat16 }
}

extension Tensor {
    /// `body` run on this (float16 or bfloat16) tensor read as float32, with a float32 result
    /// rounded back to this dtype: how every computing operation treats the storage dtypes.
    /// Results of other dtypes (bool from comparisons, int64 from argmax) are kept.
    func inFloat32(_ body: (Tensor) throws -> Tensor) throws -> Tensor {
        let result = try body(cast(to: .float32))
        return result.dtype == .float32 ? try result.cast(to: dtype) : result
    }
}
