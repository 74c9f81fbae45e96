import TensorKit

/// scikit-learn's `RandomForestClassifier`: trees on bootstrap samples, each split searching a
/// random `max_features` of the features ("sqrt" by default); probabilities are the mean of the
/// trees' leaf class fractions. Trees are built on every core (`ForestGrower`).
public final class RandomForestClassifier: ClassifierEstimator, RandomizedEstimator {
    public let kind = "RandomForestClassifier"
    let settings: ForestSettings
    public let randomGenerator: RandomGenerator
    private(set) var fitted: FittedForest?

    public init(parameters: [String: HyperValue], generator: RandomGenerator) throws {
        settings = try ForestSettings(TreeParameterReader(model: kind, values: parameters), classifier: true)
        randomGenerator = generator
    }

    public var hyperparameters: [(name: String, value: HyperValue)] { settings.hyperparameters }
    public var isFitted: Bool { fitted != nil }
    public var classes: Tensor? { fitted?.classes }
    /// The fitted trees (`estimators_[i].tree_`).
    public var trees: [TreeStructure] { fitted?.trees ?? [] }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let columns = try TreeColumns(x, model: kind)
        let labels = try ClassLabels(y, model: kind, rows: columns.rows, minimumClasses: 1)
        let data = TreeTrainingData(columns: columns, criterion: settings.tree.criterion,
                                    classIndex: labels.indices.map { Int32($0) }, classCount: labels.count)
        let grower = ForestGrower(data: data, growth: try settings.tree.growth(rows: columns.rows, features: columns.features, model: kind),
                                  settings: settings)
        let generator = TreeSupport.generator(randomState: settings.randomState, session: randomGenerator)
        let trees = try grower.grow(generator: generator, monitor: monitor)
        fitted = FittedForest(trees: trees, featureCount: columns.features, classes: labels.classes)
    }

    private func fittedForest() throws -> FittedForest {
        guard let fitted else { throw ModelError.notFitted(model: kind) }
        return fitted
    }

    public func predictProba(_ x: Tensor) throws -> Tensor {
        let forest = try fittedForest()
        let (rows, values) = try forest.meanLeafValues(x, model: kind)
        return try Tensor(shape: [rows, forest.classes?.count ?? 1], elements: values)
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        let forest = try fittedForest()
        let (rows, values) = try forest.meanLeafValues(x, model: kind)
        guard let classes = forest.classes else { throw ModelError.notFitted(model: kind) }
        return try TreeSupport.predictedLabels(values, rows: rows, classes: classes)
    }

    public func decisionFunction(_ x: Tensor) throws -> Tensor {
        throw ModelError.unsupported(model: kind, message: "a random forest has no decision_function; use predict_proba")
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] {
        guard let fitted, let classes = fitted.classes else { return [] }
        return [("classes_", .tensor(classes)),
                ("n_classes_", .int(classes.count)),
                ("n_features_in_", .int(fitted.featureCount)),
                ("n_estimators_", .int(fitted.trees.count)),
                ("feature_importances_", .tensor(fitted.featureImportances))]
    }

    public func savedState() -> [String: Tensor] { fitted?.savedState() ?? [:] }

    public func restore(_ state: [String: Tensor]) throws {
        fitted = try FittedForest(saved: state, classifier: true, model: kind)
    }
}
