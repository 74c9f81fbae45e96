import TensorKit

/// Gradient boosting for regression with squared error, built as scikit-learn's
/// `HistGradientBoostingRegressor`; the `GradientBoostingRegressor` name maps here too.
public final class GradientBoostingRegressor: Estimator, RandomizedEstimator {
    public let kind: String
    let settings: BoostingSettings
    public let randomGenerator: RandomGenerator
    private(set) var fitted: FittedBoosting?

    public init(parameters: [String: HyperValue], generator: RandomGenerator,
                kind: String = "GradientBoostingRegressor") throws {
        self.kind = kind
        settings = try BoostingSettings(TreeParameterReader(model: kind, values: parameters), classifier: false)
        randomGenerator = generator
    }

    public var hyperparameters: [(name: String, value: HyperValue)] { settings.hyperparameters }
    public var isFitted: Bool { fitted != nil }
    var trees: [BoostedTree] { fitted?.trees ?? [] }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let input = try BoostingInput(x, model: kind)
        let targets = try TreeSupport.targetValues(y, rows: input.rows, model: kind)
        let trainer = BoostingTrainer(settings: settings, loss: .squaredError, model: kind)
        let generator = TreeSupport.generator(randomState: settings.randomState, session: randomGenerator)
        fitted = try trainer.fit(input, targets, stratify: false, generator: generator, monitor: monitor)
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        guard let fitted else { throw ModelError.notFitted(model: kind) }
        let input = try BoostingInput(x, model: kind, fittedFeatures: fitted.featureCount)
        return try Tensor(shape: [input.rows], elements: fitted.raw(input))
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] {
        guard let fitted else { return [] }
        return BoostingAttributes.common(fitted)
    }

    public func savedState() -> [String: Tensor] { fitted?.savedState() ?? [:] }

    public func restore(_ state: [String: Tensor]) throws {
        fitted = try FittedBoosting(saved: state, classifier: false, model: kind)
    }
}
