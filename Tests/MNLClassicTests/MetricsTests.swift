import Testing
import TensorKit
@testable import MNLClassic

/// The metrics against scikit-learn's (exact counts; ratios to rounding).
@Suite struct MetricsTests {
    @Test func classificationMetricsMatchScikitLearn() throws {
        for (k, c) in try BaseFixtures.cases("base-metrics").enumerated() where c["regression"] == nil {
            let t = try BaseFixtures.tensor(c["y_true"]), p = try BaseFixtures.tensor(c["y_pred"])
            BaseFixtures.expectClose(try Metrics.accuracyScore(t, p), try BaseFixtures.number(c["accuracy"]), 1e-12, "case \(k) accuracy")
            #expect(try Metrics.confusionMatrix(t, p).matrix.toDoubles() == (try BaseFixtures.tensor(c["confusion"])).toDoubles())
            for which in [Metrics.ClassScore.precision, .recall, .f1] {
                for average in [Averaging.macro, .micro, .weighted, .binary] {
                    guard let expected = c["\(which.rawValue)_\(average.rawValue)"] as? Double else { continue }
                    BaseFixtures.expectClose(try Metrics.score(which, t, p, average: average)[0], expected, 1e-12, "case \(k) \(which) \(average)")
                }
                let perClass = try Metrics.score(which, t, p, average: nil)
                BaseFixtures.expectClose(.vector(perClass), try BaseFixtures.tensor(c["\(which.rawValue)_none"]), 1e-12, "case \(k) \(which) per class")
            }
            #expect(try Metrics.classificationReport(t, p) == c["report"] as? String)
            BaseFixtures.expectClose(try Metrics.logLoss(t, try BaseFixtures.tensor(c["y_prob"])), try BaseFixtures.number(c["log_loss"]), 1e-12, "case \(k) log_loss")
            if let auc = c["roc_auc"] as? Double {
                BaseFixtures.expectClose(try Metrics.rocAucScore(t, try BaseFixtures.tensor(c["y_score"])), auc, 1e-12, "roc_auc")
            }
        }
    }

    @Test func regressionMetricsMatchScikitLearn() throws {
        let c = try #require(try BaseFixtures.cases("base-metrics").first { $0["regression"] != nil })
        let t = try BaseFixtures.tensor(c["y_true"]), p = try BaseFixtures.tensor(c["y_pred"])
        BaseFixtures.expectClose(try Metrics.meanSquaredError(t, p), try BaseFixtures.number(c["mse"]), 1e-12, "mse")
        BaseFixtures.expectClose(try Metrics.meanAbsoluteError(t, p), try BaseFixtures.number(c["mae"]), 1e-12, "mae")
        BaseFixtures.expectClose(try Metrics.r2Score(t, p), try BaseFixtures.number(c["r2"]), 1e-12, "r2")
    }

    @Test func badInputsAreErrorsNamingTheMetric() throws {
        let three = try Tensor(shape: [3], elements: [0.0, 1, 2]), two = try Tensor(shape: [2], elements: [0.0, 1])
        #expect(throws: ModelError.badData(model: "accuracy_score", message: "y_true has 3 values but y_pred has 2")) {
            try Metrics.accuracyScore(three, two)
        }
        #expect(throws: ModelError.self) { try Metrics.score(.f1, three, three, average: .binary) }
        #expect(throws: ModelError.self) { try Metrics.rocAucScore(three, three) }
        #expect(throws: ModelError.self) { try Metrics.logLoss(two, Tensor(scalar: 0.5)) }
    }
}
