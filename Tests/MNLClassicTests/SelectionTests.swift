import Testing
import TensorKit
@testable import MNLClassic

/// Folds are scikit-learn's exactly; scores come from models solved tightly (as in the
/// fixtures), so they agree to 1e-6 (accuracy is a count: exact unless a point sits on the
/// boundary).
@Suite struct SelectionTests {
    static func logistic(_ c: Double) throws -> LogisticRegression {
        try LogisticRegression(BaseFixtures.hyper("LogisticRegression", ["penalty": .string("l2"), "tol": .double(1e-10), "C": .double(c),
                                                                         "fit_intercept": .bool(true), "solver": .string("lbfgs"),
                                                                         "max_iter": .int(10000), "multi_class": .string("multinomial")]))
    }

    @Test func foldsAreScikitLearns() throws {
        for c in try BaseFixtures.cases("base-selection") where c["folds"] != nil {
            let y = try BaseFixtures.tensor(c["y"]), cv = try #require(c["cv"] as? Int)
            let splits = c["kind"] as? String == "stratified" ? try Folds.stratifiedKFold(labels: y.toDoubles(), splits: cv)
                : try Folds.kFold(rows: y.count, splits: cv)
            let expected = try (try #require(c["folds"] as? [Any])).map { try BaseFixtures.tensor($0).toDoubles().map { Int($0) } }
            #expect(splits.map(\.test) == expected)
            #expect(splits.allSatisfy { Set($0.train).union($0.test).count == y.count })
        }
    }

    @Test func crossValScoresAreScikitLearns() throws {
        for c in try BaseFixtures.cases("base-selection") where c["scores"] != nil {
            let x = try BaseFixtures.tensor(c["x"]), y = try BaseFixtures.tensor(c["y"]), cv = try #require(c["cv"] as? Int)
            let stratified = c["kind"] as? String == "stratified"
            let make: () throws -> any Estimator = stratified ? { try Self.logistic(0.5) }
                : { try Ridge(BaseFixtures.hyper("Ridge", ["alpha": .double(1), "fit_intercept": .bool(true)])) }
            let scores = try CrossValidation.scores(make: make, x: x, y: y, cv: cv, scoring: nil, monitor: .silent)
            BaseFixtures.expectClose(.vector(scores), try BaseFixtures.tensor(c["scores"]), 1e-6, "\(c["kind"] ?? "") cv=\(cv)")
            if let mse = c["mse_scores"] {
                let s = try CrossValidation.scores(make: make, x: x, y: y, cv: cv, scoring: .negMeanSquaredError, monitor: .silent)
                BaseFixtures.expectClose(.vector(s), try BaseFixtures.tensor(mse), 1e-6, "neg_mean_squared_error")
            }
        }
    }

    @Test func gridSearchPicksScikitLearnsBest() throws {
        let c = try #require(try BaseFixtures.cases("base-selection").first { $0["kind"] as? String == "grid" })
        let values = try #require(c["grid_C"] as? [Double])
        let candidates = GridSearch.candidates([("C", values.map { HyperValue.double($0) })])
        let r = try GridSearch.run(candidates: candidates, make: { try Self.logistic($0[0].value.number ?? 1) },
                                   x: try BaseFixtures.tensor(c["x"]), y: try BaseFixtures.tensor(c["y"]), cv: 3, scoring: nil, monitor: .silent)
        BaseFixtures.expectClose(.vector(r.meanScores), try BaseFixtures.tensor(c["mean_test_score"]), 1e-6, "mean_test_score")
        #expect(r.ranks.map(Double.init) == (try BaseFixtures.tensor(c["rank"])).toDoubles())
        #expect(candidates[r.best][0].value.number == c["best_C"] as? Double)
        #expect(r.bestEstimator.isFitted)
    }

    @Test func theGridIsEnumeratedAsParameterGridDoes() {
        let c = GridSearch.candidates([("b", [.int(1), .int(2)]), ("a", [.string("x"), .string("y")])])
        #expect(c.map { $0.map(\.value) } == [[.string("x"), .int(1)], [.string("x"), .int(2)], [.string("y"), .int(1)], [.string("y"), .int(2)]])
    }
}
