import TensorKit

/// scikit-learn's `Pipeline`: transformers chained in front of a final estimator. `fit` fits
/// each transformer on the previous one's output and the last step on the final output;
/// `predict`, `predict_proba`, `decision_function`, `score` and `transform` pass x through the
/// fitted transformers first. A pipeline is an `Estimator` itself, so cross-validation and
/// grid search take it like any model: its hyperparameters are its steps' as `step__param`.
///
/// It is a composition of estimators and knows nothing of the language: how to copy a step
/// (`cloneStep`) comes from the binding, which holds the models' declarations.
public final class Pipeline: ClassifierEstimator, TransformerEstimator {
    public typealias Step = (name: String, model: SharedEstimator)
    public let kind = "Pipeline"
    public let steps: [Step]
    /// A fresh unfitted copy of step i's estimator with the same hyperparameters.
    let cloneStep: (Int, any Estimator) throws -> any Estimator

    /// Checks the steps as scikit-learn's `_validate_steps`: at least one, names distinct and
    /// free of "__" (which separates a step from its parameter), every step but the last
    /// a transformer.
    public init(steps: [Step], clone: @escaping (Int, any Estimator) throws -> any Estimator) throws {
        func bad(_ message: String) -> ModelError { .badData(model: "Pipeline", message: message) }
        guard !steps.isEmpty else { throw bad("steps must hold at least one (name, model) pair") }
        for (i, step) in steps.enumerated() {
            guard !step.name.isEmpty, !step.name.contains("__") else {
                throw bad("step name \"\(step.name)\" must be non-empty and must not contain \"__\"")
            }
            guard !steps[..<i].contains(where: { $0.name == step.name }) else { throw bad("step names must be unique, \"\(step.name)\" is repeated") }
            guard !steps[..<i].contains(where: { $0.model === step.model }) else { throw bad("step \"\(step.name)\" is the same model as an earlier step") }
            if i < steps.count - 1, !Pipeline.isTransformer(step.model.estimator) {
                throw bad("step \"\(step.name)\" (\(step.model.estimator.kind)) is not a transformer: every step but the last must have transform")
            }
        }
        self.steps = steps
        cloneStep = clone
    }

    public var finalStep: Step { steps[steps.count - 1] }
    var final: any Estimator { finalStep.model.estimator }

    /// Whether cross-validation stratifies: a pipeline is a classifier when its last step is
    /// (scikit-learn's `is_classifier` reads the last step's type the same way).
    public static func isClassifier(_ e: any Estimator) -> Bool {
        if let p = e as? Pipeline { return isClassifier(p.final) }
        return e is any ClassifierEstimator
    }

    /// A pipeline transforms when its last step does.
    public static func isTransformer(_ e: any Estimator) -> Bool {
        if let p = e as? Pipeline { return isTransformer(p.final) }
        return e is any TransformerEstimator
    }

    public var hyperparameters: [(name: String, value: HyperValue)] {
        steps.flatMap { step in step.model.estimator.hyperparameters.map { ("\(step.name)__\($0.name)", $0.value) } }
    }

    public var isFitted: Bool { steps.allSatisfy { $0.model.estimator.isFitted } }

    /// Fits copies of the steps in turn (each transformer's output feeding the next) and
    /// puts them in place only when all have succeeded.
    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        try stagedFit(x, y, monitor: monitor, transformingLast: false).commit()
    }

    /// The fit without its last act: copies of the steps fitted (the output of the last one
    /// too when `transformingLast`), and `commit`, which puts them in place. A nested
    /// pipeline is staged the same way rather than copied, so that its steps, too, are the
    /// models the user gave it.
    func stagedFit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor, transformingLast: Bool) throws -> (output: Tensor, commit: () -> Void) {
        var data = x
        var commits: [() -> Void] = []
        for (i, step) in steps.enumerated() {
            try Cancellation.check()
            let transforming = i < steps.count - 1 || transformingLast
            if let inner = step.model.estimator as? Pipeline {
                let staged = try inner.stagedFit(data, y, monitor: monitor, transformingLast: transforming)
                (data, commits) = (staged.output, commits + [staged.commit])
                continue
            }
            let fresh = try cloneStep(i, step.model.estimator)
            try fresh.fit(data, y, monitor: monitor)
            if transforming, let t = fresh as? any TransformerEstimator { data = try t.transform(data) }
            commits.append { step.model.estimator = fresh }
        }
        return (data, { for commit in commits { commit() } })
    }

    /// x through every transformer but the last step.
    func transformedForFinal(_ x: Tensor) throws -> Tensor {
        guard isFitted else { throw ModelError.notFitted(model: kind) }
        var data = x
        for step in steps.dropLast() {
            guard let t = step.model.estimator as? any TransformerEstimator else { continue }
            data = try t.transform(data)
        }
        return data
    }

    /// The error for a method the last step lacks; the binding checks it before fit_transform
    /// fits anything.
    public func unsupported(_ method: String) -> ModelError {
        .unsupported(model: kind, message: "its last step \"\(finalStep.name)\" (\(final.kind)) has no \(method)")
    }

    public func predict(_ x: Tensor) throws -> Tensor { try final.predict(try transformedForFinal(x)) }

    public var classes: Tensor? { (final as? any ClassifierEstimator)?.classes }

    public func predictProba(_ x: Tensor) throws -> Tensor {
        guard let c = final as? any ClassifierEstimator else { throw unsupported("predict_proba") }
        return try c.predictProba(try transformedForFinal(x))
    }

    public func decisionFunction(_ x: Tensor) throws -> Tensor {
        guard let c = final as? any ClassifierEstimator else { throw unsupported("decision_function") }
        return try c.decisionFunction(try transformedForFinal(x))
    }

    public func transform(_ x: Tensor) throws -> Tensor {
        guard let t = final as? any TransformerEstimator else { throw unsupported("transform") }
        return try t.transform(try transformedForFinal(x))
    }

    /// Back through every step, last first; all must be transformers that can be undone.
    public func inverseTransform(_ x: Tensor) throws -> Tensor {
        guard isFitted else { throw ModelError.notFitted(model: kind) }
        guard let t = final as? any TransformerEstimator else { throw unsupported("inverse_transform") }
        var data = try t.inverseTransform(x)
        for step in steps.dropLast().reversed() {
            if let t = step.model.estimator as? any TransformerEstimator { data = try t.inverseTransform(data) }
        }
        return data
    }

    /// The last step's own score on the transformed x (scikit-learn's `Pipeline.score`).
    public func score(_ x: Tensor, _ y: Tensor?) throws -> Double { try final.score(try transformedForFinal(x), y) }

    public var fittedAttributes: [(name: String, value: FittedValue)] {
        guard isFitted, let classes else { return [] }
        return [("classes_", .tensor(classes))]
    }

    /// Every step's saved tensors under "step.", so one file holds the whole pipeline.
    public func savedState() -> [String: Tensor] {
        var out: [String: Tensor] = [:]
        for step in steps { for (name, t) in step.model.estimator.savedState() { out["\(step.name).\(name)"] = t } }
        return out
    }

    /// Restores each step from its "step." tensors; steps are built but unfitted here (a
    /// loaded file), so a failure leaves nothing half-used.
    public func restore(_ state: [String: Tensor]) throws {
        for step in steps {
            let prefix = step.name + "."
            var own: [String: Tensor] = [:]
            for (name, t) in state where name.hasPrefix(prefix) { own[String(name.dropFirst(prefix.count))] = t }
            try step.model.estimator.restore(own)
        }
    }
}
