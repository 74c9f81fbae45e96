/// `numpy.cov` and `numpy.corrcoef`: the centred observations multiplied by their own
/// transpose in one BLAS product (dgemm), always in float64 as NumPy computes them.

extension Tensor {
    /// `numpy.cov`: the covariance matrix of the variables in `m`'s rows (columns when
    /// `rowvar` is false), with `y`'s variables appended. Divides by n - ddof, where ddof
    /// defaults to 1 (0 with `bias`); n - ddof <= 0 gives inf and NaN, as NumPy (which warns).
    /// Size-1 axes are squeezed away: one variable gives a 0-d tensor.
    public static func cov(_ m: Tensor, _ y: Tensor? = nil, rowvar: Bool = true, bias: Bool = false,
                           ddof: Int? = nil, op: String = "cov") throws -> Tensor {
        var x = try m.covarianceVariables(rowvar: rowvar, op: op)
        if let y {
            let other = try y.covarianceVariables(rowvar: rowvar, op: op)
            guard other.shape[1] == x.shape[1] else { throw TensorError.shapeMismatch(op: op, lhs: m.shape, rhs: y.shape) }
            x = try Tensor.concat([x, other], axis: 0)
        }
        let (variables, observations) = (x.shape[0], x.shape[1])
        if variables == 0 { return try Tensor(zeros: [0, 0], dtype: .float64) }
        let divisor = observations - (ddof ?? (bias ? 0 : 1))
        if observations == 0 {
            return try Tensor(shape: [variables, variables], values: [Double](repeating: .nan, count: variables * variables), dtype: .float64)
        }
        let centered = try Tensor.binary(.subtract, x, try x.mean(axes: [1], keepdims: true))
        let products = try Tensor.matmul(centered, try centered.transpose())
        let scaled = try Tensor.binary(.multiply, products, divisor > 0 ? 1 / Double(divisor) : .infinity)
        return try scaled.squeeze()
    }

    /// `numpy.corrcoef`: the Pearson correlation coefficients, cov(x, y) divided by the outer
    /// product of the standard deviations, clipped to [-1, 1]. A constant variable gives NaN.
    public static func corrcoef(_ x: Tensor, _ y: Tensor? = nil, rowvar: Bool = true) throws -> Tensor {
        let c = try cov(x, y, rowvar: rowvar, op: "corrcoef")
        if c.ndim == 0 { return try Tensor.binary(.divide, c, c) }
        let deviations = try c.diagonal().unary(.sqrt)
        let byRow = try Tensor.binary(.divide, c, try deviations.expandDims(1))
        let r = try Tensor.binary(.divide, byRow, try deviations.expandDims(0))
        return try r.clip(min: -1, max: 1)
    }

    /// The observations as a float64 matrix, one variable per row (NumPy's ndmin=2 and rowvar).
    private func covarianceVariables(rowvar: Bool, op: String) throws -> Tensor {
        guard ndim <= 2 else {
            throw TensorError.invalidArgument(op: op, message: "expected at most 2 dimensions, got shape \(TensorError.shape(shape))")
        }
        var x = try cast(to: .float64)
        if ndim < 2 { x = try x.reshape([1, count]) }
        if !rowvar && x.shape[0] != 1 { x = try x.transpose() }
        return x
    }
}
