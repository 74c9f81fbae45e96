import Testing
import TensorKit
@testable import MNLClassic

@Suite struct BoostingTests {
    static let parameterNames = ["max_iter", "learning_rate", "max_leaf_nodes", "max_depth", "min_samples_leaf", "l2_regularization"]

    static func model(_ c: [String: Any], classifier: Bool) throws -> any Estimator {
        var params = try TreeFixtures.parameters(c["params"], parameterNames)
        if case .int(let i)? = params["learning_rate"] { params["learning_rate"] = .double(Double(i)) }
        if case .int(let i)? = params["l2_regularization"] { params["l2_regularization"] = .double(Double(i)) }
        params["early_stopping"] = .bool(false)
        let generator = RandomGenerator(seed: 3)
        return classifier ? try GradientBoostingClassifier(parameters: params, generator: generator)
                          : try GradientBoostingRegressor(parameters: params, generator: generator)
    }

    /// The bins are scikit-learn's: thresholds at midpoints of distinct values or at its
    /// "midpoint" percentiles (within 1e-15 relative: the JSON reader's rounding).
    @Test func binsFeaturesAsScikitLearn() throws {
        for c in try TreeFixtures.cases("boosting-cases") {
            let name = try #require(c["name"] as? String)
            let x = try TreeFixtures.tensor(c["x"])
            let input = try BoostingInput(x, model: "test")
            let binner = FeatureBinner(x: input.values, rows: input.rows, features: input.features, maxBins: 255,
                                       generator: RandomGenerator(seed: 0))
            let expected = try #require(c["bin_thresholds"] as? [Any])
            for (f, e) in expected.enumerated() {
                TreeFixtures.expectClose(binner.thresholds[f], try TreeFixtures.doubles(e), tolerance: 1e-15, "\(name): feature \(f) thresholds")
            }
        }
    }

    /// The training loss after every iteration follows scikit-learn's HistGradientBoosting:
    /// with the same bins, gradients in float32 and the same split rule, the trees are the same
    /// and the losses differ only by the order of float64 sums (relative 1e-9 allowed; a split
    /// decided differently by a near tie would show as a jump far above it).
    @Test func trainingLossFollowsScikitLearn() throws {
        for c in try TreeFixtures.cases("boosting-cases") + (try TreeFixtures.cases("boosting-digits")) {
            let name = try #require(c["name"] as? String)
            let isClassifier = c["proba"] is [String: Any]
            let model = try Self.model(c, classifier: isClassifier)
            try model.fit(try TreeFixtures.tensor(c["x"]), try TreeFixtures.tensor(c["y"]), monitor: .silent)
            let scores = try #require(model.fittedAttributes.first { $0.name == "train_score_" }?.value)
            guard case .tensor(let curve) = scores else { Issue.record("train_score_ is not a tensor"); continue }
            TreeFixtures.expectClose(curve.toDoubles(), try TreeFixtures.doubles(c["train_score"]), tolerance: 1e-9, "\(name): train_score_")
            let xTest = try TreeFixtures.tensor(c["x_test"])
            if let classifier = model as? GradientBoostingClassifier {
                TreeFixtures.expectClose(try classifier.predictProba(xTest).toDoubles(), try TreeFixtures.doubles(c["proba"]),
                                         tolerance: 1e-7, "\(name): predict_proba")
            } else {
                TreeFixtures.expectClose(try model.predict(xTest).toDoubles(), try TreeFixtures.doubles(c["predict"]),
                                         tolerance: 1e-7, "\(name): predict")
            }
        }
    }
}

@Suite struct BoostingBehaviourTests {
    static func data() throws -> [String: Any] { try #require(try TreeFixtures.cases("boosting-cases").first { $0["name"] as? String == "multiclass" }) }

    /// Early stopping on a validation split stops once n_iter_no_change iterations bring no
    /// improvement, and records one validation score per iteration plus the baseline's.
    @Test func stopsEarlyOnTheValidationLoss() throws {
        let c = try Self.data()
        let model = try GradientBoostingClassifier(parameters: ["early_stopping": .bool(true), "n_iter_no_change": .int(2),
                                                                "max_iter": .int(200), "learning_rate": .double(0.5), "random_state": .int(0)],
                                                   generator: RandomGenerator(seed: 0))
        try model.fit(try TreeFixtures.tensor(c["x"]), try TreeFixtures.tensor(c["y"]), monitor: .silent)
        let fitted = try #require(model.fitted)
        #expect(fitted.iterations < 200)
        #expect(fitted.validationScores.count == fitted.iterations + 1 && fitted.trainScores.count == fitted.iterations + 1)
        #expect(fitted.trees.count == 4 * fitted.iterations)
    }

    /// n_estimators is another name for max_iter.
    @Test func acceptsNEstimators() throws {
        let model = try GradientBoostingRegressor(parameters: ["n_estimators": .int(7)], generator: RandomGenerator(seed: 0))
        #expect(model.hyperparameters.first { $0.name == "max_iter" }?.value == .int(7))
    }

    /// Ctrl-C between iterations keeps the previous model; a saved model restores exactly.
    @Test func interruptKeepsPreviousFitAndSavingRestores() throws {
        let c = try Self.data()
        let (x, y) = (try TreeFixtures.tensor(c["x"]), try TreeFixtures.tensor(c["y"]))
        let model = try GradientBoostingClassifier(parameters: ["max_iter": .int(5)], generator: RandomGenerator(seed: 0))
        try model.fit(x, y, monitor: .silent)
        let before = model.trees
        let stop = FitMonitor(total: { _, _ in }, step: { done, _ in if done >= 2 { throw TensorError.interrupted } })
        #expect(throws: TensorError.interrupted) { try model.fit(x, y, monitor: stop) }
        #expect(model.trees == before)
        let back = try GradientBoostingClassifier(parameters: [:], generator: RandomGenerator(seed: 0))
        try back.restore(model.savedState())
        #expect(try back.predictProba(x).toDoubles() == model.predictProba(x).toDoubles())
        #expect(back.fittedAttributes.count == model.fittedAttributes.count)
    }
}
