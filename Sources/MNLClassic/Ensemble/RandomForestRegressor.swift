import TensorKit

/// scikit-learn's `RandomForestRegressor`: the mean of trees grown by squared error on
/// bootstrap samples; `max_features` defaults to all features (1.0), as there.
public final class RandomForestRegressor: Estimator, RandomizedEstimator {
    public let kind = "RandomForestRegressor"
    let settings: ForestSettings
    public let randomGenerator: RandomGenerator
    private(set) var fitted: FittedForest?

    public init(parameters: [String: HyperValue], generator: RandomGenerator) throws {
        settings = try ForestSettings(TreeParameterReader(model: kind, values: parameters), classifier: false)
        randomGenerator = generator
    }

    public var hyperparameters: [(name: String, value: HyperValue)] { settings.hyperparameters }
    public var isFitted: Bool { fitted != nil }
    public var trees: [TreeStructure] { fitted?.trees ?? [] }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let columns = try TreeColumns(x, model: kind)
        let targets = try TreeSupport.targetValues(y, rows: columns.rows, model: kind)
        let data = TreeTrainingData(columns: columns, targets: targets)
        let grower = ForestGrower(data: data, growth: try settings.tree.growth(rows: columns.rows, features: columns.features, model: kind),
                                  settings: settings)
        let generator = TreeSupport.generator(randomState: settings.randomState, session: randomGenerator)
        let trees = try grower.grow(generator: generator, monitor: monitor)
        fitted = FittedForest(trees: trees, featureCount: columns.features, classes: nil)
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        guard let fitted else { throw ModelError.notFitted(model: kind) }
        let (rows, values) = try fitted.meanLeafValues(x, model: kind)
        return try Tensor(shape: [rows], elements: values)
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] {
        guard let fitted else { return [] }
        return [("n_features_in_", .int(fitted.featureCount)),
                ("n_estimators_", .int(fitted.trees.count)),
                ("feature_importances_", .tensor(fitted.featureImportances))]
    }

    public func savedState() -> [String: Tensor] { fitted?.savedState() ?? [:] }

    public func restore(_ state: [String: Tensor]) throws {
        fitted = try FittedForest(saved: state, classifier: false, model: kind)
    }
}
