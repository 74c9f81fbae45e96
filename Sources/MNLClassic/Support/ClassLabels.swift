import TensorKit

/// A classifier's labels: the sorted distinct labels (`classes_`) and each row's position
/// among them, as scikit-learn's `LabelEncoder` gives them. Labels are integer (or bool)
/// tensors, or floats whose values are all whole numbers; `classes_` keeps y's dtype so
/// predictions come back as the user's own labels.
public struct ClassLabels: Sendable {
    /// The distinct labels, sorted, in y's dtype.
    public let classes: Tensor
    /// The labels as numbers, sorted (the same values as `classes`).
    public let values: [Double]
    /// Each row's class index into `values`.
    public let indices: [Int]

    public var count: Int { values.count }

    /// `y` checked as labels for `rows` examples; at least `minimumClasses` distinct ones.
    public init(_ y: Tensor?, model: String, rows: Int, minimumClasses: Int = 2) throws {
        guard let y else { throw ModelError.badLabels(model: model, message: "fit needs labels y: call fit(x, y)") }
        let n = y.ndim == 1 ? y.shape[0] : (y.ndim == 2 && y.shape[1] == 1 ? y.shape[0] : -1)
        guard n >= 0 else {
            throw ModelError.badLabels(model: model, message: "y must be a vector of labels of shape (samples,), got shape \(FeatureMatrix.shapeText(y.shape))")
        }
        guard n == rows else { throw ModelError.badData(model: model, message: "x has \(rows) rows but y has \(n)") }
        let raw = y.toDoubles()
        if y.dtype.isFloatingPoint, let bad = raw.first(where: { !$0.isFinite || $0 != $0.rounded() }) {
            throw ModelError.badLabels(model: model, message: "class labels must be integers (or floats with whole values), got \(bad); for continuous targets use a regressor")
        }
        let distinct = Array(Set(raw)).sorted()
        guard distinct.count >= minimumClasses else {
            throw ModelError.badLabels(model: model, message: "needs samples of at least \(minimumClasses) classes in y, got \(distinct.count) class\(distinct.count == 1 ? "" : "es")")
        }
        var position = [Double: Int]()
        for (i, v) in distinct.enumerated() { position[v] = i }
        indices = raw.map { position[$0] ?? 0 }
        values = distinct
        classes = try Tensor(shape: [distinct.count], values: distinct, dtype: y.dtype.isHalf ? .float32 : y.dtype)
    }

    /// Restores labels from a saved `classes_` tensor (no rows).
    public init(classes: Tensor) {
        self.classes = classes
        values = classes.toDoubles()
        indices = []
    }

    /// The labels for class indices (predictions), in `classes_`'s dtype.
    public func labels(_ classIndices: [Int]) throws -> Tensor {
        try Tensor(shape: [classIndices.count], values: classIndices.map { values[$0] }, dtype: classes.dtype)
    }

    /// For scoring: the class index of each given label, or nil for a label never seen.
    public func index(of label: Double) -> Int? {
        var (lo, hi) = (0, values.count)
        while lo < hi {
            let mid = (lo + hi) / 2
            if values[mid] < label { lo = mid + 1 } else { hi = mid }
        }
        return lo < values.count && values[lo] == label ? lo : nil
    }
}
