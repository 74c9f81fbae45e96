import TensorKit

/// scikit-learn's `KernelRidge`: ridge regression in the kernel's feature space. The dual
/// coefficients solve (K + αI) c = y by a Cholesky factorisation (LAPACK); prediction is
/// K(x, X_fit) c, one BLAS product.
public final class KernelRidge: Estimator {
    public let kind = "KernelRidge"
    public let alpha: Double
    public let kernelName: String
    /// nil: 1 / n_features, as scikit-learn's pairwise kernels.
    public let gamma: Double?
    public let degree: Int
    public let coef0: Double
    var fitted: (x: DenseRows, dual: [Double], kernel: Kernel)?

    public init(alpha: Double = 1, kernel: String = "linear", gamma: Double? = nil, degree: Int = 3, coef0: Double = 1) throws {
        func bad(_ name: String, _ value: String, _ expected: String) -> ModelError {
            .badHyperparameter(model: "KernelRidge", name: name, value: value, expected: expected)
        }
        guard alpha >= 0, alpha.isFinite else { throw bad("alpha", "\(alpha)", "a number >= 0") }
        guard ["linear", "rbf", "poly", "polynomial", "sigmoid"].contains(kernel) else {
            throw bad("kernel", "\"\(kernel)\"", "one of \"linear\", \"rbf\", \"poly\", \"sigmoid\"")
        }
        if let gamma { guard gamma >= 0, gamma.isFinite else { throw bad("gamma", "\(gamma)", "a number >= 0 or none") } }
        guard degree >= 0 else { throw bad("degree", "\(degree)", "a whole number >= 0") }
        guard coef0.isFinite else { throw bad("coef0", "\(coef0)", "a finite number") }
        (self.alpha, self.kernelName, self.gamma, self.degree, self.coef0) = (alpha, kernel, gamma, degree, coef0)
    }

    public convenience init(_ h: Hyperparameters) throws {
        let gamma: Double? = h.values["gamma"] == HyperValue.none || h.values["gamma"] == nil
            ? nil : try h.double("gamma", expected: "a number >= 0 or nil") { $0 >= 0 }
        try self.init(alpha: h.double("alpha", expected: "a number >= 0") { $0 >= 0 },
                      kernel: h.string("kernel", oneOf: ["linear", "rbf", "poly", "polynomial", "sigmoid"]), gamma: gamma,
                      degree: h.int("degree", expected: "a whole number >= 0") { $0 >= 0 }, coef0: h.double("coef0"))
    }

    public var hyperparameters: [(name: String, value: HyperValue)] {
        [("alpha", .double(alpha)), ("kernel", .string(kernelName)), ("gamma", gamma.map { .double($0) } ?? .none),
         ("degree", .int(degree)), ("coef0", .double(coef0))]
    }
    public var isFitted: Bool { fitted != nil }

    func kernel(features: Int) -> Kernel {
        let g = gamma ?? 1 / Double(features)
        switch kernelName {
        case "rbf": return .rbf(gamma: g)
        case "poly", "polynomial": return .polynomial(degree: degree, gamma: g, coef0: coef0)
        case "sigmoid": return .sigmoid(gamma: g, coef0: coef0)
        default: return .linear
        }
    }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let rows = try DenseRows(x, model: kind)
        let targets = try RegressionTargets(y, model: kind, rows: rows.rows).values
        let k = kernel(features: rows.cols)
        let gram = try k.matrix(rows, rows)
        for i in 0..<gram.rows { gram.row(i)[i] += alpha }
        let dual = try CholeskySolve.solve(gram, targets, model: kind)
        fitted = (rows, dual, k)
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        guard let fitted else { throw ModelError.notFitted(model: kind) }
        let rows = try DenseRows.checked(x, model: kind, features: fitted.x.cols)
        let k = try fitted.kernel.matrix(rows, fitted.x)
        let c = try Tensor(shape: [fitted.dual.count], values: fitted.dual, dtype: .float64)
        return try Tensor.matmul(k.tensor, c)
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] {
        guard let fitted, let dual = try? Tensor(shape: [fitted.dual.count], values: fitted.dual, dtype: .float64) else { return [] }
        return [("dual_coef_", .tensor(dual)), ("X_fit_", .tensor(fitted.x.tensor))]
    }

    public func savedState() -> [String: Tensor] {
        Dictionary(fittedAttributes.compactMap { a in
            if case .tensor(let t) = a.value { (a.name, t) } else { nil }
        }, uniquingKeysWith: { a, _ in a })
    }

    public func restore(_ state: [String: Tensor]) throws {
        guard let dual = state["dual_coef_"], let x = state["X_fit_"], dual.ndim == 1, x.ndim == 2, x.shape[0] == dual.count else {
            throw ModelError.badSavedState(model: kind, message: "needs 'dual_coef_' (n) and 'X_fit_' (n, features)")
        }
        let rows = try DenseRows(x, model: kind)
        fitted = (rows, dual.toDoubles(), kernel(features: rows.cols))
    }
}

/// Solving a symmetric positive definite system by Cholesky: A = L Lᵀ (LAPACK), then two
/// triangular substitutions.
enum CholeskySolve {
    static func solve(_ a: DenseRows, _ b: [Double], model: String) throws -> [Double] {
        let l: DenseRows
        do {
            l = try DenseRows(contiguous: a.tensor.cholesky().cast(to: .float64).contiguous())
        } catch let error as TensorError {
            if case .interrupted = error { throw error }
            throw ModelError.badData(model: model, message: "the regularised kernel matrix is not positive definite (raise alpha)")
        }
        let n = a.rows
        var z = b
        for i in 0..<n {
            let r = l.row(i)
            var s = z[i]
            for j in 0..<i { s -= r[j] * z[j] }
            z[i] = s / r[i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = z[i]
            for j in (i + 1)..<n { s -= l.row(j)[i] * z[j] }
            z[i] = s / l.row(i)[i]
        }
        return z
    }
}
