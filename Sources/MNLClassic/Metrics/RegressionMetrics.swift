import TensorKit

extension Metrics {
    /// The mean of (y_true - y_pred)².
    public static func meanSquaredError(_ yTrue: Tensor, _ yPred: Tensor) throws -> Double {
        let (a, b) = try pair("mean_squared_error", yTrue, yPred)
        return zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(a.count)
    }

    /// The mean of |y_true - y_pred|.
    public static func meanAbsoluteError(_ yTrue: Tensor, _ yPred: Tensor) throws -> Double {
        let (a, b) = try pair("mean_absolute_error", yTrue, yPred)
        return zip(a, b).reduce(0) { $0 + Swift.abs($1.0 - $1.1) } / Double(a.count)
    }

    /// The coefficient of determination 1 - SS_res / SS_tot. As scikit-learn: when y_true is
    /// constant, 1 for a perfect prediction and 0 otherwise (instead of dividing by zero).
    public static func r2Score(_ yTrue: Tensor, _ yPred: Tensor) throws -> Double {
        let (a, b) = try pair("r2_score", yTrue, yPred)
        let mean = a.reduce(0, +) / Double(a.count)
        let residual = zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let total = a.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        if total == 0 { return residual == 0 ? 1 : 0 }
        return 1 - residual / total
    }
}
