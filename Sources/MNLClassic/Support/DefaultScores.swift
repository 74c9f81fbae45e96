import TensorKit

// scikit-learn's `score` mixins: `RegressorMixin` scores by r2, `ClassifierMixin` by
// accuracy. A model conforming to ClassifierEstimator gets accuracy (the more specific
// default), every other model r2, unless it implements `score` itself.

extension Estimator {
    public func score(_ x: Tensor, _ y: Tensor?) throws -> Double {
        guard let y else { throw ModelError.badLabels(model: kind, message: "score needs targets y: call score(x, y)") }
        return try Metrics.r2Score(y, try predict(x))
    }
}

extension ClassifierEstimator {
    public func score(_ x: Tensor, _ y: Tensor?) throws -> Double {
        guard let y else { throw ModelError.badLabels(model: kind, message: "score needs labels y: call score(x, y)") }
        return try Metrics.accuracyScore(y, try predict(x))
    }
}
