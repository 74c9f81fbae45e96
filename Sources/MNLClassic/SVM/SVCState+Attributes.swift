import TensorKit

/// SVC's fitted attributes with scikit-learn's names and signs, and its saved form.
extension SVCState {
    /// scikit-learn flips libsvm's signs for two classes, so that a positive decision means
    /// classes_[1]; with more classes intercept_ is −ρ and dual_coef_ is libsvm's sv_coef.
    var attributes: [(name: String, value: FittedValue)] {
        let binary = classCount == 2
        let coef = coefficients.flatMap { $0 }.map { binary ? -$0 : $0 }
        let intercept = rho.map { binary ? $0 : -$0 }
        var out: [(name: String, value: FittedValue)] = []
        func add(_ name: String, _ t: Tensor?) { if let t { out.append((name, .tensor(t))) } }
        add("classes_", classes)
        add("support_", try? Tensor(shape: [support.count], values: support.map(Double.init), dtype: .int64))
        add("support_vectors_", supportVectors.tensor)
        add("n_support_", try? Tensor(shape: [supportCount.count], values: supportCount.map(Double.init), dtype: .int64))
        add("dual_coef_", try? Tensor(shape: [coefficients.count, support.count], values: coef, dtype: .float64))
        add("intercept_", try? Tensor(shape: [rho.count], values: intercept, dtype: .float64))
        add("n_iter_", try? Tensor(shape: [iterations.count], values: iterations.map(Double.init), dtype: .int64))
        if !probA.isEmpty {
            add("probA_", try? Tensor(shape: [probA.count], values: probA, dtype: .float64))
            add("probB_", try? Tensor(shape: [probB.count], values: probB, dtype: .float64))
        }
        return out
    }

    var gamma: Double {
        switch kernel {
        case .linear: 0
        case .polynomial(_, let g, _), .sigmoid(let g, _), .rbf(let g): g
        }
    }

    /// libsvm's layout (not scikit-learn's signs), plus the resolved gamma.
    var saved: [String: Tensor] {
        var out: [String: Tensor] = [:]
        out["classes"] = classes
        out["support_vectors"] = supportVectors.tensor
        out["support"] = try? Tensor(shape: [support.count], values: support.map(Double.init), dtype: .int64)
        out["n_support"] = try? Tensor(shape: [supportCount.count], values: supportCount.map(Double.init), dtype: .int64)
        out["sv_coef"] = try? Tensor(shape: [coefficients.count, support.count], values: coefficients.flatMap { $0 }, dtype: .float64)
        out["rho"] = try? Tensor(shape: [rho.count], values: rho, dtype: .float64)
        out["gamma"] = try? Tensor(shape: [1], values: [gamma], dtype: .float64)
        out["n_iter"] = try? Tensor(shape: [iterations.count], values: iterations.map(Double.init), dtype: .int64)
        if !probA.isEmpty {
            out["probA"] = try? Tensor(shape: [probA.count], values: probA, dtype: .float64)
            out["probB"] = try? Tensor(shape: [probB.count], values: probB, dtype: .float64)
        }
        return out
    }

    /// Rebuilds a fitted SVC from `saved`, checking every tensor's shape against the others.
    init(saved: [String: Tensor], settings: SVCHyperparameters) throws {
        func bad(_ message: String) -> ModelError { .badSavedState(model: "SVC", message: message) }
        func get(_ name: String, _ rank: Int) throws -> Tensor {
            guard let t = saved[name] else { throw bad("the saved state has no '\(name)'") }
            guard t.ndim == rank else { throw bad("'\(name)' must have \(rank) dimension\(rank == 1 ? "" : "s"), got shape \(t.shape)") }
            return t
        }
        let classes = try get("classes", 1)
        let vectors = try get("support_vectors", 2)
        let support = try get("support", 1).toDoubles().map { Int(exactly: $0) ?? -1 }
        let counts = try get("n_support", 1).toDoubles().map { Int(exactly: $0) ?? -1 }
        let coef = try get("sv_coef", 2)
        let rho = try get("rho", 1).toDoubles()
        let gamma = try get("gamma", 1).toDoubles()
        let k = classes.count, n = vectors.shape[0]
        guard k >= 2, counts.count == k, counts.allSatisfy({ $0 >= 0 }), counts.reduce(0, +) == n,
              support.count == n, coef.shape == [k - 1, n], rho.count == k * (k - 1) / 2, gamma.count == 1,
              n > 0, vectors.shape[1] > 0
        else { throw bad("the shapes of classes, support_vectors, n_support, sv_coef and rho do not agree") }
        var s = settings
        s.gamma = .double(gamma[0])
        let rows = try DenseRows(vectors, model: "SVC")
        let values = coef.toDoubles()
        let iterations = saved["n_iter"]?.toDoubles().map { Int(exactly: $0) ?? 0 } ?? []
        try self.init(classes: classes, support: support, supportVectors: rows, supportCount: counts,
                      coefficients: (0..<(k - 1)).map { Array(values[($0 * n)..<(($0 + 1) * n)]) },
                      rho: rho, kernel: s.resolvedKernel(for: rows), iterations: iterations)
        if let a = saved["probA"]?.toDoubles(), let b = saved["probB"]?.toDoubles() {
            guard a.count == rho.count, b.count == rho.count else { throw bad("probA and probB must have one value per pair of classes (\(rho.count))") }
            (probA, probB) = (a, b)
        }
    }
}
