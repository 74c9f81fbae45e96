import TensorKit

/// A model that draws random numbers (bootstrap samples, feature subsets, validation splits).
/// With `random_state` nil it draws from `randomGenerator`, the session's generator handed to
/// it when it was made, so that `seed(n)` reproduces a fit; a copy made for cross-validation
/// shares it.
public protocol RandomizedEstimator: Estimator {
    var randomGenerator: RandomGenerator { get }
}
