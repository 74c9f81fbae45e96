/// NumPy's tolerance comparisons, composed from the elementwise primitives.
extension Tensor {
    /// |a − b| ≤ atol + rtol·|b| elementwise (NumPy's asymmetric rule), or a == b (so equal
    /// infinities are close); NaNs are close to each other only with `equalNaN`. Computed in float64.
    public static func isclose(_ a: Tensor, _ b: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8,
                               equalNaN: Bool = false) throws -> Tensor {
        let x = try a.cast(to: .float64), y = try b.cast(to: .float64)
        let gap = try binary(.subtract, x, y).unary(.abs)
        let bound = try binary(.add, try binary(.multiply, try y.unary(.abs), rtol), atol)
        var close = try binary(.logicalOr, try binary(.lessEqual, gap, bound), try binary(.equal, x, y))
        if equalNaN {
            close = try binary(.logicalOr, close, try binary(.logicalAnd, try x.unary(.isnan), try y.unary(.isnan)))
        }
        return close
    }

    /// True when every element is finite (neither infinite nor NaN).
    public func isfinite() throws -> Tensor {
        try Tensor.binary(.logicalOr, unary(.isnan), unary(.isinf)).unary(.logicalNot)
    }

    /// True when both have the same shape and equal elements (NumPy's array_equal; NaN ≠ NaN).
    public static func arrayEqual(_ a: Tensor, _ b: Tensor) throws -> Bool {
        guard a.shape == b.shape else { return false }
        return try binary(.equal, a, b).all(axes: nil, keepdims: false).toDoubles().first != 0
    }
}
