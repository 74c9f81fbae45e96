import TensorKit

/// scikit-learn's `MLPRegressor` (loss="squared_error"): the network of `MLPClassifier` with
/// an identity output, trained on half the mean squared error plus alpha's L2 penalty. One
/// target per row; scored by r2.
public final class MLPRegressor: RandomizedEstimator, ConvergenceReporting {
    public let kind = "MLPRegressor"
    let model: MLPModel

    public init(_ h: Hyperparameters, generator: RandomGenerator) throws {
        _ = try h.string("loss", oneOf: ["squared_error"])
        model = MLPModel(kind: kind, settings: try MLPSettings(h), generator: generator)
    }

    public var hyperparameters: [(name: String, value: HyperValue)] { model.settings.hyperparameters + [("loss", .string("squared_error"))] }
    public var randomGenerator: RandomGenerator { model.randomGenerator }
    public var isFitted: Bool { model.fitted != nil }
    public var convergenceWarning: String? { model.convergenceWarning }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        try fit(x, y, monitor: monitor, initialWeights: nil)
    }

    /// `fit`, optionally from given initial weights (tests start from scikit-learn's).
    func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor, initialWeights: (coefs: [[Double]], intercepts: [[Double]])?) throws {
        let (rows, _) = try MLPInput.shape(x, model: kind)
        let targets = try RegressionTargets(y, model: kind, rows: rows)
        try model.fit(x, targets: targets.values, outputs: 1, output: .identity, monitor: monitor, initialWeights: initialWeights)
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        let out = try model.outputs(x)
        return try out.reshape([out.shape[0]])
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] { model.fittedAttributes }
    public func savedState() -> [String: Tensor] { model.savedState }
    public func restore(_ state: [String: Tensor]) throws { try model.restore(state, outputs: 1, output: .identity) }
}
