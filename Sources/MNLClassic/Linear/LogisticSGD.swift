import Foundation
import TensorKit

/// LogisticRegression(solver="sgd"): stochastic gradient descent on the same objective
/// (mean log-loss + ‖W‖²/(2·C·n)), one example at a time in a shuffled order (seed 0), with
/// scikit-learn's "optimal" learning rate 1/(α·(t₀ + t)) for α = 1/(C·n), and each epoch
/// counted as one of max_iter. Binary problems run scikit-learn's `plain_sgd` with the log
/// loss; the multinomial one updates every class's row per example from the softmax.
/// It stops as scikit-learn's SGD models do: when the epoch's summed loss has not fallen by
/// tol·n for five epochs.
enum LogisticSGD {
    static func settings(_ loss: LogisticLoss, maxIter: Int, tol: Double) throws -> SGDSettings {
        guard loss.l2 > 0 else {
            throw ModelError.unsupported(model: "LogisticRegression", message: "solver=\"sgd\" needs penalty=\"l2\" (its learning rate comes from the penalty)")
        }
        return SGDSettings(loss: .logLoss, penalty: .l2, alpha: loss.l2, l1Ratio: 0, fitIntercept: loss.fitIntercept, maxIter: maxIter,
                           tol: tol, shuffle: true, epsilon: 0.1, seed: 0, schedule: .optimal, eta0: 0, powerT: 0.5, iterationsWithoutChange: 5)
    }

    static func minimize(_ loss: LogisticLoss, maxIter: Int, tol: Double, step: (Int, Double) throws -> Void) throws -> ([Double], Int) {
        let s = try settings(loss, maxIter: maxIter, tol: tol)
        let m = FeatureMatrix(rows: loss.rows, columns: loss.features, values: try loss.x.contiguous().toArray(Double.self))
        if loss.binary {
            let r = try PlainSGD.fit(m, loss.targets.map { $0 == 1 ? 1 : -1 }, s) { e, v in try step(e, v) }
            return (r.coef + (loss.fitIntercept ? [r.intercept] : []), r.epochs)
        }
        return try softmax(loss, m, s, step: step)
    }

    /// Per-example softmax updates with the shared L2 shrinkage kept as one scale.
    static func softmax(_ loss: LogisticLoss, _ m: FeatureMatrix, _ s: SGDSettings, step: (Int, Double) throws -> Void) throws -> ([Double], Int) {
        let (n, p, k) = (m.rows, m.columns, loss.outputs)
        var w = [Double](repeating: 0, count: k * p), b = [Double](repeating: 0, count: k), scale = 1.0
        let generator = RandomGenerator(seed: s.seed)
        var order = Array(0..<n), z = [Double](repeating: 0, count: k)
        let t0 = PlainSGD.optimalStart(s)
        var t = 1.0, best = Double.infinity, stale = 0, epochs = 0
        for epoch in 0..<s.maxIter {
            for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, Int(generator.nextInt(below: UInt64(i + 1)))) }
            var sum = 0.0
            for i in order {
                let row = i * p
                for c in 0..<k {
                    var dot = 0.0
                    for j in 0..<p { dot += w[c * p + j] * m.values[row + j] }
                    z[c] = dot * scale + b[c]
                }
                let top = z.max() ?? 0
                var total = 0.0
                for c in 0..<k { z[c] = exp(z[c] - top); total += z[c] }
                let target = loss.targets[i]
                sum -= log(Swift.max(z[target] / total, 1e-300))
                let eta = PlainSGD.rate(s, t, t0)
                scale *= Swift.max(0, 1 - eta * s.alpha)
                if scale < 1e-9 { for j in w.indices { w[j] *= scale }; scale = 1 }
                for c in 0..<k {
                    let residual = z[c] / total - (c == target ? 1 : 0)
                    let update = -eta * residual
                    for j in 0..<p { w[c * p + j] += update * m.values[row + j] / scale }
                    if s.fitIntercept { b[c] += update }
                }
                t += 1
            }
            epochs = epoch + 1
            try step(epochs, sum / Double(n))
            if let tol = s.tol {
                if sum > best - tol * Double(n) { stale += 1 } else { stale = 0 }
                best = Swift.min(best, sum)
                if stale >= s.iterationsWithoutChange { break }
            }
        }
        return (w.map { $0 * scale } + (loss.fitIntercept ? b : []), epochs)
    }
}
