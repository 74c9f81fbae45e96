import Foundation
import TensorKit

/// scikit-learn's logistic objective for one problem, on BLAS: the mean loss over the rows
/// plus ‖W‖² / (2·C·n) (the intercept unpenalised). That is scikit-learn's C·Σ loss + ½‖W‖²
/// divided by C·n, the scaling its lbfgs solver sees, so the gradient tolerance means the
/// same here. Binary problems have one output (the log-odds of the second class),
/// multinomial ones a softmax over one output per class.
struct LogisticLoss {
    let x: Tensor
    let rows: Int
    let features: Int
    /// Per row: the class index (multinomial) or 0/1 (binary).
    let targets: [Int]
    let outputs: Int
    let binary: Bool
    let fitIntercept: Bool
    /// 1 / (C·n), or 0 without a penalty.
    let l2: Double

    var parameterCount: Int { outputs * (features + 1) }

    /// Parameters are laid out as W (outputs × features, row-major), then the intercepts.
    func split(_ w: [Double]) -> (coef: [Double], intercept: [Double]) {
        (Array(w[0 ..< outputs * features]), fitIntercept ? Array(w[outputs * features ..< parameterCount]) : [Double](repeating: 0, count: outputs))
    }

    /// The scores x @ Wᵀ + b, (rows × outputs) row-major.
    func scores(_ w: [Double]) throws -> [Double] {
        let (coef, intercept) = split(w)
        let product = try Tensor.matmul(x, try Tensor.matrix(coef, rows: outputs, columns: features).transpose())
        var z = try product.contiguous().toArray(Double.self)
        for i in 0..<rows { for k in 0..<outputs { z[i * outputs + k] += intercept[k] } }
        return z
    }

    func valueAndGradient(_ w: [Double]) throws -> (value: Double, gradient: [Double]) {
        var z = try scores(w)
        var loss = 0.0
        // z becomes the residual (probability - target) in place.
        if binary {
            for i in 0..<rows {
                let raw = z[i], y = Double(targets[i])
                loss += Swift.max(raw, 0) + log1p(exp(-Swift.abs(raw))) - y * raw
                z[i] = Self.sigmoid(raw) - y
            }
        } else {
            for i in 0..<rows {
                let base = i * outputs
                var top = -Double.infinity
                for k in 0..<outputs { top = Swift.max(top, z[base + k]) }
                var sum = 0.0
                for k in 0..<outputs { let e = exp(z[base + k] - top); z[base + k] = e; sum += e }
                let target = targets[i]
                loss += log(sum) - log(z[base + target])
                for k in 0..<outputs { z[base + k] /= sum }
                z[base + target] -= 1
            }
        }
        let n = Double(rows)
        let residual = Tensor.matrix(z, rows: rows, columns: outputs)
        let gradW = try Tensor.matmul(try residual.transpose(), x).contiguous().toArray(Double.self)
        var gradient = [Double](repeating: 0, count: parameterCount)
        var penalty = 0.0
        for j in 0 ..< outputs * features {
            gradient[j] = gradW[j] / n + l2 * w[j]
            penalty += w[j] * w[j]
        }
        if fitIntercept {
            for i in 0..<rows { for k in 0..<outputs { gradient[outputs * features + k] += z[i * outputs + k] } }
            for k in 0..<outputs { gradient[outputs * features + k] /= n }
        }
        return (loss / n + 0.5 * l2 * penalty, gradient)
    }

    static func sigmoid(_ t: Double) -> Double { t >= 0 ? 1 / (1 + exp(-t)) : exp(t) / (1 + exp(t)) }
}
