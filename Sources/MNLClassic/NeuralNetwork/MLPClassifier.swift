import Foundation
import TensorKit

/// A model whose last fit may have ended with a warning (scikit-learn's ConvergenceWarning);
/// the binding prints it after `fit`.
public protocol ConvergenceReporting: Estimator {
    var convergenceWarning: String? { get }
}

/// scikit-learn's `MLPClassifier`: a fully connected network (hidden_layer_sizes, activation)
/// with a softmax output over the classes (a logistic one for two classes), trained on the
/// cross-entropy plus alpha's L2 penalty by Adam or SGD in mini-batches. Float32 data trains
/// in float32, everything else in float64, as scikit-learn does.
public final class MLPClassifier: ClassifierEstimator, RandomizedEstimator, ConvergenceReporting {
    public let kind = "MLPClassifier"
    let model: MLPModel
    private var labels: ClassLabels?

    public init(_ h: Hyperparameters, generator: RandomGenerator) throws {
        model = MLPModel(kind: kind, settings: try MLPSettings(h), generator: generator)
    }

    public var hyperparameters: [(name: String, value: HyperValue)] { model.settings.hyperparameters }
    public var randomGenerator: RandomGenerator { model.randomGenerator }
    public var isFitted: Bool { model.fitted != nil && labels != nil }
    public var classes: Tensor? { labels?.classes }
    public var convergenceWarning: String? { model.convergenceWarning }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        try fit(x, y, monitor: monitor, initialWeights: nil)
    }

    /// `fit`, optionally from given initial weights (tests start from scikit-learn's).
    func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor, initialWeights: (coefs: [[Double]], intercepts: [[Double]])?) throws {
        let (rows, _) = try MLPInput.shape(x, model: kind)
        let newLabels = try ClassLabels(y, model: kind, rows: rows)
        let outputs = newLabels.count == 2 ? 1 : newLabels.count
        var targets = [Double](repeating: 0, count: rows * outputs)
        for (i, c) in newLabels.indices.enumerated() {
            if outputs == 1 { targets[i] = Double(c) } else { targets[i * outputs + c] = 1 }
        }
        try model.fit(x, targets: targets, outputs: outputs, output: outputs == 1 ? .logistic : .softmax, monitor: monitor,
                      initialWeights: initialWeights)
        labels = newLabels
    }

    private func fittedLabels() throws -> ClassLabels {
        guard let labels, model.fitted != nil else { throw ModelError.notFitted(model: kind) }
        return labels
    }

    public func predictProba(_ x: Tensor) throws -> Tensor {
        _ = try fittedLabels()
        let out = try model.outputs(x)
        guard out.shape[1] == 1 else { return out }
        // Two classes: the network gives P(classes_[1]); scikit-learn stacks 1 - p beside it.
        let p = out.toDoubles()
        let both = try Tensor(shape: [p.count, 2], values: p.flatMap { [1 - $0, $0] }, dtype: out.dtype)
        return both
    }

    /// scikit-learn's `predict_log_proba`: the log of `predict_proba`.
    public func predictLogProba(_ x: Tensor) throws -> Tensor {
        let p = try predictProba(x)
        return try Tensor(shape: p.shape, values: p.toDoubles().map { Foundation.log($0) }, dtype: p.dtype)
    }

    public func decisionFunction(_ x: Tensor) throws -> Tensor {
        throw ModelError.unsupported(model: kind, message: "an MLP has no decision_function; use predict_proba")
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        let labels = try fittedLabels()
        return try labels.labels(try model.winners(x))
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] {
        guard let labels else { return [] }
        return [("classes_", .tensor(labels.classes))] + model.fittedAttributes
    }

    public func savedState() -> [String: Tensor] {
        guard let labels, model.fitted != nil else { return [:] }
        return model.savedState.merging(["classes_": labels.classes]) { a, _ in a }
    }

    public func restore(_ state: [String: Tensor]) throws {
        let classes = try SavedStateReader(model: kind, state).tensor("classes_", shape: [nil])
        guard classes.shape[0] >= 2 else { throw ModelError.badSavedState(model: kind, message: "the tensor 'classes_' needs at least 2 classes") }
        let outputs = classes.shape[0] == 2 ? 1 : classes.shape[0]
        try model.restore(state, outputs: outputs, output: outputs == 1 ? .logistic : .softmax)
        labels = ClassLabels(classes: classes)
    }
}
