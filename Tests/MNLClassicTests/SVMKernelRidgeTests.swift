import Testing
import TensorKit
@testable import MNLClassic

@Suite struct SVMKernelRidgeTests {
    /// An exact solve on both sides (Cholesky here, LAPACK's symmetric solver in
    /// scikit-learn): the same numbers to rounding, relative to the coefficients' size.
    @Test func kernelRidgeMatchesScikitLearn() throws {
        for c in try SVMFixture.cases("svm-kernel-ridge") {
            let s = c["settings"] as? [String: Any] ?? [:]
            let m = try KernelRidge(alpha: s["alpha"] as? Double ?? 1, kernel: s["kernel"] as? String ?? "linear",
                                    gamma: s["gamma"] as? Double, degree: s["degree"] as? Int ?? 3,
                                    coef0: s["coef0"] as? Double ?? 1)
            try m.fit(try SVMFixture.tensor(c["x"]), try SVMFixture.tensor(c["y"]), monitor: .silent)
            let expected = try SVMFixture.doubles(c["dual_coef"])
            let scale = expected.map(abs).max() ?? 1
            let dual = SVMFixture.maxDifference(try #require(m.fitted).dual, expected)
            #expect(dual <= 1e-9 * scale, "\(s): dual_coef \(dual)")
            let predicted = try m.predict(try SVMFixture.tensor(c["x_test"])).toDoubles()
            let expectedPrediction = try SVMFixture.doubles(c["predict"])
            let pscale = expectedPrediction.map(abs).max() ?? 1
            #expect(SVMFixture.maxDifference(predicted, expectedPrediction) <= 1e-9 * pscale, "\(s)")
        }
    }

    @Test func errorsNameTheModel() throws {
        #expect(throws: ModelError.badHyperparameter(model: "KernelRidge", name: "kernel", value: "\"cubic\"",
                                                     expected: "one of \"linear\", \"rbf\", \"poly\", \"sigmoid\"")) {
            try KernelRidge(kernel: "cubic")
        }
        let m = try KernelRidge()
        #expect(throws: ModelError.notFitted(model: "KernelRidge")) { try m.predict(try Tensor.zeros([1, 2])) }
    }
}
