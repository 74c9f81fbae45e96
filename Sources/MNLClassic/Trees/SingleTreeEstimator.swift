/// A model that is one decision tree, with scikit-learn's `get_depth()` and `get_n_leaves()`.
public protocol SingleTreeEstimator: Estimator {
    var tree: TreeStructure? { get }
}

extension DecisionTreeClassifier: SingleTreeEstimator {}
extension DecisionTreeRegressor: SingleTreeEstimator {}
