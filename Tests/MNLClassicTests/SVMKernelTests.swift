import Testing
import TensorKit
@testable import MNLClassic

@Suite struct SVMKernelTests {
    /// The kernels are one BLAS product and an elementwise map in float64: scikit-learn's
    /// values to 1e-12 (a few roundings of the same sums).
    @Test func kernelsMatchScikitLearn() throws {
        for c in try SVMFixture.cases("svm-kernels") {
            let x = try SVMFixture.tensor(c["x"])
            let y = try c["y"].map { try SVMFixture.tensor($0) }
            let gamma = c["gamma"] as? Double
            let k: Tensor
            switch c["kernel"] as? String {
            case "linear": k = try PairwiseKernels.linear(x, y)
            case "rbf": k = try PairwiseKernels.rbf(x, y, gamma: gamma)
            case "poly": k = try PairwiseKernels.polynomial(x, y, degree: c["degree"] as? Int ?? 3, gamma: gamma,
                                                            coef0: c["coef0"] as? Double ?? 1)
            default: k = try PairwiseKernels.sigmoid(x, y, gamma: gamma, coef0: c["coef0"] as? Double ?? 1)
            }
            let expected = try SVMFixture.tensor(c["k"])
            #expect(k.shape == expected.shape)
            #expect(SVMFixture.maxDifference(k.toDoubles(), expected.toDoubles()) < 1e-12, "\(c["kernel"] ?? "")")
        }
    }

    @Test func rbfOfARowWithItselfIsOneAndFloat32StaysFloat32() throws {
        let x = try Tensor(shape: [3, 2], values: [1, 2, 3, 4, 5, 6], dtype: .float32)
        let k = try PairwiseKernels.rbf(x, nil, gamma: 0.5)
        #expect(k.dtype == .float32)
        #expect(try k.diagonal().toDoubles() == [1, 1, 1])
    }

    @Test func mismatchedFeaturesAndVectorsAreErrors() throws {
        let x = try Tensor.zeros([3, 2], dtype: .float64)
        #expect(throws: ModelError.self) { try PairwiseKernels.linear(x, try Tensor.zeros([2, 3])) }
        #expect(throws: ModelError.self) { try PairwiseKernels.rbf(try Tensor.zeros([3]), nil) }
        #expect(throws: ModelError.self) { try PairwiseKernels.polynomial(x, nil, degree: -1) }
    }
}
