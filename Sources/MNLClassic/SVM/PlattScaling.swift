import Foundation

/// libsvm's probability estimates for SVC(probability=true), transcribed from svm.cpp so that
/// scikit-learn's `probA_`/`probB_` and `predict_proba` mean the same here:
/// - `sigmoidTrain`: Platt's sigmoid P(y=1 | f) = 1 / (1 + exp(A f + B)) fitted to decision
///   values by Newton's method with a backtracking line search, on Platt's smoothed targets
///   (N₊+1)/(N₊+2) and 1/(N₋+2) rather than 1 and 0, so that a separable fold does not push A
///   to infinity (Lin, Lin and Weng 2007);
/// - `sigmoidPredict`: the sigmoid, written to avoid overflow for either sign;
/// - `multiclassProbability`: pairwise coupling of the pairs' probabilities into one
///   distribution (Wu, Lin and Weng 2004, method 2), by libsvm's fixed-point iteration.
enum PlattScaling {
    /// libsvm's `sigmoid_train`: A and B for decision values `f` of rows whose labels are
    /// `positive` (true for the pair's first class).
    static func sigmoidTrain(_ f: [Double], positive: [Bool]) -> (a: Double, b: Double) {
        let prior1 = Double(positive.filter { $0 }.count), prior0 = Double(positive.count) - prior1
        let (maxIter, minStep, sigma, eps) = (100, 1e-10, 1e-12, 1e-5)
        let hi = (prior1 + 1) / (prior1 + 2), lo = 1 / (prior0 + 2)
        let t = positive.map { $0 ? hi : lo }
        var a = 0.0, b = log((prior0 + 1) / (prior1 + 1))
        var fval = objective(f, t, a, b)
        for _ in 0..<maxIter {
            // Gradient and Hessian, H + σI so that it is strictly positive definite.
            var (h11, h22, h21, g1, g2) = (sigma, sigma, 0.0, 0.0, 0.0)
            for i in f.indices {
                let (p, q) = complementary(f[i] * a + b)
                let d2 = p * q, d1 = t[i] - p
                h11 += f[i] * f[i] * d2
                h22 += d2
                h21 += f[i] * d2
                g1 += f[i] * d1
                g2 += d1
            }
            if abs(g1) < eps && abs(g2) < eps { break }
            let det = h11 * h22 - h21 * h21
            let da = -(h22 * g1 - h21 * g2) / det, db = -(-h21 * g1 + h11 * g2) / det
            let gd = g1 * da + g2 * db
            var step = 1.0
            while step >= minStep {
                let (na, nb) = (a + step * da, b + step * db)
                let nf = objective(f, t, na, nb)
                if nf < fval + 0.0001 * step * gd {
                    (a, b, fval) = (na, nb, nf)
                    break
                }
                step /= 2
            }
            // libsvm gives up (keeping the last A, B) when the line search fails.
            if step < minStep { break }
        }
        return (a, b)
    }

    /// The cross-entropy of targets `t` under the sigmoid, computed stably for either sign.
    private static func objective(_ f: [Double], _ t: [Double], _ a: Double, _ b: Double) -> Double {
        var value = 0.0
        for i in f.indices {
            let z = f[i] * a + b
            value += z >= 0 ? t[i] * z + log(1 + exp(-z)) : (t[i] - 1) * z + log(1 + exp(z))
        }
        return value
    }

    /// (1/(1+e^z), e^z/(1+e^z)) without overflow.
    private static func complementary(_ z: Double) -> (Double, Double) {
        z >= 0 ? (exp(-z) / (1 + exp(-z)), 1 / (1 + exp(-z))) : (1 / (1 + exp(z)), exp(z) / (1 + exp(z)))
    }

    /// libsvm's `sigmoid_predict`: P(first class | decision value f).
    static func sigmoidPredict(_ f: Double, a: Double, b: Double) -> Double {
        let z = f * a + b
        return z >= 0 ? exp(-z) / (1 + exp(-z)) : 1 / (1 + exp(z))
    }

    /// libsvm's `multiclass_probability`: `r[i][j]` is P(class i | class i or j) (r[j][i] is
    /// 1 − r[i][j]); the result p minimises Σ_{i<j} (r[j][i] p_i − r[i][j] p_j)² over the
    /// probability simplex.
    static func multiclassProbability(_ r: [[Double]]) -> [Double] {
        let k = r.count
        var p = [Double](repeating: 1 / Double(k), count: k)
        var q = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for t in 0..<k {
            for j in 0..<k where j != t {
                q[t][t] += r[j][t] * r[j][t]
                q[t][j] = -r[j][t] * r[t][j]
            }
        }
        let eps = 0.005 / Double(k)
        var qp = [Double](repeating: 0, count: k)
        for _ in 0..<Swift.max(100, k) {
            // Recomputed each round, as libsvm, for accuracy.
            var pqp = 0.0
            for t in 0..<k {
                qp[t] = 0
                for j in 0..<k { qp[t] += q[t][j] * p[j] }
                pqp += p[t] * qp[t]
            }
            if (0..<k).map({ abs(qp[$0] - pqp) }).max() ?? 0 < eps { break }
            for t in 0..<k {
                let diff = (-qp[t] + pqp) / q[t][t]
                p[t] += diff
                pqp = (pqp + diff * (diff * q[t][t] + 2 * qp[t])) / (1 + diff) / (1 + diff)
                for j in 0..<k {
                    qp[j] = (qp[j] + diff * q[t][j]) / (1 + diff)
                    p[j] /= 1 + diff
                }
            }
        }
        return p
    }

    /// The class probabilities of one row from its pairwise decision values (pairs in
    /// libsvm's order, positive for the pair's first class), as libsvm's
    /// `svm_predict_probability`: each pair's sigmoid kept within [1e-7, 1 − 1e-7], then
    /// coupled. scikit-learn's libsvm couples two classes too (newer libsvm reads them
    /// directly), which moves them by up to its tolerance 0.0025; we follow scikit-learn.
    static func classProbabilities(decisions: UnsafeMutablePointer<Double>, classes k: Int, a: [Double], b: [Double]) -> [Double] {
        let minProbability = 1e-7
        var r = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        var pair = 0
        for i in 0..<k {
            for j in (i + 1)..<k {
                let p = sigmoidPredict(decisions[pair], a: a[pair], b: b[pair])
                r[i][j] = Swift.min(Swift.max(p, minProbability), 1 - minProbability)
                r[j][i] = 1 - r[i][j]
                pair += 1
            }
        }
        return multiclassProbability(r)
    }
}
