import TensorKit

/// Gradient boosting for classification, built as scikit-learn's
/// `HistGradientBoostingClassifier` (and LightGBM): binned features, histogram trees grown
/// best-first, binary log-loss on one score or softmax with one tree per class per iteration.
/// scikit-learn's exact-split `GradientBoostingClassifier` name maps here too (its
/// `n_estimators` is accepted for `max_iter`).
public final class GradientBoostingClassifier: ClassifierEstimator, RandomizedEstimator {
    public let kind: String
    let settings: BoostingSettings
    public let randomGenerator: RandomGenerator
    private(set) var fitted: FittedBoosting?

    /// `kind` is the name the model was made by ("GradientBoostingClassifier" or
    /// "HistGradientBoostingClassifier"); both are the same model.
    public init(parameters: [String: HyperValue], generator: RandomGenerator,
                kind: String = "GradientBoostingClassifier") throws {
        self.kind = kind
        settings = try BoostingSettings(TreeParameterReader(model: kind, values: parameters), classifier: true)
        randomGenerator = generator
    }

    public var hyperparameters: [(name: String, value: HyperValue)] { settings.hyperparameters }
    public var isFitted: Bool { fitted != nil }
    public var classes: Tensor? { fitted?.classes }
    /// The trees, iteration by iteration (one per class within an iteration when multiclass).
    var trees: [BoostedTree] { fitted?.trees ?? [] }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let input = try BoostingInput(x, model: kind)
        let labels = try ClassLabels(y, model: kind, rows: input.rows)
        let loss: BoostingLoss = labels.count == 2 ? .binomial : .multinomial(classes: labels.count)
        let trainer = BoostingTrainer(settings: settings, loss: loss, model: kind)
        let generator = TreeSupport.generator(randomState: settings.randomState, session: randomGenerator)
        var result = try trainer.fit(input, labels.indices.map { Double($0) }, stratify: true, generator: generator, monitor: monitor)
        result.classes = labels.classes
        fitted = result
    }

    private func fittedModel() throws -> (FittedBoosting, Tensor) {
        guard let fitted, let classes = fitted.classes else { throw ModelError.notFitted(model: kind) }
        return (fitted, classes)
    }

    /// Raw scores: (n) log-odds of the second class for two classes, else (n, classes).
    public func decisionFunction(_ x: Tensor) throws -> Tensor {
        let (model, _) = try fittedModel()
        let input = try BoostingInput(x, model: kind, fittedFeatures: model.featureCount)
        let raw = model.raw(input), k = model.treesPerIteration, n = input.rows
        if k == 1 { return try Tensor(shape: [n], elements: raw) }
        return try Tensor(shape: [n, k], elements: (0..<n * k).map { raw[($0 % k) * n + $0 / k] })
    }

    public func predictProba(_ x: Tensor) throws -> Tensor {
        let (model, classes) = try fittedModel()
        let input = try BoostingInput(x, model: kind, fittedFeatures: model.featureCount)
        let raw = model.raw(input), n = input.rows, k = classes.count
        var probabilities = [Double](repeating: 0, count: n * k)
        if model.treesPerIteration == 1 {
            for i in 0..<n {
                let p = BoostingLoss.sigmoid(raw[i])
                probabilities[2 * i] = 1 - p; probabilities[2 * i + 1] = p
            }
        } else {
            var p = [Double](repeating: 0, count: k)
            for i in 0..<n {
                BoostingLoss.softmax(raw, row: i, rows: n, into: &p)
                for c in 0..<k { probabilities[i * k + c] = p[c] }
            }
        }
        return try Tensor(shape: [n, k], elements: probabilities)
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        let (_, classes) = try fittedModel()
        let probabilities = try predictProba(x)
        return try TreeSupport.predictedLabels(probabilities.toDoubles(), rows: probabilities.shape[0], classes: classes)
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] {
        guard let fitted, let classes = fitted.classes else { return [] }
        return [("classes_", .tensor(classes)),
                ("n_classes_", .int(classes.count))] + BoostingAttributes.common(fitted)
    }

    public func savedState() -> [String: Tensor] { fitted?.savedState() ?? [:] }

    public func restore(_ state: [String: Tensor]) throws {
        fitted = try FittedBoosting(saved: state, classifier: true, model: kind)
    }
}

/// The fitted attributes both boosting models show.
enum BoostingAttributes {
    static func common(_ fitted: FittedBoosting) -> [(name: String, value: FittedValue)] {
        func tensor(_ a: [Double]) -> FittedValue { .tensor((try? Tensor(shape: [a.count], elements: a)) ?? Tensor(scalar: 0.0)) }
        return [("n_features_in_", .int(fitted.featureCount)),
                ("n_iter_", .int(fitted.iterations)),
                ("n_trees_per_iteration_", .int(fitted.treesPerIteration)),
                ("train_score_", tensor(fitted.trainScores)),
                ("validation_score_", tensor(fitted.validationScores))]
    }
}
