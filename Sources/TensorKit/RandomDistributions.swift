/// NumPy's parameterised distributions, `normal(loc, scale, size)` and `uniform(low, high, size)`.
/// The parameters may be tensors that broadcast against `size` (as in NumPy); the draws are made
/// in float64 and scaled there, so a float32 result is the rounded float64 sample.
extension Tensor {
    /// Normal samples with mean `loc` and standard deviation `scale` (non-negative).
    /// `shape` nil means the broadcast shape of the parameters.
    public static func normal(loc: Tensor, scale: Tensor, shape: [Int]?, dtype: DType = .float32,
                              using g: RandomGenerator) throws -> Tensor {
        if scale.count > 0, try scale.min(axes: nil, keepdims: false).toDoubles().first.map({ $0 < 0 }) == true {
            throw TensorError.invalidArgument(op: "normal", message: "scale must be non-negative")
        }
        let drawShape = try sampleShape(shape, loc, scale, op: "normal")
        let z = try randn(drawShape, dtype: .float64, using: g)
        return try binary(.add, loc, try binary(.multiply, scale, z)).cast(to: dtype)
    }

    /// Uniform samples in [low, high) (NumPy allows high < low and then draws from (high, low]).
    public static func uniform(low: Tensor, high: Tensor, shape: [Int]?, dtype: DType = .float32,
                               using g: RandomGenerator) throws -> Tensor {
        let drawShape = try sampleShape(shape, low, high, op: "uniform")
        let u = try rand(drawShape, dtype: .float64, using: g)
        return try binary(.add, low, try binary(.multiply, try binary(.subtract, high, low), u)).cast(to: dtype)
    }

    /// The shape of the draws: `shape` when given (the parameters must broadcast to it, as
    /// NumPy requires), else the parameters' broadcast shape.
    private static func sampleShape(_ shape: [Int]?, _ a: Tensor, _ b: Tensor, op: String) throws -> [Int] {
        guard dtypeIsReal(a.dtype), dtypeIsReal(b.dtype) else {
            throw TensorError.unsupportedDType(op: op, dtype: dtypeIsReal(a.dtype) ? b.dtype : a.dtype)
        }
        let parameters = try broadcastShape(a.shape, b.shape, op: op)
        guard let shape else { return parameters }
        guard try broadcastShape(parameters, shape, op: op) == shape else {
            throw TensorError.shapeMismatch(op: op, lhs: parameters, rhs: shape)
        }
        return shape
    }

    private static func dtypeIsReal(_ d: DType) -> Bool { d != .bool }
}
