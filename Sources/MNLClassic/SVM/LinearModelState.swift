import TensorKit

/// A fitted linear classifier: coef_ (one row for two classes, else one per class),
/// intercept_, classes_; decisions are x · coefᵀ + intercept on BLAS.
struct LinearModelState {
    let classes: Tensor
    let features: Int
    /// Row-major (rows × features).
    let coef: [Double]
    let intercept: [Double]
    let iterations: Int
    let coefTensor: Tensor

    init(classes: Tensor, features: Int, coef: [Double], intercept: [Double], iterations: Int) throws {
        (self.classes, self.features, self.coef, self.intercept, self.iterations) = (classes, features, coef, intercept, iterations)
        coefTensor = try Tensor(shape: [intercept.count, features], values: coef, dtype: .float64)
    }

    /// (rows, coefficient rows) scores.
    func scores(_ x: Tensor, model: String) throws -> DenseRows {
        let rows = try DenseRows.checked(x, model: model, features: features)
        let out = DenseRows(contiguous: try Tensor.matmul(rows.tensor, coefTensor.T).contiguous())
        for i in 0..<out.rows { for j in 0..<out.cols { out.row(i)[j] += intercept[j] } }
        return out
    }

    func decisionFunction(_ x: Tensor, model: String) throws -> Tensor {
        let s = try scores(x, model: model)
        return s.cols == 1 ? try s.tensor.reshape([s.rows]) : s.tensor
    }

    /// Two classes: classes_[1] where the score is positive; more: the highest score (the
    /// first on ties, as NumPy's argmax).
    func predict(_ x: Tensor, model: String) throws -> Tensor {
        let s = try scores(x, model: model)
        let picked = (0..<s.rows).map { i -> Int in
            let r = s.row(i)
            if s.cols == 1 { return r[0] > 0 ? 1 : 0 }
            var best = 0
            for j in 1..<s.cols where r[j] > r[best] { best = j }
            return best
        }
        return try ClassLabels(classes: classes).labels(picked)
    }

    var attributes: [(name: String, value: FittedValue)] {
        var out: [(name: String, value: FittedValue)] = [("classes_", .tensor(classes)), ("coef_", .tensor(coefTensor))]
        if let t = try? Tensor(shape: [intercept.count], values: intercept, dtype: .float64) { out.append(("intercept_", .tensor(t))) }
        out.append(("n_iter_", .int(iterations)))
        return out
    }

    var saved: [String: Tensor] {
        var out = ["classes": classes, "coef": coefTensor]
        out["intercept"] = try? Tensor(shape: [intercept.count], values: intercept, dtype: .float64)
        return out
    }

    init(saved: [String: Tensor], model: String) throws {
        func bad(_ m: String) -> ModelError { .badSavedState(model: model, message: m) }
        guard let classes = saved["classes"], let coef = saved["coef"], let intercept = saved["intercept"] else {
            throw bad("the saved state needs 'classes', 'coef' and 'intercept'")
        }
        let k = classes.count
        let rows = k == 2 ? 1 : k
        guard classes.ndim == 1, k >= 2, coef.ndim == 2, coef.shape[0] == rows, coef.shape[1] > 0,
              intercept.shape == [rows] else {
            throw bad("the shapes of classes \(classes.shape), coef \(coef.shape) and intercept \(intercept.shape) do not agree")
        }
        try self.init(classes: classes, features: coef.shape[1], coef: coef.toDoubles(), intercept: intercept.toDoubles(), iterations: 0)
    }
}
