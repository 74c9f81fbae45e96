import TensorKit

/// Labels of a classification problem encoded as class indices: `classes` are the sorted
/// distinct labels (in y's dtype, as `classes_`), `indices[i]` is row i's position in them.
struct ClassLabels {
    let classes: Tensor
    let classValues: [Double]
    let indices: [Int]

    /// Checks that `y` is a vector of whole numbers with one label per row of x, and at least
    /// `minimumClasses` distinct labels.
    init(_ y: Tensor?, rows: Int, model: String, minimumClasses: Int = 2) throws {
        guard let y else { throw ModelError.badLabels(model: model, message: "fit needs labels y") }
        guard y.ndim == 1 else {
            throw ModelError.badLabels(model: model, message: "y must be a vector of labels, got shape \(y.shape)")
        }
        guard y.count == rows else {
            throw ModelError.badData(model: model, message: "x has \(rows) rows but y has \(y.count) labels")
        }
        let values = y.toDoubles()
        for v in values where !v.isFinite || v != v.rounded() {
            throw ModelError.badLabels(model: model, message: "labels must be whole numbers (classes), got \(v)")
        }
        let sorted = Array(Set(values)).sorted()
        guard sorted.count >= minimumClasses else {
            throw ModelError.badLabels(model: model, message: "needs at least \(minimumClasses) classes in y, got \(sorted.count)")
        }
        var position: [Double: Int] = [:]
        for (k, v) in sorted.enumerated() { position[v] = k }
        classValues = sorted
        indices = values.map { position[$0] ?? 0 }
        classes = try Tensor(shape: [sorted.count], values: sorted, dtype: y.dtype == .bool ? .int64 : y.dtype)
    }

    /// The labels at class positions `picked`, in the classes' dtype.
    static func labels(_ picked: [Int], of classes: Tensor) throws -> Tensor {
        let values = classes.toDoubles()
        return try Tensor(shape: [picked.count], values: picked.map { values[$0] }, dtype: classes.dtype)
    }
}

/// A vector of regression targets as float64, one per row.
func regressionTargets(_ y: Tensor?, rows: Int, model: String) throws -> [Double] {
    guard let y else { throw ModelError.badData(model: model, message: "fit needs targets y") }
    guard y.ndim == 1 else {
        throw ModelError.badData(model: model, message: "y must be a vector of targets, got shape \(y.shape)")
    }
    guard y.count == rows else {
        throw ModelError.badData(model: model, message: "x has \(rows) rows but y has \(y.count) targets")
    }
    let values = y.toDoubles()
    for v in values where !v.isFinite {
        throw ModelError.badData(model: model, message: "y contains NaN or infinity")
    }
    return values
}
