import TensorKit

/// What scikit-learn's KNeighborsClassifier and KNeighborsRegressor share: the
/// hyperparameters, the stored training rows and `kneighbors`.
public class KNeighborsBase {
    public let nNeighbors: Int
    /// "uniform" or "distance" (1/d, with rows at distance 0 taking all the weight).
    public let weights: String
    var searcher: NearestNeighbors?
    let modelName: String

    init(model: String, nNeighbors: Int, weights: String) throws {
        guard nNeighbors > 0 else {
            throw ModelError.badHyperparameter(model: model, name: "n_neighbors", value: "\(nNeighbors)", expected: "a positive whole number")
        }
        guard ["uniform", "distance"].contains(weights) else {
            throw ModelError.badHyperparameter(model: model, name: "weights", value: "\"\(weights)\"", expected: "\"uniform\" or \"distance\"")
        }
        (modelName, self.nNeighbors, self.weights) = (model, nNeighbors, weights)
    }

    public var hyperparameters: [(name: String, value: HyperValue)] {
        [("n_neighbors", .int(nNeighbors)), ("weights", .string(weights))]
    }
    public var isFitted: Bool { searcher != nil }

    func storeTraining(_ x: Tensor) throws -> DenseRows {
        let rows = try DenseRows(x, model: modelName)
        guard rows.rows >= nNeighbors else {
            throw ModelError.badData(model: modelName, message: "n_neighbors is \(nNeighbors) but x has only \(rows.rows) rows")
        }
        return rows
    }

    /// The k nearest training rows of each row of x: distances (float64) and indices (int64),
    /// both (rows, k), nearest first.
    public func kneighbors(_ x: Tensor, nNeighbors k: Int? = nil) throws -> (distances: Tensor, indices: Tensor) {
        let (d, i, rows, k) = try neighbors(x, k: k)
        return (try Tensor(shape: [rows, k], values: d, dtype: .float64),
                try Tensor(shape: [rows, k], values: i.map(Double.init), dtype: .int64))
    }

    func neighbors(_ x: Tensor, k: Int? = nil) throws -> (distances: [Double], indices: [Int], rows: Int, k: Int) {
        guard let searcher else { throw ModelError.notFitted(model: modelName) }
        let k = k ?? nNeighbors
        guard k > 0, k <= searcher.train.rows else {
            throw ModelError.badHyperparameter(model: modelName, name: "n_neighbors", value: "\(k)",
                                               expected: "between 1 and the \(searcher.train.rows) training rows")
        }
        let rows = try DenseRows.checked(x, model: modelName, features: searcher.train.cols)
        let (d, i) = try searcher.query(rows, k: k)
        return (d, i, rows.rows, k)
    }

    /// The weight of each neighbour of one row (`distances` of that row).
    func neighbourWeights(_ distances: ArraySlice<Double>) -> [Double] {
        guard weights == "distance" else { return [Double](repeating: 1, count: distances.count) }
        if distances.contains(0) { return distances.map { $0 == 0 ? 1 : 0 } }
        return distances.map { 1 / $0 }
    }

    func trainingAttributes() -> [(name: String, value: FittedValue)] {
        guard let searcher else { return [] }
        return [("n_samples_fit_", .int(searcher.train.rows)), ("n_features_in_", .int(searcher.train.cols))]
    }
}
