import TensorKit

/// `x` for predicting with a fitted model: checked as `FeatureMatrix` checks it (a matrix of
/// finite numbers with the fitted number of features) but kept in its own float dtype and
/// storage. Products with float64 weights promote as NumPy does (TensorKit widens a float32
/// `x` as it reads it), so predicting makes no float64 copy of `x`: for 10000 images that copy
/// and its check took five times as long as the product itself.
public struct InputMatrix: Sendable {
    /// Float32 or float64, shape (rows, features); integer and bool inputs are widened to float64.
    public let tensor: Tensor
    public var rows: Int { tensor.shape[0] }
    public var columns: Int { tensor.shape[1] }

    public init(_ x: Tensor, model: String, features: Int) throws {
        if x.ndim == 2, x.shape[1] != features {
            throw ModelError.featureCount(model: model, expected: features, got: x.shape[1])
        }
        try FeatureMatrix.check(x, model: model)
        tensor = x.dtype == .float32 || x.dtype == .float64 ? x : try x.cast(to: .float64)
    }

    /// Σ_j x[i, j]² of each row, in float64.
    public func squaredRowNorms() throws -> [Double] { try tensor.rowSquaredNorms() }
}
