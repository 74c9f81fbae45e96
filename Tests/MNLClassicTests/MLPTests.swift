import Foundation
import Testing
import TensorKit
@testable import MNLClassic

/// MLPClassifier and MLPRegressor against scikit-learn (scripts/make-classic-fixtures-mlp.py).
/// Each case starts from scikit-learn's own initial weights and trains without shuffling, so
/// the whole fit is deterministic: float64 forward and backward passes, penalty, optimizer
/// steps and stopping rule must agree to rounding. The tolerance, 1e-9 relative, leaves room
/// for BLAS and NumPy summing in different orders over a few hundred steps, nothing more.
@Suite struct MLPTests {
    static let tolerance = 1e-9

    /// The fixture's parameters as the binding would pass them.
    static func hyperparameters(_ model: String, _ params: [String: Any], regressor: Bool) throws -> Hyperparameters {
        var v: [String: HyperValue] = ["shuffle": .bool(false), "random_state": .int(0), "early_stopping": .bool(false),
                                       "validation_fraction": .double(0.1)]
        for (name, value) in params {
            switch name {
            case "hidden_layer_sizes": v[name] = .ints(try #require(value as? [Int]))
            case "activation", "solver", "learning_rate", "loss": v[name] = .string(try #require(value as? String))
            case "batch_size" where value as? String == "auto": v[name] = .string("auto")
            case "nesterovs_momentum": v[name] = .bool(try #require(value as? Bool))
            case "batch_size", "max_iter", "n_iter_no_change", "max_fun": v[name] = .int(try #require(value as? Int))
            default: v[name] = .double(try #require((value as? NSNumber)?.doubleValue))
            }
        }
        if !regressor { v["loss"] = nil }
        return Hyperparameters(model: model, v)
    }

    static func layers(_ any: Any?) throws -> [[Double]] {
        try #require(any as? [Any]).map { try BaseFixtures.tensor($0).toDoubles() }
    }

    /// Compares every fitted weight, the loss curve and the predictions with scikit-learn's.
    static func expectFit(_ attributes: [(name: String, value: FittedValue)], _ c: [String: Any], name: String) throws {
        let byName = Dictionary(attributes.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        for (attribute, key) in [("coefs_", "coefs"), ("intercepts_", "intercepts")] {
            guard case .tensors(let mine)? = byName[attribute] else { Issue.record("\(name): no \(attribute)"); return }
            let theirs = try #require(c[key] as? [Any])
            #expect(mine.count == theirs.count)
            for (l, (m, t)) in zip(mine, theirs).enumerated() {
                BaseFixtures.expectClose(m, try BaseFixtures.tensor(t), tolerance, "\(name) \(attribute)[\(l)]")
            }
        }
        guard case .tensor(let curve)? = byName["loss_curve_"], case .int(let iterations)? = byName["n_iter_"],
              case .number(let best)? = byName["best_loss_"], case .text(let out)? = byName["out_activation_"] else {
            Issue.record("\(name): attributes missing")
            return
        }
        BaseFixtures.expectClose(curve, try BaseFixtures.tensor(c["loss_curve"]), tolerance, "\(name) loss_curve_")
        #expect(iterations == c["n_iter"] as? Int, "\(name) n_iter_")
        BaseFixtures.expectClose(best, try BaseFixtures.number(c["best_loss"]), tolerance, "\(name) best_loss_")
        #expect(out == c["out_activation"] as? String, "\(name) out_activation_")
    }

    @Test func classifierMatchesScikitLearnFromTheSameInitialWeights() throws {
        for c in try BaseFixtures.cases("mlp-classifier") {
            let name = try #require(c["name"] as? String)
            let h = try Self.hyperparameters("MLPClassifier", try #require(c["params"] as? [String: Any]), regressor: false)
            let m = try MLPClassifier(h, generator: RandomGenerator(seed: 0))
            let x = try BaseFixtures.tensor(c["x"]), y = try BaseFixtures.tensor(c["y"])
            try m.fit(x, y, monitor: .silent, initialWeights: (try Self.layers(c["init_coefs"]), try Self.layers(c["init_intercepts"])))
            try Self.expectFit(m.fittedAttributes, c, name: name)
            // The fixtures predict on every training row.
            BaseFixtures.expectClose(try m.predictProba(x), try BaseFixtures.tensor(c["predict_proba"]), Self.tolerance, "\(name) predict_proba")
            #expect(try m.predict(x).toDoubles() == (try BaseFixtures.tensor(c["predict"])).toDoubles(), "\(name) predict")
            // scikit-learn's ConvergenceWarning: max_iter epochs ran without the stopping rule ending the fit.
            let params = try #require(c["params"] as? [String: Any])
            let ranOut = (c["n_iter"] as? Int) == params["max_iter"] as? Int
            #expect((m.convergenceWarning != nil) == ranOut, "\(name) convergence warning")
        }
    }

    @Test func regressorMatchesScikitLearnFromTheSameInitialWeights() throws {
        for c in try BaseFixtures.cases("mlp-regressor") {
            let name = try #require(c["name"] as? String)
            let h = try Self.hyperparameters("MLPRegressor", try #require(c["params"] as? [String: Any]), regressor: true)
            let m = try MLPRegressor(h, generator: RandomGenerator(seed: 0))
            let x = try BaseFixtures.tensor(c["x"]), y = try BaseFixtures.tensor(c["y"])
            try m.fit(x, y, monitor: .silent, initialWeights: (try Self.layers(c["init_coefs"]), try Self.layers(c["init_intercepts"])))
            try Self.expectFit(m.fittedAttributes, c, name: name)
            BaseFixtures.expectClose(try m.predict(x), try BaseFixtures.tensor(c["predict"]), Self.tolerance, "\(name) predict")
        }
    }
}

extension MLPTests {
    /// L-BFGS to convergence from scikit-learn's initial weights. The two L-BFGS
    /// implementations choose different line-search steps, so the paths differ; both must
    /// reach the same minimum: the loss to 1e-6 (tol is 1e-8 on the gradient) and the same
    /// predictions, the probabilities to 1e-3.
    @Test func lbfgsReachesScikitLearnsMinimum() throws {
        for c in try BaseFixtures.cases("mlp-lbfgs") {
            let name = try #require(c["name"] as? String)
            let h = try Self.hyperparameters("MLPClassifier", try #require(c["params"] as? [String: Any]), regressor: false)
            let m = try MLPClassifier(h, generator: RandomGenerator(seed: 0))
            let x = try BaseFixtures.tensor(c["x"]), y = try BaseFixtures.tensor(c["y"])
            try m.fit(x, y, monitor: .silent, initialWeights: (try Self.layers(c["init_coefs"]), try Self.layers(c["init_intercepts"])))
            let attributes = Dictionary(m.fittedAttributes.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            guard case .number(let loss)? = attributes["loss_"] else { Issue.record("\(name): no loss_"); continue }
            BaseFixtures.expectClose(loss, try BaseFixtures.number(c["loss"]), 1e-6, "\(name) loss_")
            #expect(attributes["best_loss_"] == nil, "scikit-learn's lbfgs has no best_loss_")
            #expect(try m.predict(x).toDoubles() == (try BaseFixtures.tensor(c["predict"])).toDoubles(), "\(name) predict")
            BaseFixtures.expectClose(try m.predictProba(x), try BaseFixtures.tensor(c["predict_proba"]), 1e-3, "\(name) predict_proba")
            #expect(m.convergenceWarning == nil)
        }
    }
}
