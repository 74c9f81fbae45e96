import TensorKit

/// The rows of `x` as float32 columns, the layout every split search reads: one feature's
/// values for all rows are contiguous. Trees work in float32 as scikit-learn's do, so a
/// threshold is a midpoint of two float32 values computed in float64, exactly as there.
struct TreeColumns: Sendable {
    let rows: Int
    let features: Int
    /// `values[f * rows + i]` is feature `f` of row `i`.
    let values: [Float]

    /// Checks `x` as every classic model does (`FeatureMatrix`) and reads it column-major
    /// (TensorKit's transposing copy, straight from x's own dtype).
    init(_ x: Tensor, model: String) throws {
        try FeatureMatrix.check(x, model: model)
        rows = x.shape[0]
        features = x.shape[1]
        values = try x.cast(to: .float32).transpose().contiguous().toArray(Float.self)
    }
}

/// New rows for a fitted tree to route: float32 and row-major, as scikit-learn's trees read
/// them, so one row's features sit together while it goes down every tree of a forest (the
/// column layout above scattered each row over `features` cache lines). A contiguous float32
/// `x` is used as it is.
struct TreeRows: @unchecked Sendable {
    let tensor: Tensor
    let rows: Int

    init(_ x: Tensor, model: String, fittedFeatures: Int) throws {
        let input = try InputMatrix(x, model: model, features: fittedFeatures)
        tensor = try input.tensor.cast(to: .float32).contiguous()
        rows = input.rows
    }

    /// The features of row `i`.
    func row(_ i: Int) -> UnsafePointer<Float> {
        UnsafePointer(tensor.storage.pointer(Float.self) + tensor.offset + i * tensor.shape[1])
    }
}

/// Shared steps of the tree models (a namespace, so the names stay out of the module's way).
enum TreeSupport {
    /// The targets of a regressor, checked as every classic model checks them.
    static func targetValues(_ y: Tensor?, rows: Int, model: String) throws -> [Double] {
        try RegressionTargets(y, model: model, rows: rows).values
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
