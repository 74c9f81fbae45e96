import Foundation

/// The losses of scikit-learn's histogram gradient boosting, in its "half" forms (the
/// gradient of ½(y − f)² is f − y). Raw predictions are stored class by class:
/// `raw[k * n + i]` for class `k` of row `i` (one "class" for a regressor or a binary model).
enum BoostingLoss: Sendable, Equatable {
    case squaredError
    /// Binary log-loss on one raw score (the log-odds of class 1).
    case binomial
    /// Softmax over `classes` raw scores, one tree per class per iteration.
    case multinomial(classes: Int)

    var treesPerIteration: Int {
        if case .multinomial(let k) = self { return k }
        return 1
    }

    /// The constant prediction before any tree: the mean, the log-odds of the class-1
    /// fraction, or the log class fractions centred on their mean (scikit-learn's symmetric
    /// multinomial link).
    func baseline(_ y: [Double]) -> [Double] {
        let n = Double(y.count)
        let eps = 10 * Double.ulpOfOne
        switch self {
        case .squaredError:
            return [y.reduce(0, +) / n]
        case .binomial:
            let p = min(max(y.reduce(0, +) / n, eps), 1 - eps)
            return [log(p / (1 - p))]
        case .multinomial(let k):
            var counts = [Double](repeating: 0, count: k)
            for label in y { counts[Int(label)] += 1 }
            let logs = counts.map { log(min(max($0 / n, eps), 1 - eps)) }
            let mean = logs.reduce(0, +) / Double(k)
            return logs.map { $0 - mean }
        }
    }

    /// Gradients and hessians of every row (class-major like `raw`), in float32 as
    /// scikit-learn keeps them.
    func gradients(raw: [Double], y: [Double], gradients g: inout [Float], hessians h: inout [Float]) {
        let n = y.count
        switch self {
        case .squaredError:
            for i in 0..<n { g[i] = Float(raw[i] - y[i]); h[i] = 1 }
        case .binomial:
            for i in 0..<n {
                let p = Self.sigmoid(raw[i])
                g[i] = Float(p - y[i]); h[i] = Float(p * (1 - p))
            }
        case .multinomial(let k):
            var p = [Double](repeating: 0, count: k)
            for i in 0..<n {
                Self.softmax(raw, row: i, rows: n, into: &p)
                for c in 0..<k {
                    g[c * n + i] = Float(p[c] - (Int(y[i]) == c ? 1 : 0))
                    h[c * n + i] = Float(p[c] * (1 - p[c]))
                }
            }
        }
    }

    /// The mean loss (scikit-learn's `train_score_` is its negative).
    func loss(raw: [Double], y: [Double]) -> Double {
        let n = y.count
        var total = 0.0
        switch self {
        case .squaredError:
            for i in 0..<n { total += 0.5 * (y[i] - raw[i]) * (y[i] - raw[i]) }
        case .binomial:
            for i in 0..<n { total += Self.log1pExp(raw[i]) - y[i] * raw[i] }
        case .multinomial(let k):
            for i in 0..<n {
                var top = -Double.infinity
                for c in 0..<k { top = max(top, raw[c * n + i]) }
                var sum = 0.0
                for c in 0..<k { sum += exp(raw[c * n + i] - top) }
                total += top + log(sum) - raw[Int(y[i]) * n + i]
            }
        }
        return total / Double(n)
    }

    static func sigmoid(_ x: Double) -> Double { x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x)) }

    /// log(1 + eˣ) without overflow.
    static func log1pExp(_ x: Double) -> Double { x > 0 ? x + log1p(exp(-x)) : log1p(exp(x)) }

    /// Softmax of row `i`'s scores into `p`.
    static func softmax(_ raw: [Double], row i: Int, rows n: Int, into p: inout [Double]) {
        let k = p.count
        var top = -Double.infinity
        for c in 0..<k { top = max(top, raw[c * n + i]) }
        var sum = 0.0
        for c in 0..<k { p[c] = exp(raw[c * n + i] - top); sum += p[c] }
        for c in 0..<k { p[c] /= sum }
    }
}
