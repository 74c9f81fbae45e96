import Testing
import TensorKit
@testable import MNLClassic

@Suite struct SVMSVCTests {
    static func model(_ s: [String: Any]) throws -> SVC {
        var h = SVCHyperparameters()
        if let c = s["C"] as? Double { h.c = c }
        if let k = s["kernel"] as? String { h.kernel = k }
        if let d = s["degree"] as? Int { h.degree = d }
        if let g = s["gamma"] as? String { h.gamma = .string(g) } else if let g = s["gamma"] as? Double { h.gamma = .double(g) }
        if let c0 = s["coef0"] as? Double { h.coef0 = c0 }
        return try SVC(h)
    }

    /// The solver follows libsvm's iterates (same working-set choices and tie rules, Q stored as
    /// float as libsvm's Qfloat), so the fitted values agree to rounding: measured within
    /// 5e-12 on every case; 1e-9 leaves room for a different BLAS summation order.
    @Test func svcMatchesScikitLearn() throws {
        for c in try SVMFixture.cases("svm-svc") {
            let settings = c["settings"] as? [String: Any] ?? [:]
            let label = "\(c["problem"] ?? "") \(settings)"
            let m = try Self.model(settings)
            try m.fit(try SVMFixture.tensor(c["x"]), try SVMFixture.tensor(c["y"]), monitor: .silent)
            let attrs = Dictionary(m.fittedAttributes.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
            func values(_ name: String) -> [Double] {
                if case .tensor(let t)? = attrs[name] { return t.toDoubles() }
                return []
            }
            #expect(values("support_") == (try SVMFixture.doubles(c["support"])), "\(label)")
            #expect(values("n_support_") == (try SVMFixture.doubles(c["n_support"])), "\(label)")
            let dual = SVMFixture.maxDifference(values("dual_coef_"), try SVMFixture.doubles(c["dual_coef"]))
            let intercept = SVMFixture.maxDifference(values("intercept_"), try SVMFixture.doubles(c["intercept"]))
            #expect(dual < 1e-9 && intercept < 1e-9, "\(label): dual \(dual), intercept \(intercept)")
            let xt = try SVMFixture.tensor(c["x_test"])
            #expect(try m.predict(xt).toDoubles() == (try SVMFixture.doubles(c["predict"])), "\(label)")
            let dec = SVMFixture.maxDifference(try m.decisionFunction(xt).toDoubles(), try SVMFixture.doubles(c["decision"]))
            #expect(dec < 1e-9, "\(label): decision \(dec)")
        }
    }
}
