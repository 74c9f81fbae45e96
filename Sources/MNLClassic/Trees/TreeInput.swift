import TensorKit

/// The rows of `x` as float32 columns, the layout every split search reads: one feature's
/// values for all rows are contiguous. Trees work in float32 as scikit-learn's do, so a
/// threshold is a midpoint of two float32 values computed in float64, exactly as there.
struct TreeColumns: Sendable {
    let rows: Int
    let features: Int
    /// `values[f * rows + i]` is feature `f` of row `i`.
    let values: [Float]

    /// Checks `x` (2-D, at least one row and one feature, finite) and reads it column-major.
    init(_ x: Tensor, model: String) throws {
        guard x.ndim == 2 else {
            throw ModelError.badData(model: model, message: "x must be a 2-D tensor (samples, features), got shape \(x.shape)")
        }
        guard x.shape[0] > 0, x.shape[1] > 0 else {
            throw ModelError.badData(model: model, message: "x must have at least one sample and one feature, got shape \(x.shape)")
        }
        let (n, d) = (x.shape[0], x.shape[1])
        let flat = x.toDoubles()
        var columns = [Float](repeating: 0, count: n * d)
        for i in 0..<n {
            for f in 0..<d {
                let v = flat[i * d + f]
                guard v.isFinite else {
                    throw ModelError.badData(model: model, message: "x has a non-finite value (\(v)) in row \(i), feature \(f)")
                }
                columns[f * n + i] = Float(v)
            }
        }
        rows = n
        features = d
        values = columns
    }

    /// Checks `x` against the fitted feature count first.
    init(_ x: Tensor, model: String, fittedFeatures: Int) throws {
        if x.ndim == 2, x.shape[1] != fittedFeatures {
            throw ModelError.featureCount(model: model, expected: fittedFeatures, got: x.shape[1])
        }
        try self.init(x, model: model)
    }
}

/// Class labels as indices into `classes` (the sorted distinct labels, in `y`'s dtype), as
/// scikit-learn's `LabelEncoder` gives them.
struct TreeClassLabels: Sendable {
    let classes: Tensor
    let indices: [Int32]
    var classCount: Int { classes.count }

    init(_ y: Tensor, rows: Int, model: String) throws {
        let values = try TreeSupport.targetValues(y, rows: rows, model: model)
        guard values.allSatisfy({ $0.isFinite && $0 == $0.rounded() }) else {
            throw ModelError.badLabels(model: model, message: "class labels must be whole numbers (use a regressor for continuous targets)")
        }
        let distinct = Array(Set(values)).sorted()
        var position = [Double: Int32]()
        for (k, v) in distinct.enumerated() { position[v] = Int32(k) }
        indices = values.map { position[$0] ?? 0 }
        classes = try Tensor(shape: [distinct.count], values: distinct, dtype: y.dtype)
    }
}

/// Shared steps of the tree models (a namespace, so the names stay out of the module's way).
enum TreeSupport {
    /// The targets of a regressor (or the raw labels of a classifier): `y` of shape (n) or (n, 1),
    /// finite, with as many rows as `x`.
    static func targetValues(_ y: Tensor, rows: Int, model: String) throws -> [Double] {
        guard y.ndim == 1 || (y.ndim == 2 && y.shape[1] == 1) else {
            throw ModelError.badLabels(model: model, message: "y must be a 1-D tensor of targets, got shape \(y.shape)")
        }
        guard y.shape[0] == rows else {
            throw ModelError.badData(model: model, message: "x has \(rows) samples but y has \(y.shape[0])")
        }
        let values = y.toDoubles()
        if let bad = values.first(where: { !$0.isFinite }) {
            throw ModelError.badLabels(model: model, message: "y has a non-finite value (\(bad))")
        }
        return values
    }

    /// Labels for class indices: `classes[index]` for every row, in the classes' dtype.
    static func labels(for indices: [Int], classes: Tensor) throws -> Tensor {
        let positions = try Tensor(shape: [indices.count], elements: indices.map { Int64($0) })
        return try classes.get([.tensor(positions)])
    }

    /// Index of the largest value in each row of a (rows, width) row-major array; the first on ties,
    /// as NumPy's argmax.
    static func rowArgmax(_ values: [Double], rows: Int, width: Int) -> [Int] {
        (0..<rows).map { i in
            var best = 0
            for k in 1..<max(width, 1) where values[i * width + k] > values[i * width + best] { best = k }
            return best
        }
    }

    /// `values` scaled to sum to 1, or unchanged when they sum to 0.
    static func normalised(_ values: [Double]) -> [Double] {
        let sum = values.reduce(0, +)
        return sum > 0 ? values.map { $0 / sum } : values
    }
}
