import TensorKit

/// scikit-learn's `sklearn.metrics.pairwise` kernels as functions of two row sets:
/// `rbf_kernel(X, Y, gamma)` and friends. `y` nil means Y = X; gamma nil means
/// 1 / n_features. The result is float64, or float32 when the inputs are float32.
public enum PairwiseKernels {
    public static func linear(_ x: Tensor, _ y: Tensor?) throws -> Tensor {
        try compute("linear_kernel", x, y) { _ in .linear }
    }

    public static func polynomial(_ x: Tensor, _ y: Tensor?, degree: Int = 3, gamma: Double? = nil,
                                  coef0: Double = 1) throws -> Tensor {
        guard degree >= 0 else {
            throw ModelError.badHyperparameter(model: "polynomial_kernel", name: "degree", value: "\(degree)",
                                               expected: "a whole number >= 0")
        }
        return try compute("polynomial_kernel", x, y) { .polynomial(degree: degree, gamma: gamma ?? 1 / Double($0), coef0: coef0) }
    }

    public static func rbf(_ x: Tensor, _ y: Tensor?, gamma: Double? = nil) throws -> Tensor {
        try compute("rbf_kernel", x, y) { .rbf(gamma: gamma ?? 1 / Double($0)) }
    }

    public static func sigmoid(_ x: Tensor, _ y: Tensor?, gamma: Double? = nil, coef0: Double = 1) throws -> Tensor {
        try compute("sigmoid_kernel", x, y) { .sigmoid(gamma: gamma ?? 1 / Double($0), coef0: coef0) }
    }

    /// Checks the operands, builds the kernel for their feature count and computes it.
    private static func compute(_ name: String, _ x: Tensor, _ y: Tensor?,
                                kernel: (Int) -> Kernel) throws -> Tensor {
        let a = try DenseRows(x, model: name)
        let b = try y.map { try DenseRows($0, model: name) } ?? a
        guard b.cols == a.cols else {
            throw ModelError.badData(model: name, message: "x has \(a.cols) features but y has \(b.cols)")
        }
        let k = kernel(a.cols)
        let result = try k.matrix(a, b)
        if y == nil, case .rbf = k {
            // As scikit-learn: a row's distance to itself is exactly 0, so K(x, x) = 1.
            for i in 0..<a.rows { result.row(i)[i] = 1 }
        }
        let float32 = x.dtype == .float32 && (y?.dtype ?? .float32) == .float32
        return float32 ? try result.tensor.cast(to: .float32) : result.tensor
    }
}
