/// The element types a tensor can hold. NumPy's names are the raw values.
public enum DType: String, Sendable, CaseIterable, CustomStringConvertible {
    case float32, float64, int64, int32, uint8, bool
    /// Storage dtypes: 2-byte floats that arithmetic reads as float32 (see `HalfFloats.swift`).
    case float16, bfloat16

    /// Bytes per element.
    public var size: Int {
        switch self {
        case .float32, .int32: 4
        case .float64, .int64: 8
        case .float16, .bfloat16: 2
        case .uint8, .bool: 1
        }
    }

    /// True for every float dtype, the 2-byte storage ones included.
    public var isFloatingPoint: Bool { self == .float32 || self == .float64 || isHalf }

    /// float16 or bfloat16: no kernel runs in them; operations compute in float32.
    public var isHalf: Bool { self == .float16 || self == .bfloat16 }

    public var description: String { rawValue }
}

/// A Swift type that can be a tensor element.
public protocol TensorElement: Sendable {
    static var dtype: DType { get }
    static var zero: Self { get }
}

extension Float: TensorElement {
    public static var dtype: DType { .float32 }
}
extension Double: TensorElement {
    public static var dtype: DType { .float64 }
}
extension Int64: TensorElement {
    public static var dtype: DType { .int64 }
}
extension Int32: TensorElement {
    public static var dtype: DType { .int32 }
}
extension UInt8: TensorElement {
    public static var dtype: DType { .uint8 }
}
extension Bool: TensorElement {
    public static var dtype: DType { .bool }
    public static var zero: Bool { false }
}
