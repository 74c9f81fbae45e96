import TensorKit

/// scikit-learn's `sklearn.metrics`, on tensors of true and predicted values. Errors are
/// `ModelError.badData` naming the metric (its "model" is the function's name).
public enum Metrics {
    /// Two vectors of the same length (a (n, 1) column counts as a vector), as doubles.
    static func pair(_ name: String, _ yTrue: Tensor, _ yPred: Tensor) throws -> ([Double], [Double]) {
        let a = try vector(name, "y_true", yTrue), b = try vector(name, "y_pred", yPred)
        guard a.count == b.count else {
            throw ModelError.badData(model: name, message: "y_true has \(a.count) values but y_pred has \(b.count)")
        }
        guard !a.isEmpty else { throw ModelError.badData(model: name, message: "y_true and y_pred are empty") }
        return (a, b)
    }

    static func vector(_ name: String, _ what: String, _ t: Tensor) throws -> [Double] {
        guard t.ndim == 1 || (t.ndim == 2 && t.shape[1] == 1) else {
            throw ModelError.badData(model: name, message: "\(what) must be a vector, got shape \(FeatureMatrix.shapeText(t.shape))")
        }
        let v = t.toDoubles()
        if v.contains(where: \.isNaN) { throw ModelError.badData(model: name, message: "\(what) contains NaN") }
        return v
    }
}
