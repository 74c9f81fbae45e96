import Foundation
import TensorKit

/// scikit-learn's `SGDClassifier` and `Perceptron` (one class, the Perceptron being SGD with
/// the perceptron loss, a constant rate of eta0 and no penalty, as in scikit-learn): one
/// binary problem per class (one-vs-rest) for several classes, each by `PlainSGD`.
public final class SGDClassifier: ClassifierEstimator {
    public let kind: String
    let settings: SGDSettings
    let parameters: [(name: String, value: HyperValue)]
    private var fitted: (labels: ClassLabels, coef: [Double], intercept: [Double], features: Int, epochs: Int)?

    public init(_ h: Hyperparameters, perceptron: Bool = false) throws {
        kind = h.model
        settings = try SGDParameters.settings(h, losses: SGDLoss.classification, perceptron: perceptron)
        parameters = SGDParameters.names(perceptron ? .perceptron : .classifier).map { ($0, h.values[$0] ?? HyperValue.none) }
    }

    public var hyperparameters: [(name: String, value: HyperValue)] { parameters }
    public var isFitted: Bool { fitted != nil }
    public var classes: Tensor? { fitted?.labels.classes }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let m = try FeatureMatrix(x, model: kind)
        let labels = try ClassLabels(y, model: kind, rows: m.rows)
        let problems = labels.count == 2 ? 1 : labels.count
        monitor.total(problems * settings.maxIter, "")
        var coef: [Double] = [], intercept: [Double] = [], epochs = 0
        for k in 0..<problems {
            let positive = labels.count == 2 ? 1 : k
            let targets = labels.indices.map { $0 == positive ? 1.0 : -1.0 }
            var s = settings
            s.seed = settings.seed &+ UInt64(k)
            let done = k * settings.maxIter
            let r = try PlainSGD.fit(m, targets, s) { e, loss in try monitor.step(done + e, loss) }
            coef += r.coef
            intercept.append(r.intercept)
            epochs = Swift.max(epochs, r.epochs)
        }
        fitted = (labels, coef, intercept, m.columns, epochs)
    }

    private func scores(_ x: Tensor) throws -> (FeatureMatrixScores) {
        guard let f = fitted else { throw ModelError.notFitted(model: kind) }
        let m = try InputMatrix(x, model: kind, features: f.features)
        return FeatureMatrixScores(values: try LinearPrediction.scores(m, coef: f.coef, intercept: f.intercept), rows: m.rows, outputs: f.intercept.count)
    }

    public func decisionFunction(_ x: Tensor) throws -> Tensor {
        let s = try scores(x)
        return s.outputs == 1 ? .vector(s.values) : .matrix(s.values, rows: s.rows, columns: s.outputs)
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        let s = try scores(x)
        guard let f = fitted else { throw ModelError.notFitted(model: kind) }
        return try f.labels.labels(s.winners)
    }

    public func predictProba(_ x: Tensor) throws -> Tensor {
        guard settings.loss == .logLoss else {
            throw ModelError.unsupported(model: kind, message: "predict_proba needs loss=\"log_loss\" (this model uses \"\(settings.loss.rawValue)\")")
        }
        let s = try scores(x)
        if s.outputs == 1 {
            return .matrix(s.values.flatMap { t -> [Double] in let p = LogisticLoss.sigmoid(t); return [1 - p, p] }, rows: s.rows, columns: 2)
        }
        var p = s.values.map(LogisticLoss.sigmoid)
        for i in 0..<s.rows {
            let row = i * s.outputs ..< (i + 1) * s.outputs, sum = p[row].reduce(0, +)
            for j in row { p[j] = sum > 0 ? p[j] / sum : 1 / Double(s.outputs) }
        }
        return .matrix(p, rows: s.rows, columns: s.outputs)
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] {
        guard let f = fitted else { return [] }
        return [("classes_", .tensor(f.labels.classes)), ("coef_", .tensor(.matrix(f.coef, rows: f.intercept.count, columns: f.features))),
                ("intercept_", .tensor(.vector(f.intercept))), ("n_iter_", .int(f.epochs)), ("n_features_in_", .int(f.features))]
    }

    public func savedState() -> [String: Tensor] {
        guard let f = fitted else { return [:] }
        return ["classes_": f.labels.classes, "coef_": .matrix(f.coef, rows: f.intercept.count, columns: f.features),
                "intercept_": .vector(f.intercept), "n_iter_": .vector([Double(f.epochs)])]
    }

    public func restore(_ state: [String: Tensor]) throws {
        let r = SavedStateReader(model: kind, state)
        let classes = try r.tensor("classes_", shape: [nil])
        guard classes.shape[0] >= 2 else { throw ModelError.badSavedState(model: kind, message: "the tensor 'classes_' needs at least 2 classes") }
        let outputs = classes.shape[0] == 2 ? 1 : classes.shape[0]
        let coef = try r.tensor("coef_", shape: [outputs, nil])
        fitted = (ClassLabels(classes: classes), coef.toDoubles(), try r.doubles("intercept_", shape: [outputs]), coef.shape[1], try r.count("n_iter_"))
    }
}

/// Scores of a linear model, (rows × outputs) row-major, and the winning output per row
/// (for one output: positive means the second class).
struct FeatureMatrixScores {
    let values: [Double]
    let rows: Int
    let outputs: Int

    var winners: [Int] {
        (0..<rows).map { i in
            if outputs == 1 { return values[i] > 0 ? 1 : 0 }
            var best = 0
            for k in 1..<outputs where values[i * outputs + k] > values[i * outputs + best] { best = k }
            return best
        }
    }
}

/// scikit-learn's `SGDRegressor`: one regression problem by `PlainSGD`.
public final class SGDRegressor: Estimator {
    public let kind = "SGDRegressor"
    let settings: SGDSettings
    let parameters: [(name: String, value: HyperValue)]
    private var fitted: (coef: [Double], intercept: Double, epochs: Int)?

    public init(_ h: Hyperparameters) throws {
        settings = try SGDParameters.settings(h, losses: SGDLoss.regression, perceptron: false)
        parameters = SGDParameters.names(.regressor).map { ($0, h.values[$0] ?? HyperValue.none) }
    }

    public var hyperparameters: [(name: String, value: HyperValue)] { parameters }
    public var isFitted: Bool { fitted != nil }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let m = try FeatureMatrix(x, model: kind)
        let targets = try RegressionTargets(y, model: kind, rows: m.rows).values
        monitor.total(settings.maxIter, "")
        let r = try PlainSGD.fit(m, targets, settings, step: monitor.step)
        fitted = (r.coef, r.intercept, r.epochs)
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        guard let f = fitted else { throw ModelError.notFitted(model: kind) }
        return try LinearPrediction.regression(x, model: kind, coef: f.coef, intercept: f.intercept)
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] {
        guard let f = fitted else { return [] }
        return [("coef_", .tensor(.vector(f.coef))), ("intercept_", .tensor(.vector([f.intercept]))), ("n_iter_", .int(f.epochs)),
                ("n_features_in_", .int(f.coef.count))]
    }

    public func savedState() -> [String: Tensor] {
        guard let f = fitted else { return [:] }
        return ["coef_": .vector(f.coef), "intercept_": .vector([f.intercept]), "n_iter_": .vector([Double(f.epochs)])]
    }

    public func restore(_ state: [String: Tensor]) throws {
        let r = SavedStateReader(model: kind, state)
        fitted = (try r.doubles("coef_", shape: [nil]), try r.number("intercept_"), try r.count("n_iter_"))
    }
}
