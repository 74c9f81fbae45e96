import TensorKit

/// The data `x` as every model computes on it: a dense row-major float64 matrix. scikit-learn
/// converts to float64 too, so sums and solvers agree with its fixtures; the copy is one pass
/// over `x` and lets BLAS and the loops read rows without strides.
public struct FeatureMatrix: Sendable {
    public let rows: Int
    public let columns: Int
    /// Row-major: element (i, j) at `i * columns + j`.
    public var values: [Double]

    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "FeatureMatrix: \(values.count) values for \(rows)×\(columns)")
        (self.rows, self.columns, self.values) = (rows, columns, values)
    }

    /// `x` checked as scikit-learn's `check_array` does: two axes, at least one row and one
    /// column, numbers only (bool and integer tensors are taken as numbers), nothing NaN or
    /// infinite.
    public init(_ x: Tensor, model: String) throws {
        try Self.check(x, model: model)
        let values = try x.cast(to: .float64).contiguous().toArray(Double.self)
        self.init(rows: x.shape[0], columns: x.shape[1], values: values)
    }

    /// `x` checked as above, as one contiguous float64 tensor with no `[Double]` in between
    /// (`x` itself when it already is one): for models that only hand x to BLAS. On
    /// Fashion-MNIST this is one 376 MB copy instead of two.
    public static func float64Tensor(_ x: Tensor, model: String) throws -> Tensor {
        try check(x, model: model)
        return try x.cast(to: .float64).contiguous()
    }

    /// Every check of `x` (`check_array`'s): the shape, then nothing NaN or infinite (one
    /// vectorised pass; integer and bool tensors are finite).
    static func check(_ x: Tensor, model: String) throws {
        try checkShape(x, model: model)
        guard try x.allFinite() else { throw ModelError.badData(model: model, message: "x contains NaN or infinity") }
    }

    /// The shape checks: two axes, at least one row and one column.
    static func checkShape(_ x: Tensor, model: String) throws {
        guard x.ndim == 2 else {
            let hint = x.ndim == 1 ? " (reshape a single feature with x.reshape(-1, 1), a single example with x.reshape(1, -1))" : ""
            throw ModelError.badData(model: model, message: "x must be a matrix of shape (samples, features), got shape \(Self.shapeText(x.shape))\(hint)")
        }
        guard x.shape[0] >= 1 else { throw ModelError.badData(model: model, message: "x has no rows") }
        guard x.shape[1] >= 1 else { throw ModelError.badData(model: model, message: "x has no features (shape \(Self.shapeText(x.shape)))") }
    }

    /// `x` for a fitted model: as above, and with the number of features it was fitted on.
    public init(_ x: Tensor, model: String, features: Int) throws {
        if x.ndim == 2, x.shape[1] != features {
            throw ModelError.featureCount(model: model, expected: features, got: x.shape[1])
        }
        try self.init(x, model: model)
    }

    /// The matrix as a float64 tensor of shape (rows, columns), for BLAS products.
    public func tensor() throws -> Tensor { try Tensor(shape: [rows, columns], elements: values) }

    /// The rows at `indices`, in that order (cross-validation folds).
    public func selecting(rows indices: [Int]) -> FeatureMatrix {
        var out = [Double]()
        out.reserveCapacity(indices.count * columns)
        for i in indices { out.append(contentsOf: values[i * columns ..< (i + 1) * columns]) }
        return FeatureMatrix(rows: indices.count, columns: columns, values: out)
    }

    /// The mean of each column.
    public func columnMeans() -> [Double] {
        var sums = [Double](repeating: 0, count: columns)
        for i in 0..<rows { for j in 0..<columns { sums[j] += values[i * columns + j] } }
        return sums.map { $0 / Double(rows) }
    }

    static func shapeText(_ s: [Int]) -> String { s.count == 1 ? "(\(s[0]),)" : "(" + s.map(String.init).joined(separator: ", ") + ")" }
}

/// Regression targets: one number per row of x, as float64.
public struct RegressionTargets: Sendable {
    public let values: [Double]

    public init(_ y: Tensor?, model: String, rows: Int) throws {
        guard let y else { throw ModelError.badLabels(model: model, message: "fit needs targets y: call fit(x, y)") }
        let flat = y.ndim == 2 && y.shape[1] == 1 ? y.shape[0] : (y.ndim == 1 ? y.shape[0] : -1)
        guard flat >= 0 else {
            throw ModelError.badLabels(model: model, message: "y must be a vector of shape (samples,), got shape \(FeatureMatrix.shapeText(y.shape))")
        }
        guard flat == rows else { throw ModelError.badData(model: model, message: "x has \(rows) rows but y has \(flat)") }
        let values = y.toDoubles()
        if values.contains(where: { !$0.isFinite }) { throw ModelError.badLabels(model: model, message: "y contains NaN or infinity") }
        self.values = values
    }
}
