import Foundation
import TensorKit

/// scikit-learn's `LogisticRegression`: the L2-penalised (or unpenalised) logistic loss,
/// minimised by L-BFGS (the default), Newton-CG or stochastic gradient descent. Several
/// classes are one softmax problem (multi_class="multinomial", scikit-learn's default) or
/// one binary problem per class (multi_class="ovr"); two classes are always one binary
/// problem, coef_ of shape (1, features).
public final class LogisticRegression: ClassifierEstimator {
    public let kind = "LogisticRegression"
    public let penalty: String
    public let tol: Double
    public let c: Double
    public let fitIntercept: Bool
    public let solver: String
    public let maxIter: Int
    public let multiClass: String
    private var fitted: Fitted?

    struct Fitted {
        var labels: ClassLabels
        /// (outputs × features) row-major; outputs is 1 for two classes.
        var coef: [Double]
        var intercept: [Double]
        var iterations: [Int]
        var features: Int
        var ovr: Bool
    }

    public init(_ h: Hyperparameters) throws {
        penalty = try h.string("penalty", oneOf: ["l2", "none"])
        tol = try h.double("tol", expected: "a positive number") { $0 > 0 }
        c = try h.double("C", expected: "a positive number") { $0 > 0 }
        fitIntercept = try h.bool("fit_intercept")
        solver = try h.string("solver", oneOf: ["lbfgs", "newton", "sgd"])
        maxIter = try h.int("max_iter", expected: "a positive integer") { $0 >= 1 }
        multiClass = try h.string("multi_class", oneOf: ["multinomial", "ovr"])
    }

    public var hyperparameters: [(name: String, value: HyperValue)] {
        [("penalty", .string(penalty)), ("tol", .double(tol)), ("C", .double(c)), ("fit_intercept", .bool(fitIntercept)),
         ("solver", .string(solver)), ("max_iter", .int(maxIter)), ("multi_class", .string(multiClass))]
    }
    public var isFitted: Bool { fitted != nil }
    public var classes: Tensor? { fitted?.labels.classes }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let xt = try FeatureMatrix.float64Tensor(x, model: kind)
        let (rows, columns) = (xt.shape[0], xt.shape[1])
        let labels = try ClassLabels(y, model: kind, rows: rows)
        let l2 = penalty == "none" ? 0 : 1 / (c * Double(rows))
        let ovr = multiClass == "ovr" && labels.count > 2
        let problems = ovr ? labels.count : 1
        monitor.total(problems * maxIter, "")
        var coef: [Double] = [], intercept: [Double] = [], iterations: [Int] = []
        for k in 0..<problems {
            let binary = labels.count == 2 || ovr
            let targets = ovr ? labels.indices.map { $0 == k ? 1 : 0 } : labels.indices
            let loss = LogisticLoss(x: xt, rows: rows, features: columns, targets: targets, outputs: binary ? 1 : labels.count,
                                    binary: binary, fitIntercept: fitIntercept, l2: l2)
            let done = k * maxIter
            let (w, n) = try LogisticSolvers.solve(loss, solver: solver, maxIter: maxIter, tol: tol) { i, value in try monitor.step(done + i, value) }
            let parts = loss.split(w)
            coef += parts.coef
            intercept += parts.intercept
            iterations.append(n)
        }
        fitted = Fitted(labels: labels, coef: coef, intercept: intercept, iterations: ovr ? iterations : [iterations[0]], features: columns, ovr: ovr)
    }

    private func state() throws -> Fitted {
        guard let fitted else { throw ModelError.notFitted(model: kind) }
        return fitted
    }

    /// The raw scores (rows × outputs).
    private func rawScores(_ x: Tensor) throws -> (Fitted, [Double], rows: Int) {
        let f = try state()
        let m = try InputMatrix(x, model: kind, features: f.features)
        return (f, try LinearPrediction.scores(m, coef: f.coef, intercept: f.intercept), m.rows)
    }

    public func decisionFunction(_ x: Tensor) throws -> Tensor {
        let (f, z, rows) = try rawScores(x)
        let outputs = f.intercept.count
        return outputs == 1 ? .vector(z) : .matrix(z, rows: rows, columns: outputs)
    }

    public func predictProba(_ x: Tensor) throws -> Tensor {
        let (f, z, rows) = try rawScores(x)
        let outputs = f.intercept.count
        if outputs == 1 {
            return .matrix(z.flatMap { t -> [Double] in let p = LogisticLoss.sigmoid(t); return [1 - p, p] }, rows: rows, columns: 2)
        }
        var p = z
        for i in 0..<rows {
            let row = i * outputs ..< (i + 1) * outputs
            if f.ovr {
                // scikit-learn's one-vs-rest: each class's sigmoid, rows normalised to sum 1.
                for j in row { p[j] = LogisticLoss.sigmoid(z[j]) }
            } else {
                let top = z[row].max() ?? 0
                for j in row { p[j] = exp(z[j] - top) }
            }
            let sum = p[row].reduce(0, +)
            for j in row { p[j] /= sum }
        }
        return .matrix(p, rows: rows, columns: outputs)
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        let (f, z, rows) = try rawScores(x)
        let outputs = f.intercept.count
        let winners = (0..<rows).map { i -> Int in
            if outputs == 1 { return z[i] > 0 ? 1 : 0 }
            var best = 0
            for k in 1..<outputs where z[i * outputs + k] > z[i * outputs + best] { best = k }
            return best
        }
        return try f.labels.labels(winners)
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] {
        guard let f = fitted else { return [] }
        let outputs = f.intercept.count
        return [("classes_", .tensor(f.labels.classes)), ("coef_", .tensor(.matrix(f.coef, rows: outputs, columns: f.features))),
                ("intercept_", .tensor(.vector(f.intercept))), ("n_iter_", .tensor(Self.counts(f.iterations))),
                ("n_features_in_", .int(f.features))]
    }

    static func counts(_ v: [Int]) -> Tensor { (try? Tensor(shape: [v.count], elements: v.map { Int64($0) })) ?? Tensor(scalar: Int64(0)) }

    public func savedState() -> [String: Tensor] {
        guard let f = fitted else { return [:] }
        let outputs = f.intercept.count
        return ["classes_": f.labels.classes, "coef_": .matrix(f.coef, rows: outputs, columns: f.features),
                "intercept_": .vector(f.intercept), "n_iter_": Self.counts(f.iterations)]
    }

    public func restore(_ state: [String: Tensor]) throws {
        let r = SavedStateReader(model: kind, state)
        let classes = try r.tensor("classes_", shape: [nil])
        guard classes.shape[0] >= 2 else { throw ModelError.badSavedState(model: kind, message: "the tensor 'classes_' needs at least 2 classes") }
        let outputs = classes.shape[0] == 2 ? 1 : classes.shape[0]
        let coef = try r.tensor("coef_", shape: [outputs, nil])
        let iterations = try r.counts("n_iter_", shape: [nil])
        fitted = Fitted(labels: ClassLabels(classes: classes), coef: coef.toDoubles(), intercept: try r.doubles("intercept_", shape: [outputs]),
                        iterations: iterations, features: coef.shape[1], ovr: multiClass == "ovr" && outputs > 2)
    }
}
