/// Result dtypes, following NumPy 2 promotion with a few deliberate differences.
///
/// Tensor–tensor promotion is the NumPy 2 table restricted to our five dtypes, with one change:
/// - `int64` or `uint8` mixed with `float32` gives `float32` (NumPy gives `float64` for int64).
///   Our default float is float32, so integer data never silently doubles its memory.
///
/// Float math on integer or bool tensors (true division `/`, `exp`, `sqrt`, `mean`, `std`, ...)
/// gives `float32` (NumPy gives `float64`).
///
/// Scalars (Swift `Double` from the language) are *weak*, as in NumPy 2 (NEP 50):
/// - a float tensor keeps its dtype: `float32_tensor * 0.5` is float32;
/// - an integer tensor with an integral scalar keeps its dtype: `int64 + 2.0` is int64,
///   `uint8 + 3` is uint8 (a scalar outside uint8's range throws `invalidArgument`, as NumPy 2 raises);
/// - an integer tensor with a non-integral scalar gives float32: `int64 + 0.5` is float32;
/// - a bool tensor with an integral scalar gives int64, with a non-integral one float32.
///
/// Bool arithmetic: `+` is logical or and `*` is logical and (as NumPy); `-` on two bools throws
/// `unsupportedDType` (as NumPy); other arithmetic on two bools is done in int64 (NumPy uses int8).
/// Comparisons always give bool. Integer arithmetic wraps on overflow (as NumPy); integer
/// division or modulo by zero gives 0 (NumPy gives 0 with a warning).
public enum Promotion {
    /// Rank in the promotion lattice; the promoted dtype of two is the one of higher rank.
    static func rank(_ d: DType) -> Int {
        switch d {
        case .bool: 0
        case .uint8: 1
        case .int32: 2
        case .int64: 3
        case .float16, .bfloat16: 4
        case .float32: 5
        case .float64: 6
        }
    }

    /// The dtype two tensors promote to.
    public static func promote(_ a: DType, _ b: DType) -> DType {
        // Neither 2-byte float holds the other's values: they meet in float32 (as PyTorch).
        if a.isHalf && b.isHalf && a != b { return .float32 }
        return rank(a) >= rank(b) ? a : b
    }

    /// The dtype float math produces from `d`: itself if floating point, else float32.
    public static func floatResult(_ d: DType) -> DType {
        d.isFloatingPoint ? d : .float32
    }

    /// The dtype a weak Swift scalar takes next to a tensor of dtype `d`.
    public static func scalarDType(for d: DType, scalar: Double) -> DType {
        if d.isFloatingPoint { return d }
        let integral = scalar.rounded(.towardZero) == scalar && scalar.isFinite
        if !integral { return .float32 }
        return d == .bool ? .int64 : d
    }
}
