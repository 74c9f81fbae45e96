/// One element held outside any storage, in its dtype: what an element read `x[i, j]` gives
/// before anything needs a real tensor. A loop that reads, compares and adds elements then
/// costs one small object per value instead of a storage, a buffer and a kernel call.
/// `tensor()` makes the 0-d tensor it stands for; every result here equals the general
/// path's (`Tensor.binary` on that 0-d tensor), and `binary` declines (nil) whatever it
/// cannot compute exactly that way.
public enum ScalarElement: Sendable, Equatable {
    case float32(Float), float64(Double), int64(Int64), int32(Int32), uint8(UInt8), bool(Bool)
    case float16(Float16Bits), bfloat16(BFloat16Bits)

    public var dtype: DType {
        switch self {
        case .float32: .float32
        case .float64: .float64
        case .int64: .int64
        case .int32: .int32
        case .uint8: .uint8
        case .float16: .float16
        case .bfloat16: .bfloat16
        case .bool: .bool
        }
    }

    /// The value as a Double (exact except for int64 beyond 2^53).
    public var doubleValue: Double {
        switch self {
        case .float32(let v): Double(v)
        case .float64(let v): v
        case .int64(let v): Double(v)
        case .int32(let v): Double(v)
        case .uint8(let v): Double(v)
        case .float16(let v): v.asDouble
        case .bfloat16(let v): v.asDouble
        case .bool(let v): v ? 1 : 0
        }
    }

    /// The 0-d tensor holding this value.
    public func tensor() -> Tensor {
        switch self {
        case .float32(let v): Tensor(scalar: v)
        case .float64(let v): Tensor(scalar: v)
        case .int64(let v): Tensor(scalar: v)
        case .int32(let v): Tensor(scalar: v)
        case .uint8(let v): Tensor(scalar: v)
        case .float16(let v): Tensor(scalar: v)
        case .bfloat16(let v): Tensor(scalar: v)
        case .bool(let v): Tensor(scalar: v)
        }
    }

    /// `self op s`, or `s op self` when `scalarFirst`, for a weak number `s`: float operands
    /// with the four arithmetic ops and the comparisons. A weak number takes a float
    /// tensor's dtype (see `Promotion`), so the operation runs in that dtype, as the kernel's.
    public func binary(_ op: BinaryOp, _ s: Double, scalarFirst: Bool) -> ScalarElement? {
        switch self {
        case .float32(let v):
            let w = Float(s)
            return ScalarElement.floating(op, scalarFirst ? w : v, scalarFirst ? v : w).map { $0.wrap(ScalarElement.float32) }
        case .float64(let v):
            return ScalarElement.floating(op, scalarFirst ? s : v, scalarFirst ? v : s).map { $0.wrap(ScalarElement.float64) }
        default:
            return nil
        }
    }

    /// `self op other` for two float scalars of one dtype.
    public func binary(_ op: BinaryOp, _ other: ScalarElement) -> ScalarElement? {
        switch (self, other) {
        case (.float32(let a), .float32(let b)): ScalarElement.floating(op, a, b).map { $0.wrap(ScalarElement.float32) }
        case (.float64(let a), .float64(let b)): ScalarElement.floating(op, a, b).map { $0.wrap(ScalarElement.float64) }
        default: nil
        }
    }

    /// An arithmetic result (a number of the operands' type) or a comparison (a bool).
    enum Outcome<T> {
        case number(T), truth(Bool)
        func wrap(_ make: (T) -> ScalarElement) -> ScalarElement {
            switch self {
            case .number(let v): make(v)
            case .truth(let b): .bool(b)
            }
        }
    }

    static func floating<T: BinaryFloatingPoint>(_ op: BinaryOp, _ a: T, _ b: T) -> Outcome<T>? {
        switch op {
        case .add: .number(a + b)
        case .subtract: .number(a - b)
        case .multiply: .number(a * b)
        case .divide: .number(a / b)
        case .equal: .truth(a == b)
        case .notEqual: .truth(a != b)
        case .less: .truth(a < b)
        case .lessEqual: .truth(a <= b)
        case .greater: .truth(a > b)
        case .greaterEqual: .truth(a >= b)
        default: nil
        }
    }
}

extension Tensor {
    /// The element at `storageIndex` (`offset` plus one `axisOffset` per axis), in its dtype.
    public func scalarElement(at storageIndex: Int) -> ScalarElement {
        precondition(storageIndex >= 0 && storageIndex < storage.count, "storage index \(storageIndex) out of range")
        switch dtype {
        case .float32: return .float32(storage.pointer(Float.self)[storageIndex])
        case .float64: return .float64(storage.pointer(Double.self)[storageIndex])
        case .int64: return .int64(storage.pointer(Int64.self)[storageIndex])
        case .int32: return .int32(storage.pointer(Int32.self)[storageIndex])
        case .uint8: return .uint8(storage.pointer(UInt8.self)[storageIndex])
        case .float16: return .float16(storage.pointer(Float16Bits.self)[storageIndex])
        case .bfloat16: return .bfloat16(storage.pointer(BFloat16Bits.self)[storageIndex])
        case .bool: return .bool(storage.pointer(Bool.self)[storageIndex])
        }
    }

    /// The one element of a 0-d tensor, in its dtype.
    public var scalarElement: ScalarElement? { ndim == 0 ? scalarElement(at: offset) : nil }
}
