import TensorKit

/// scikit-learn's `KNeighborsRegressor` (brute force): the (weighted) mean target of the k
/// nearest training rows.
public final class KNeighborsRegressor: KNeighborsBase, Estimator {
    public let kind = "KNeighborsRegressor"
    var targets: [Double] = []

    public init(nNeighbors: Int = 5, weights: String = "uniform") throws {
        try super.init(model: "KNeighborsRegressor", nNeighbors: nNeighbors, weights: weights)
    }

    public convenience init(_ h: Hyperparameters) throws {
        try self.init(nNeighbors: h.int("n_neighbors", expected: "a positive whole number") { $0 > 0 },
                      weights: h.string("weights", oneOf: ["uniform", "distance"]))
    }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let rows = try storeTraining(x)
        let t = try RegressionTargets(y, model: kind, rows: rows.rows).values
        (searcher, targets) = (try NearestNeighbors(rows), t)
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        let (d, idx, rows, k) = try neighbors(x)
        let values = (0..<rows).map { r -> Double in
            let w = neighbourWeights(d[(r * k)..<((r + 1) * k)])
            var s = 0.0
            for p in 0..<k { s += w[p] * targets[idx[r * k + p]] }
            return s / w.reduce(0, +)
        }
        return try Tensor(shape: [rows], values: values, dtype: .float64)
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] { trainingAttributes() }

    public func savedState() -> [String: Tensor] {
        guard let searcher, let y = try? Tensor(shape: [targets.count], values: targets, dtype: .float64) else { return [:] }
        return ["x": searcher.train.tensor, "y": y]
    }

    public func restore(_ state: [String: Tensor]) throws {
        guard let x = state["x"], let y = state["y"], x.ndim == 2, y.ndim == 1, x.shape[0] == y.count, x.shape[0] >= nNeighbors else {
            throw ModelError.badSavedState(model: kind, message: "needs 'x' (n, features) and 'y' (n)")
        }
        (searcher, targets) = (try NearestNeighbors(try DenseRows(x, model: kind)), y.toDoubles())
    }
}
