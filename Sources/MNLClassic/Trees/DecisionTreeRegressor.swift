import TensorKit

/// scikit-learn's `DecisionTreeRegressor`: a CART tree grown by squared error; each leaf
/// predicts the mean of its training targets.
public final class DecisionTreeRegressor: Estimator, RandomizedEstimator {
    public let kind = "DecisionTreeRegressor"
    let settings: TreeSettings
    let randomState: Int?
    public let randomGenerator: RandomGenerator
    private(set) var fitted: FittedTree?

    public init(parameters: [String: HyperValue], generator: RandomGenerator) throws {
        let reader = TreeParameterReader(model: kind, values: parameters)
        settings = try TreeSettings(reader, classifier: false, defaultMaxFeatures: .none)
        randomState = try reader.randomState()
        randomGenerator = generator
    }

    public var hyperparameters: [(name: String, value: HyperValue)] {
        settings.hyperparameters + [("random_state", TreeSupport.hyperValue(randomState: randomState))]
    }

    public var isFitted: Bool { fitted != nil }
    public var tree: TreeStructure? { fitted?.tree }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let columns = try TreeColumns(x, model: kind)
        let targets = try TreeSupport.targetValues(y, rows: columns.rows, model: kind)
        monitor.total(1, "tree")
        let data = TreeTrainingData(columns: columns, targets: targets)
        let builder = TreeBuilder(data: data, growth: try settings.growth(rows: columns.rows, features: columns.features, model: kind),
                                  cancellation: Cancellation.current)
        let generator = TreeSupport.generator(randomState: randomState, session: randomGenerator)
        let tree = try builder.build(weights: [Double](repeating: 1, count: columns.rows), generator: generator)
        try monitor.step(1, nil)
        fitted = FittedTree(tree: tree, featureCount: columns.features, classes: nil)
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        guard let fitted else { throw ModelError.notFitted(model: kind) }
        let (rows, values) = try fitted.leafValues(x, model: kind)
        return try Tensor(shape: [rows], elements: values)
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] {
        guard let fitted else { return [] }
        return [("n_features_in_", .int(fitted.featureCount)),
                ("max_features_", .int((try? settings.maxFeatures.resolve(features: fitted.featureCount, model: kind)) ?? fitted.featureCount)),
                ("feature_importances_", .tensor(fitted.featureImportances))]
    }

    public func savedState() -> [String: Tensor] { fitted?.savedState() ?? [:] }

    public func restore(_ state: [String: Tensor]) throws {
        fitted = try FittedTree(saved: state, classifier: false, model: kind)
    }
}
