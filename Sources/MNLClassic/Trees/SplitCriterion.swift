import Foundation

/// How a node's impurity is measured. A node's statistics are `width` numbers: the weighted
/// count of each class for a classifier, or (weight, Σwy, Σwy²) for a regressor.
public enum SplitCriterion: String, Sendable {
    case gini, entropy, squaredError = "squared_error"

    /// scikit-learn's "log_loss" is the same impurity as "entropy".
    public init?(name: String) {
        if name == "log_loss" { self = .entropy } else { self.init(rawValue: name) }
    }

    var isClassification: Bool { self != .squaredError }

    /// The node's total weight.
    @inline(__always)
    func weight(_ s: UnsafePointer<Double>, width: Int) -> Double {
        if self == .squaredError { return s[0] }
        var w = 0.0
        for k in 0..<width { w += s[k] }
        return w
    }

    /// The impurity scikit-learn reports in `tree_.impurity` (entropy in bits).
    func impurity(_ s: UnsafePointer<Double>, width: Int) -> Double {
        let w = weight(s, width: width)
        guard w > 0 else { return 0 }
        switch self {
        case .gini:
            var squares = 0.0
            for k in 0..<width { squares += s[k] * s[k] }
            return 1 - squares / (w * w)
        case .entropy:
            var h = 0.0
            for k in 0..<width where s[k] > 0 {
                let p = s[k] / w
                h -= p * log2(p)
            }
            return h
        case .squaredError:
            let mean = s[1] / w
            return s[2] / w - mean * mean
        }
    }

    /// A number that orders candidate splits of one node as their impurity decrease does,
    /// cheaper to compute (scikit-learn's "proxy impurity improvement"): for Gini and squared
    /// error the parent's term and the constant parts cancel, leaving Σ sums²/weight per child.
    @inline(__always)
    func proxyImprovement(left: UnsafePointer<Double>, total: UnsafePointer<Double>, width: Int,
                          scratch: UnsafeMutablePointer<Double>) -> Double {
        switch self {
        case .gini:
            var wl = 0.0, wr = 0.0, sl = 0.0, sr = 0.0
            for k in 0..<width {
                let l = left[k], r = total[k] - l
                wl += l; wr += r
                sl += l * l; sr += r * r
            }
            return sl / wl + sr / wr
        case .entropy:
            for k in 0..<width { scratch[k] = total[k] - left[k] }
            let wl = weight(left, width: width), wr = weight(UnsafePointer(scratch), width: width)
            return -wl * impurity(left, width: width) - wr * impurity(UnsafePointer(scratch), width: width)
        case .squaredError:
            let wl = left[0], wr = total[0] - left[0]
            let sl = left[1], sr = total[1] - left[1]
            return sl * sl / wl + sr * sr / wr
        }
    }
}
