import Testing
import TensorKit
@testable import MNLClassic

@Suite struct SVMLinearSVCTests {
    /// Both sides solve to tol 1e-8 but visit coordinates in different random orders, so they
    /// meet at the (unique) optimum from different paths: measured within 1.3e-6; 1e-5 allowed.
    @Test func linearSVCMatchesScikitLearn() throws {
        for c in try SVMFixture.cases("svm-linear-svc") {
            let s = c["settings"] as? [String: Any] ?? [:]
            let label = "\(c["problem"] ?? "") \(s)"
            let m = try LinearSVC(c: s["C"] as? Double ?? 1, loss: s["loss"] as? String ?? "squared_hinge",
                                  tol: 1e-8, maxIter: 100_000, fitIntercept: s["fit_intercept"] as? Bool ?? true)
            try m.fit(try SVMFixture.tensor(c["x"]), try SVMFixture.tensor(c["y"]), monitor: .silent)
            let st = try m.state()
            let coef = SVMFixture.maxDifference(st.coef, try SVMFixture.doubles(c["coef"]))
            let expectedIntercept = try SVMFixture.doubles(c["intercept"])
            // scikit-learn's intercept_ is the scalar 0.0 without an intercept; ours a zero per row.
            let intercept = s["fit_intercept"] as? Bool == false
                ? (st.intercept.allSatisfy { $0 == 0 } ? 0 : 1)
                : SVMFixture.maxDifference(st.intercept, expectedIntercept)
            #expect(coef < 1e-5 && intercept < 1e-5, "\(label): coef \(coef), intercept \(intercept)")
            let xt = try SVMFixture.tensor(c["x_test"])
            #expect(try m.predict(xt).toDoubles() == (try SVMFixture.doubles(c["predict"])), "\(label)")
            let dec = SVMFixture.maxDifference(try m.decisionFunction(xt).toDoubles(), try SVMFixture.doubles(c["decision"]))
            #expect(dec < 1e-5, "\(label): decision \(dec)")
        }
    }
}
