import MNLClassic
import MNLRuntime
import TensorKit

/// scikit-learn's pairwise kernels as functions (`sklearn.metrics.pairwise`): the kernel
/// matrix between the rows of x and those of y (y = x when omitted).
enum KernelFunctions {
    static var builtins: [Builtin] { [rbf, polynomial, linear, sigmoid] }

    static let example = "x = tensor([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0]])\n"

    /// gamma as given, nil when omitted or nil.
    private static func gamma(_ a: Arguments, _ i: Int) throws -> Double? { a[i] == nil ? nil : try a.number(i) }

    private static func y(_ a: Arguments) throws -> Tensor? { a[1] == nil ? nil : try a.tensor(1) }

    static let rbf = Builtin(
        "rbf_kernel", [.required("x"), .optional("y", defaultText: "nil"), .optional("gamma", defaultText: "nil")], topic: "classic",
        doc: "The RBF (Gaussian) kernel matrix K[i, j] = exp(-gamma ‖x_i − y_j‖²) between the rows of x and of y (y = x when omitted), as scikit-learn's rbf_kernel: gamma defaults to 1/features, the squared distances come from ‖x‖² − 2x·y + ‖y‖² with one BLAS product, clamped at 0.",
        example: example + "rbf_kernel(x, gamma=0.5)"
    ) { a, _ in
        .tensor(try classic { try PairwiseKernels.rbf(try a.tensor(0), try y(a), gamma: try gamma(a, 2)) })
    }

    static let polynomial = Builtin(
        "polynomial_kernel", [.required("x"), .optional("y", defaultText: "nil"), .optional("degree", defaultText: "3"),
                              .optional("gamma", defaultText: "nil"), .optional("coef0", defaultText: "1")], topic: "classic",
        doc: "The polynomial kernel matrix K[i, j] = (gamma x_i·y_j + coef0)^degree between the rows of x and of y (y = x when omitted), as scikit-learn's polynomial_kernel; gamma defaults to 1/features.",
        example: example + "polynomial_kernel(x, degree=2, coef0=0)"
    ) { a, _ in
        .tensor(try classic {
            try PairwiseKernels.polynomial(try a.tensor(0), try y(a), degree: try a.int(2, default: 3), gamma: try gamma(a, 3),
                                           coef0: try a.number(4, default: 1))
        })
    }

    static let linear = Builtin(
        "linear_kernel", [.required("x"), .optional("y", defaultText: "nil")], topic: "classic",
        doc: "The linear kernel matrix K[i, j] = x_i·y_j between the rows of x and of y (y = x when omitted), as scikit-learn's linear_kernel: x @ y.T.",
        example: example + "linear_kernel(x)"
    ) { a, _ in
        .tensor(try classic { try PairwiseKernels.linear(try a.tensor(0), try y(a)) })
    }

    static let sigmoid = Builtin(
        "sigmoid_kernel", [.required("x"), .optional("y", defaultText: "nil"), .optional("gamma", defaultText: "nil"),
                           .optional("coef0", defaultText: "1")], topic: "classic",
        doc: "The sigmoid kernel matrix K[i, j] = tanh(gamma x_i·y_j + coef0) between the rows of x and of y (y = x when omitted), as scikit-learn's sigmoid_kernel; gamma defaults to 1/features.",
        example: example + "sigmoid_kernel(x, gamma=0.1)"
    ) { a, _ in
        .tensor(try classic { try PairwiseKernels.sigmoid(try a.tensor(0), try y(a), gamma: try gamma(a, 2), coef0: try a.number(3, default: 1)) })
    }
}
