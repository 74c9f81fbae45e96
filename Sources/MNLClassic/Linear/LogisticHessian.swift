import Foundation
import TensorKit

extension LogisticLoss {
    /// The Hessian of the objective at `w`, as a function applying it to a vector (two BLAS
    /// products per application; the matrix itself, (classes·features)², is never formed).
    /// Binary: Xᵀ·diag(s(1-s))·X / n; multinomial: for each row the softmax Jacobian
    /// diag(p) - ppᵀ between the two products.
    func hessianProduct(at w: [Double]) throws -> ([Double]) throws -> [Double] {
        var p = try scores(w)
        if binary {
            for i in 0..<rows { let s = Self.sigmoid(p[i]); p[i] = s * (1 - s) }
        } else {
            for i in 0..<rows {
                let base = i * outputs
                let top = p[base ..< base + outputs].max() ?? 0
                var sum = 0.0
                for k in 0..<outputs { p[base + k] = exp(p[base + k] - top); sum += p[base + k] }
                for k in 0..<outputs { p[base + k] /= sum }
            }
        }
        let weights = p
        return { v in try self.applyHessian(weights, v) }
    }

    private func applyHessian(_ weights: [Double], _ v: [Double]) throws -> [Double] {
        var u = try scores(v)  // X·V_wᵀ + v_b, the direction's change in the scores
        if binary {
            for i in 0..<rows { u[i] *= weights[i] }
        } else {
            for i in 0..<rows {
                let base = i * outputs
                var dot = 0.0
                for k in 0..<outputs { dot += weights[base + k] * u[base + k] }
                for k in 0..<outputs { u[base + k] = weights[base + k] * (u[base + k] - dot) }
            }
        }
        let n = Double(rows)
        let product = try Tensor.matmul(try Tensor.matrix(u, rows: rows, columns: outputs).transpose(), x).contiguous().toArray(Double.self)
        var out = [Double](repeating: 0, count: parameterCount)
        for j in 0 ..< outputs * features { out[j] = product[j] / n + l2 * v[j] }
        if fitIntercept {
            for i in 0..<rows { for k in 0..<outputs { out[outputs * features + k] += u[i * outputs + k] } }
            for k in 0..<outputs { out[outputs * features + k] /= n }
        }
        return out
    }
}

/// scikit-learn's "newton-cg": Newton steps whose system H·p = -g is solved inexactly by
/// conjugate gradients on Hessian-vector products (stopped at a residual of
/// min(0.5, √‖g‖₁)·‖g‖₁, as its `_cg` does), each step then taken with a Wolfe line search;
/// it stops when the largest gradient component is at most tol.
enum NewtonCG {
    static func minimize(_ loss: LogisticLoss, maxIter: Int, tol: Double, step: (Int, Double) throws -> Void) throws -> ([Double], Int) {
        var w = [Double](repeating: 0, count: loss.parameterCount)
        var (value, g) = try loss.valueAndGradient(w)
        var iteration = 0
        while iteration < maxIter, LBFGS.maxAbs(g) > tol {
            let hessian = try loss.hessianProduct(at: w)
            let d = try conjugateGradient(hessian, g)
            let slope = LBFGS.dot(d, g)
            let direction = slope < 0 ? d : g.map { -$0 }
            let search = LBFGS(maxIterations: 1, gtol: tol)
            guard let (wNew, vNew, gNew) = try search.lineSearch(loss.valueAndGradient, w, value, g, direction,
                                                                 LBFGS.dot(direction, g), 1) else { break }
            (w, value, g) = (wNew, vNew, gNew)
            iteration += 1
            try step(iteration, value)
        }
        return (w, iteration)
    }

    /// Approximately solves H·d = -g from d = 0; stops early on negative curvature.
    static func conjugateGradient(_ hessian: ([Double]) throws -> [Double], _ g: [Double]) throws -> [Double] {
        let norm1 = g.reduce(0) { $0 + Swift.abs($1) }
        let target = Swift.min(0.5, norm1.squareRoot()) * norm1
        var d = [Double](repeating: 0, count: g.count)
        var r = g.map { -$0 }, p = r
        var rr = LBFGS.dot(r, r)
        for _ in 0..<200 {
            if r.reduce(0, { $0 + Swift.abs($1) }) <= target { break }
            try Cancellation.check()
            let hp = try hessian(p)
            let curvature = LBFGS.dot(p, hp)
            if curvature <= 0 { if d.allSatisfy({ $0 == 0 }) { d = r }; break }
            let alpha = rr / curvature
            for j in d.indices { d[j] += alpha * p[j]; r[j] -= alpha * hp[j] }
            let next = LBFGS.dot(r, r)
            for j in p.indices { p[j] = r[j] + next / rr * p[j] }
            rr = next
        }
        return d
    }
}
