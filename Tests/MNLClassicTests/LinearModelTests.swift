import Testing
import TensorKit
@testable import MNLClassic

/// The linear models against scikit-learn: LinearRegression and Ridge are exact solvers
/// (LAPACK on the same equations), so agree to rounding; Lasso stops on a duality gap of
/// 1e-6·‖y‖², which bounds the coefficients' distance to the optimum to about 1e-4 here.
@Suite struct LinearModelTests {
    static func make(_ c: [String: Any]) throws -> any Estimator {
        switch c["model"] as? String {
        case "LinearRegression":
            return LinearRegression(fitIntercept: try #require(c["fit_intercept"] as? Bool))
        case "Ridge":
            return try Ridge(BaseFixtures.hyper("Ridge", ["alpha": .double(try BaseFixtures.number(c["alpha"])), "fit_intercept": .bool(true)]))
        default:
            return try Lasso(BaseFixtures.hyper("Lasso", ["alpha": .double(try BaseFixtures.number(c["alpha"])), "fit_intercept": .bool(true),
                                                          "max_iter": .int(10000), "tol": .double(try BaseFixtures.number(c["tol"]))]))
        }
    }

    @Test func coefficientsMatchScikitLearn() throws {
        for c in try BaseFixtures.cases("base-linear") {
            let what = "\(c["model"] ?? "") on \(c["data"] ?? "") \(c["alpha"] ?? c["fit_intercept"] ?? "")"
            let m = try Self.make(c)
            let x = try BaseFixtures.tensor(c["x"]), y = try BaseFixtures.tensor(c["y"])
            try m.fit(x, y, monitor: .silent)
            let tolerance = c["model"] as? String == "Lasso" ? 1e-4 : 1e-8
            guard case .tensor(let coef)? = m.fittedAttributes.first(where: { $0.name == "coef_" })?.value,
                  case .number(let intercept)? = m.fittedAttributes.first(where: { $0.name == "intercept_" })?.value else {
                Issue.record("\(what): no coef_ or intercept_"); continue
            }
            BaseFixtures.expectClose(coef, try BaseFixtures.tensor(c["coef"]), tolerance, "\(what) coef_")
            BaseFixtures.expectClose(intercept, try BaseFixtures.number(c["intercept"]), tolerance, "\(what) intercept_")
            if let rank = c["rank"] as? Int, case .int(let r)? = m.fittedAttributes.first(where: { $0.name == "rank_" })?.value {
                #expect(r == rank, "\(what) rank_")
            }
            if let score = c["score"] as? Double { BaseFixtures.expectClose(try m.score(x, y), score, 1e-10, "\(what) score") }
        }
    }

    @Test func savedStateRestoresTheSamePredictions() throws {
        let c = try #require(try BaseFixtures.cases("base-linear").first { $0["model"] as? String == "Lasso" })
        let m = try Self.make(c), x = try BaseFixtures.tensor(c["x"])
        try m.fit(x, try BaseFixtures.tensor(c["y"]), monitor: .silent)
        let copy = try Self.make(c)
        try copy.restore(m.savedState())
        #expect(try copy.predict(x).toDoubles() == (try m.predict(x)).toDoubles())
        #expect(throws: ModelError.badSavedState(model: "Lasso", message: "the tensor 'coef_' is missing")) { try copy.restore([:]) }
    }

    @Test func aFailedFitKeepsThePreviousState() throws {
        let m = LinearRegression()
        let x = try Tensor(shape: [3, 1], elements: [0.0, 1, 2]), y = try Tensor(shape: [3], elements: [1.0, 3, 5])
        try m.fit(x, y, monitor: .silent)
        let bad = try Tensor(shape: [3, 1], elements: [0.0, .nan, 2])
        #expect(throws: ModelError.badData(model: "LinearRegression", message: "x contains NaN or infinity")) { try m.fit(bad, y, monitor: .silent) }
        #expect(zip(try m.predict(x).toDoubles(), [1.0, 3, 5]).allSatisfy { abs($0 - $1) < 1e-12 })
    }
}
