import Foundation
import TensorKit

/// The losses scikit-learn's SGD models take, each with its derivative with respect to the
/// prediction p for a target y (±1 for classifiers, the value for regressors).
public enum SGDLoss: String, Sendable, CaseIterable {
    case hinge, logLoss = "log_loss", modifiedHuber = "modified_huber", perceptron, squaredHinge = "squared_hinge"
    case squaredError = "squared_error", huber, epsilonInsensitive = "epsilon_insensitive"

    static let classification: [SGDLoss] = [.hinge, .logLoss, .modifiedHuber, .perceptron, .squaredHinge]
    static let regression: [SGDLoss] = [.squaredError, .huber, .epsilonInsensitive]

    func value(_ p: Double, _ y: Double, epsilon: Double) -> Double {
        let z = p * y
        switch self {
        case .hinge: return Swift.max(0, 1 - z)
        case .perceptron: return Swift.max(0, -z)
        case .squaredHinge: return Swift.max(0, 1 - z) * Swift.max(0, 1 - z)
        case .logLoss: return z > 18 ? exp(-z) : (z < -18 ? -z : log1p(exp(-z)))
        case .modifiedHuber: return z >= 1 ? 0 : (z >= -1 ? (1 - z) * (1 - z) : -4 * z)
        case .squaredError: return 0.5 * (p - y) * (p - y)
        case .huber: let r = Swift.abs(y - p); return r <= epsilon ? 0.5 * r * r : epsilon * r - 0.5 * epsilon * epsilon
        case .epsilonInsensitive: return Swift.max(0, Swift.abs(y - p) - epsilon)
        }
    }

    func derivative(_ p: Double, _ y: Double, epsilon: Double) -> Double {
        let z = p * y
        switch self {
        case .hinge: return z <= 1 ? -y : 0
        case .perceptron: return z <= 0 ? -y : 0
        case .squaredHinge: return z < 1 ? -2 * y * (1 - z) : 0
        case .logLoss: return z > 18 ? -y * exp(-z) : (z < -18 ? -y : -y / (exp(z) + 1))
        case .modifiedHuber: return z >= 1 ? 0 : (z >= -1 ? -2 * (1 - z) * y : -4 * y)
        case .squaredError: return p - y
        case .huber: let r = p - y; return Swift.abs(r) <= epsilon ? r : (r > 0 ? epsilon : -epsilon)
        case .epsilonInsensitive: return p - y > epsilon ? 1 : (y - p > epsilon ? -1 : 0)
        }
    }
}

/// The settings of scikit-learn's `plain_sgd`, shared by SGDClassifier, SGDRegressor,
/// Perceptron and LogisticRegression(solver="sgd").
public struct SGDSettings: Sendable {
    public enum Penalty: String, Sendable, CaseIterable { case l2, l1, elasticnet, none }
    public enum Schedule: String, Sendable, CaseIterable { case optimal, constant, invscaling }

    public var loss: SGDLoss
    public var penalty: Penalty
    public var alpha: Double
    public var l1Ratio: Double
    public var fitIntercept: Bool
    public var maxIter: Int
    public var tol: Double?
    public var shuffle: Bool
    public var epsilon: Double
    public var seed: UInt64
    public var schedule: Schedule
    public var eta0: Double
    public var powerT: Double
    public var iterationsWithoutChange: Int
}

/// One binary or regression problem solved by stochastic gradient descent exactly as
/// scikit-learn's `plain_sgd` updates: one example at a time in a shuffled order, the
/// weights kept as w·scale so the L2 shrinkage is one multiplication, the learning rate by
/// the chosen schedule, and the fit stopped when an epoch's summed loss has not fallen by
/// tol·n for `iterationsWithoutChange` epochs.
enum PlainSGD {
    static func fit(_ m: FeatureMatrix, _ y: [Double], _ s: SGDSettings, step: (Int, Double) throws -> Void)
        throws -> (coef: [Double], intercept: Double, epochs: Int) {
        let (n, p) = (m.rows, m.columns)
        var w = [Double](repeating: 0, count: p), scale = 1.0, intercept = 0.0
        let generator = RandomGenerator(seed: s.seed)
        var order = Array(0..<n)
        let t0 = optimalStart(s)
        var t = 1.0, best = Double.infinity, stale = 0, epochs = 0
        var cumulativeL1 = 0.0, applied = [Double](repeating: 0, count: p)
        for epoch in 0..<s.maxIter {
            if s.shuffle { for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, Int(generator.nextInt(below: UInt64(i + 1)))) } }
            var sum = 0.0
            for i in order {
                let row = i * p
                var dot = 0.0
                for j in 0..<p { dot += w[j] * m.values[row + j] }
                let prediction = dot * scale + intercept
                let eta = rate(s, t, t0)
                sum += s.loss.value(prediction, y[i], epsilon: s.epsilon)
                var update = -eta * s.loss.derivative(prediction, y[i], epsilon: s.epsilon)
                update = Swift.min(Swift.max(update, -1e12), 1e12)
                if s.penalty == .l2 || s.penalty == .elasticnet {
                    let ratio = s.penalty == .l2 ? 0 : s.l1Ratio
                    scale *= Swift.max(0, 1 - (1 - ratio) * eta * s.alpha)
                    if scale < 1e-9 { for j in 0..<p { w[j] *= scale }; scale = 1 }
                }
                if update != 0 {
                    for j in 0..<p { w[j] += update * m.values[row + j] / scale }
                    if s.fitIntercept { intercept += update }
                }
                if s.penalty == .l1 || s.penalty == .elasticnet {
                    cumulativeL1 += (s.penalty == .l1 ? 1 : s.l1Ratio) * eta * s.alpha
                    truncate(&w, scale, &applied, cumulativeL1)
                }
                t += 1
            }
            epochs = epoch + 1
            try step(epochs, sum / Double(n))
            guard !sum.isNaN && sum.isFinite else {
                throw ModelError.badData(model: "SGD", message: "the weights diverged (inf or NaN); scale the data or lower the learning rate")
            }
            if let tol = s.tol {
                if sum > best - tol * Double(n) { stale += 1 } else { stale = 0 }
                best = Swift.min(best, sum)
                if stale >= s.iterationsWithoutChange { break }
            }
        }
        return (w.map { $0 * scale }, intercept, epochs)
    }

    /// Tsuruoka et al.'s cumulative L1 truncation, as plain_sgd's `l1penalty`.
    static func truncate(_ w: inout [Double], _ scale: Double, _ applied: inout [Double], _ u: Double) {
        for j in w.indices {
            let z = w[j]
            if w[j] * scale > 0 { w[j] = Swift.max(0, w[j] - (u + applied[j]) / scale) } else if w[j] * scale < 0 { w[j] = Swift.min(0, w[j] + (u - applied[j]) / scale) }
            applied[j] += (w[j] - z) * scale
        }
    }

    static func rate(_ s: SGDSettings, _ t: Double, _ t0: Double) -> Double {
        switch s.schedule {
        case .constant: s.eta0
        case .optimal: 1 / (s.alpha * (t0 + t - 1))
        case .invscaling: s.eta0 / pow(t, s.powerT)
        }
    }

    /// scikit-learn's start for the "optimal" schedule (Bottou's heuristic).
    static func optimalStart(_ s: SGDSettings) -> Double {
        guard s.schedule == .optimal else { return 0 }
        let typw = (1 / s.alpha.squareRoot()).squareRoot()
        let eta0 = typw / Swift.max(1, s.loss.derivative(-typw, 1, epsilon: s.epsilon))
        return 1 / (eta0 * s.alpha)
    }
}
