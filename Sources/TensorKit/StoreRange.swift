/// Numbers stored into integer tensors must fit, as NumPy 2 requires (its OverflowError):
/// `x[0] = 300` on uint8 and `full(2, 300, dtype="u8")` are errors instead of wrapping to 44
/// (the language's `tensor([...], dtype=)` checks its lists the same way, in TensorConversion). A fraction is still truncated toward zero (as NumPy
/// truncates `x[0] = 2.7` to 2), and tensor-to-tensor casts (`astype`) still wrap as NumPy's do.

extension Tensor {
    /// Throws `valueOutOfRange` unless `value`, truncated toward zero, fits `dtype`.
    public static func checkStorable(_ value: Double, in dtype: DType, op: String) throws {
        guard let range = storableRange(dtype) else { return }
        let whole = value.rounded(.towardZero)
        guard whole.isNaN || !range.contains(whole) else { return }
        throw TensorError.valueOutOfRange(op: op, value: value, dtype: dtype)
    }

    /// The half-open range of whole numbers an integer dtype holds; nil for floats and bool.
    private static func storableRange(_ dtype: DType) -> Range<Double>? {
        switch dtype {
        case .int64: -9.2233720368547758e18..<9.2233720368547758e18
        case .int32: -2147483648.0..<2147483648.0
        case .uint8: 0..<256
        case .float32, .float64, .float16, .bfloat16, .bool: nil
        }
    }
}
