import Foundation
import Testing
import TensorKit
@testable import MNLClassic

/// Pipeline against scikit-learn (scripts/make-classic-fixtures-pipe.py), and its own rules:
/// steps fitted as copies and swapped in only at the end, shared with whoever holds them.
@Suite struct PipePipelineTests {
    static func hyper(_ model: String, _ values: [String: HyperValue]) -> Hyperparameters { Hyperparameters(model: model, values) }

    static func scaler() throws -> StandardScaler { try StandardScaler(hyper("StandardScaler", ["with_mean": .bool(true), "with_std": .bool(true)])) }
    static func pca(_ n: Int) throws -> PCA { try PCA(hyper("PCA", ["n_components": .int(n), "whiten": .bool(false)])) }
    static func logistic() throws -> LogisticRegression {
        try LogisticRegression(hyper("LogisticRegression", ["penalty": .string("l2"), "tol": .double(1e-4), "C": .double(1), "fit_intercept": .bool(true),
                                                            "solver": .string("lbfgs"), "max_iter": .int(100), "multi_class": .string("multinomial")]))
    }
    static func svc(c: Double, gamma: Double? = nil) throws -> SVC {
        var h = SVCHyperparameters()
        h.c = c
        if let gamma { h.gamma = .double(gamma) }
        return try SVC(h)
    }

    /// What the binding does with the models' declarations: a new estimator of the same kind
    /// from the same hyperparameters.
    static func clone(_ i: Int, _ e: any Estimator) throws -> any Estimator {
        let h = hyper(e.kind, Dictionary(e.hyperparameters.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }))
        switch e.kind {
        case "StandardScaler": return try StandardScaler(h)
        case "PCA": return try PCA(h)
        case "LogisticRegression": return try LogisticRegression(h)
        case "SVC": return try SVC(h)
        default: throw ModelError.unsupported(model: e.kind, message: "no clone in this test")
        }
    }

    static func pipeline(_ steps: [(String, any Estimator)]) throws -> Pipeline {
        try Pipeline(steps: steps.map { (name: $0.0, model: SharedEstimator($0.1)) }, clone: clone)
    }

    /// StandardScaler and PCA are exact computations (to rounding; PCA's signs as
    /// svd_flip), so the transformed data agree to 1e-9; LogisticRegression at its default
    /// tol 1e-4 then gives the same predictions and probabilities within 1e-3
    /// (LogisticRegressionTests explains the bound).
    @Test func scalerPCALogisticMatchesScikitLearn() throws {
        let c = try #require(try SVMFixture.cases("pipe-pipeline").first)
        let p = try Self.pipeline([("standardscaler", try Self.scaler()), ("pca", try Self.pca(20)), ("logisticregression", try Self.logistic())])
        try p.fit(try SVMFixture.tensor(c["x"]), try SVMFixture.tensor(c["y"]), monitor: .silent)
        let xt = try SVMFixture.tensor(c["x_test"])
        let transformed = try p.transformedForFinal(xt).toDoubles()
        #expect(SVMFixture.maxDifference(transformed, try SVMFixture.doubles(c["transform"])) < 1e-9)
        #expect(try p.predict(xt).toDoubles() == (try SVMFixture.doubles(c["predict"])))
        #expect(SVMFixture.maxDifference(try p.predictProba(xt).toDoubles(), try SVMFixture.doubles(c["proba"])) < 1e-3)
        let score = try p.score(xt, try SVMFixture.tensor(c["y_test"]))
        #expect(score == (try #require(c["score"] as? Double)))
    }

    /// SVC follows libsvm's iterates, the scaler is exact and the folds are scikit-learn's
    /// StratifiedKFold, so cross-validation and the grid search's mean scores are identical.
    @Test func gridSearchAndCrossValidationOfAPipelineMatchScikitLearn() throws {
        let c = try #require(try SVMFixture.cases("pipe-pipeline").last)
        let (x, y) = (try SVMFixture.tensor(c["x"]), try SVMFixture.tensor(c["y"]))
        let scores = try CrossValidation.scores(make: { try Self.pipeline([("standardscaler", try Self.scaler()), ("svc", try Self.svc(c: 10))]) },
                                                x: x, y: y, cv: 5, scoring: nil, monitor: .silent)
        #expect(SVMFixture.maxDifference(scores, try SVMFixture.doubles(c["cross_val"])) < 1e-12)
        let candidates = GridSearch.candidates([("svc__C", [.double(0.1), .double(1), .double(10)]), ("svc__gamma", [.double(0.01), .double(0.1)])])
        let result = try GridSearch.run(candidates: candidates, make: { candidate in
            let value = { (name: String) in candidate.first { $0.name == name }?.value.number ?? 0 }
            return try Self.pipeline([("standardscaler", try Self.scaler()), ("svc", try Self.svc(c: value("svc__C"), gamma: value("svc__gamma")))])
        }, x: x, y: y, cv: 3, scoring: nil, monitor: .silent)
        #expect(SVMFixture.maxDifference(result.meanScores, try SVMFixture.doubles(c["grid_mean"])) < 1e-12)
        let best = result.candidates[result.best]
        #expect(best.first { $0.name == "svc__C" }?.value.number == c["best_C"] as? Double)
        #expect(best.first { $0.name == "svc__gamma" }?.value.number == c["best_gamma"] as? Double)
    }

    /// The user's step objects see the fit: the same SharedEstimator holds the fitted copy.
    @Test func fittingThePipelineFitsTheSharedSteps() throws {
        let scaler = SharedEstimator(try Self.scaler()), svc = SharedEstimator(try Self.svc(c: 1))
        let p = try Pipeline(steps: [("scale", scaler), ("svc", svc)], clone: Self.clone)
        let x = try Tensor(shape: [4, 1], values: [0, 1, 9, 10], dtype: .float64), y = try Tensor(shape: [4], values: [0, 0, 1, 1], dtype: .float64)
        try p.fit(x, y, monitor: .silent)
        #expect(scaler.estimator.isFitted && svc.estimator.isFitted)
        #expect(p.hyperparameters.map(\.name).prefix(3) == ["scale__with_mean", "scale__with_std", "svc__C"])
        #expect(Pipeline.isClassifier(p))
        #expect(!Pipeline.isClassifier(try Self.pipeline([("scale", try Self.scaler())])))
    }

    /// A stop in the last step leaves every step as it was: the scaler keeps its first fit
    /// (mean 0.5), though its copy had been fitted on the new data before the stop.
    @Test func aStoppedFitLeavesEveryStepAsItWas() throws {
        let scaler = SharedEstimator(try Self.scaler()), svc = SharedEstimator(try Self.svc(c: 1))
        let p = try Pipeline(steps: [("scale", scaler), ("svc", svc)], clone: Self.clone)
        let y = try Tensor(shape: [4], values: [0, 0, 1, 1], dtype: .float64)
        try p.fit(try Tensor(shape: [4, 1], values: [0, 0, 1, 1], dtype: .float64), y, monitor: .silent)
        let (firstScaler, firstSVC) = (scaler.estimator, svc.estimator)
        let stopping = FitMonitor(total: { _, _ in }, step: { _, _ in throw TensorError.interrupted })
        #expect(throws: TensorError.interrupted) {
            try p.fit(try Tensor(shape: [4, 1], values: [10, 11, 30, 31], dtype: .float64), y, monitor: stopping)
        }
        #expect(scaler.estimator === firstScaler && svc.estimator === firstSVC)
        guard case .tensor(let mean)? = scaler.estimator.fittedAttributes.first(where: { $0.name == "mean_" })?.value else {
            Issue.record("no mean_")
            return
        }
        #expect(mean.toDoubles() == [0.5])
    }

    /// A nested pipeline is fitted in place like its parent: its step objects see the fit,
    /// and a stop later in the parent leaves them as they were.
    @Test func aNestedPipelinesStepsAreTheGivenOnes() throws {
        let scaler = SharedEstimator(try Self.scaler())
        let inner = try Pipeline(steps: [("scale", scaler), ("pca", SharedEstimator(try Self.pca(1)))], clone: Self.clone)
        let outer = try Pipeline(steps: [("inner", SharedEstimator(inner)), ("svc", SharedEstimator(try Self.svc(c: 1)))], clone: Self.clone)
        let y = try Tensor(shape: [4], values: [0, 0, 1, 1], dtype: .float64)
        try outer.fit(try Tensor(shape: [4, 2], values: [0, 1, 1, 0, 5, 6, 6, 5], dtype: .float64), y, monitor: .silent)
        let first = scaler.estimator
        #expect(first.isFitted && outer.steps[0].model.estimator === inner)
        let stopping = FitMonitor(total: { _, _ in }, step: { _, _ in throw TensorError.interrupted })
        #expect(throws: TensorError.interrupted) {
            try outer.fit(try Tensor(shape: [4, 2], values: [9, 1, 1, 9, 5, 6, 6, 5], dtype: .float64), y, monitor: stopping)
        }
        #expect(scaler.estimator === first)
    }

    @Test func badStepListsAreRefused() throws {
        func message(_ steps: [(String, any Estimator)]) -> String {
            do { _ = try Self.pipeline(steps); return "" } catch let e as ModelError { return e.message } catch { return "\(error)" }
        }
        #expect(message([]) == "Pipeline: steps must hold at least one (name, model) pair")
        #expect(message([("svc", try Self.svc(c: 1)), ("lr", try Self.logistic())])
            == "Pipeline: step \"svc\" (SVC) is not a transformer: every step but the last must have transform")
        #expect(message([("a", try Self.scaler()), ("a", try Self.svc(c: 1))]) == "Pipeline: step names must be unique, \"a\" is repeated")
        #expect(message([("a__b", try Self.svc(c: 1))]) == "Pipeline: step name \"a__b\" must be non-empty and must not contain \"__\"")
        let p = try Self.pipeline([("scale", try Self.scaler()), ("svc", try Self.svc(c: 1))])
        #expect(throws: ModelError.notFitted(model: "Pipeline")) { try p.predict(try Tensor(shape: [1, 1], values: [0], dtype: .float64)) }
        #expect(throws: ModelError.unsupported(model: "Pipeline", message: "its last step \"svc\" (SVC) has no transform")) {
            try p.transform(try Tensor(shape: [1, 1], values: [0], dtype: .float64))
        }
    }
}
