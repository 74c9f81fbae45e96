import TensorKit

/// scikit-learn's `KNeighborsClassifier` (brute force): the class with the largest (weighted)
/// vote among the k nearest training rows; on a tie, the first class in `classes_`.
public final class KNeighborsClassifier: KNeighborsBase, ClassifierEstimator {
    public let kind = "KNeighborsClassifier"
    var labels: ClassLabels?
    /// Each training row's class position.
    var rowClasses: [Int] = []

    public init(nNeighbors: Int = 5, weights: String = "uniform") throws {
        try super.init(model: "KNeighborsClassifier", nNeighbors: nNeighbors, weights: weights)
    }

    public convenience init(_ h: Hyperparameters) throws {
        try self.init(nNeighbors: h.int("n_neighbors", expected: "a positive whole number") { $0 > 0 },
                      weights: h.string("weights", oneOf: ["uniform", "distance"]))
    }

    public var classes: Tensor? { labels?.classes }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let rows = try storeTraining(x)
        let l = try ClassLabels(y, model: kind, rows: rows.rows, minimumClasses: 1)
        (searcher, labels, rowClasses) = (try NearestNeighbors(rows), l, l.indices)
    }

    /// (rows, classes) vote shares.
    private func votes(_ x: Tensor) throws -> DenseRows {
        guard let labels else { throw ModelError.notFitted(model: kind) }
        let (d, idx, rows, k) = try neighbors(x)
        let out = try DenseRows(rows: rows, cols: labels.count)
        for r in 0..<rows {
            let w = neighbourWeights(d[(r * k)..<((r + 1) * k)])
            let o = out.row(r)
            for p in 0..<k { o[rowClasses[idx[r * k + p]]] += w[p] }
            let total = w.reduce(0, +)
            for c in 0..<out.cols { o[c] /= total }
        }
        return out
    }

    public func predictProba(_ x: Tensor) throws -> Tensor { try votes(x).tensor }

    public func predict(_ x: Tensor) throws -> Tensor {
        let v = try votes(x)
        let picked = (0..<v.rows).map { r -> Int in
            var best = 0
            for c in 1..<v.cols where v.row(r)[c] > v.row(r)[best] { best = c }
            return best
        }
        return try requireLabels().labels(picked)
    }

    private func requireLabels() throws -> ClassLabels {
        guard let labels else { throw ModelError.notFitted(model: kind) }
        return labels
    }

    public func decisionFunction(_ x: Tensor) throws -> Tensor {
        throw ModelError.unsupported(model: kind, message: "k nearest neighbours have no decision_function; use predict_proba")
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] {
        guard let labels else { return [] }
        return [("classes_", .tensor(labels.classes))] + trainingAttributes()
    }

    public func savedState() -> [String: Tensor] {
        guard let searcher, let labels,
              let y = try? Tensor(shape: [rowClasses.count], values: rowClasses.map(Double.init), dtype: .int64)
        else { return [:] }
        return ["x": searcher.train.tensor, "y_index": y, "classes": labels.classes]
    }

    public func restore(_ state: [String: Tensor]) throws {
        guard let x = state["x"], let y = state["y_index"], let classes = state["classes"], x.ndim == 2, y.ndim == 1,
              classes.ndim == 1, x.shape[0] == y.count, x.shape[0] >= nNeighbors else {
            throw ModelError.badSavedState(model: kind, message: "needs 'x' (n, features), 'y_index' (n) and 'classes'")
        }
        let indices = y.toDoubles().map { Int(exactly: $0) ?? -1 }
        guard indices.allSatisfy({ $0 >= 0 && $0 < classes.count }) else {
            throw ModelError.badSavedState(model: kind, message: "'y_index' must hold class positions below \(classes.count)")
        }
        (searcher, labels, rowClasses) = (try NearestNeighbors(try DenseRows(x, model: kind)), ClassLabels(classes: classes), indices)
    }
}
