import TensorKit

/// scikit-learn's `DecisionTreeClassifier`: a CART tree grown greedily by the Gini or entropy
/// impurity, searching every threshold of every candidate feature (see `NodeSplitter`).
public final class DecisionTreeClassifier: ClassifierEstimator, RandomizedEstimator {
    public let kind = "DecisionTreeClassifier"
    let settings: TreeSettings
    let randomState: Int?
    public let randomGenerator: RandomGenerator
    private(set) var fitted: FittedTree?

    /// `parameters` by scikit-learn's names; missing ones take its defaults. `generator` is
    /// used when `random_state` is none (only `max_features` below all features draws).
    public init(parameters: [String: HyperValue], generator: RandomGenerator) throws {
        let reader = TreeParameterReader(model: kind, values: parameters)
        settings = try TreeSettings(reader, classifier: true, defaultMaxFeatures: .none)
        randomState = try reader.randomState()
        randomGenerator = generator
    }

    public var hyperparameters: [(name: String, value: HyperValue)] {
        settings.hyperparameters + [("random_state", TreeSupport.hyperValue(randomState: randomState))]
    }

    public var isFitted: Bool { fitted != nil }
    public var classes: Tensor? { fitted?.classes }
    /// The fitted tree (`tree_`), for `get_depth()`, `get_n_leaves()` and its arrays.
    public var tree: TreeStructure? { fitted?.tree }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let columns = try TreeColumns(x, model: kind)
        let labels = try ClassLabels(y, model: kind, rows: columns.rows, minimumClasses: 1)
        monitor.total(1, "tree")
        let data = TreeTrainingData(columns: columns, criterion: settings.criterion,
                                    classIndex: labels.indices.map { Int32($0) }, classCount: labels.count)
        let builder = TreeBuilder(data: data, growth: try settings.growth(rows: columns.rows, features: columns.features, model: kind),
                                  cancellation: Cancellation.current)
        let generator = TreeSupport.generator(randomState: randomState, session: randomGenerator)
        let tree = try builder.build(weights: [Double](repeating: 1, count: columns.rows), generator: generator)
        try monitor.step(1, nil)
        fitted = FittedTree(tree: tree, featureCount: columns.features, classes: labels.classes)
    }

    private func fittedTree() throws -> FittedTree {
        guard let fitted else { throw ModelError.notFitted(model: kind) }
        return fitted
    }

    public func predictProba(_ x: Tensor) throws -> Tensor {
        let fitted = try fittedTree()
        let (rows, values) = try fitted.leafValues(x, model: kind)
        return try Tensor(shape: [rows, fitted.tree.outputs], elements: values)
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        let fitted = try fittedTree()
        let (rows, values) = try fitted.leafValues(x, model: kind)
        guard let classes = fitted.classes else { throw ModelError.notFitted(model: kind) }
        return try TreeSupport.predictedLabels(values, rows: rows, classes: classes)
    }

    public func decisionFunction(_ x: Tensor) throws -> Tensor {
        throw ModelError.unsupported(model: kind, message: "a decision tree has no decision_function; use predict_proba")
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] {
        guard let fitted, let classes = fitted.classes else { return [] }
        return [("classes_", .tensor(classes)),
                ("n_classes_", .int(classes.count)),
                ("n_features_in_", .int(fitted.featureCount)),
                ("max_features_", .int((try? settings.maxFeatures.resolve(features: fitted.featureCount, model: kind)) ?? fitted.featureCount)),
                ("feature_importances_", .tensor(fitted.featureImportances))]
    }

    public func savedState() -> [String: Tensor] { fitted?.savedState() ?? [:] }

    public func restore(_ state: [String: Tensor]) throws {
        fitted = try FittedTree(saved: state, classifier: true, model: kind)
    }
}
