import Foundation
import Testing
import TensorKit
@testable import MNLClassic

/// The scikit-learn fixtures of scripts/make-classic-fixtures-trees.py, read by `BaseFixtures`,
/// with the trees' own helpers (hyperparameters from `get_params()`, accuracy, r²).
enum TreeFixtures {
    static func cases(_ name: String) throws -> [[String: Any]] { try BaseFixtures.cases(name) }

    static func tensor(_ any: Any?) throws -> Tensor { try BaseFixtures.tensor(any) }

    static func doubles(_ any: Any?) throws -> [Double] { try tensor(any).toDoubles() }

    /// The hyperparameters named in `names`, from scikit-learn's `get_params()`.
    static func parameters(_ any: Any?, _ names: [String]) throws -> [String: HyperValue] {
        let params = try #require(any as? [String: Any])
        var result = [String: HyperValue]()
        for name in names {
            switch params[name] {
            case nil, is NSNull: result[name] = HyperValue.none
            case let s as String: result[name] = .string(s)
            case let n as NSNumber:
                result[name] = n.doubleValue == n.doubleValue.rounded() && !"\(n)".contains(".") ? .int(n.intValue) : .double(n.doubleValue)
            default: Issue.record("parameter \(name) has an unexpected type")
            }
        }
        return result
    }

    /// The fraction of equal elements (accuracy).
    static func accuracy(_ predicted: Tensor, _ expected: Tensor) -> Double {
        let (p, e) = (predicted.toDoubles(), expected.toDoubles())
        return Double(zip(p, e).count(where: { $0 == $1 })) / Double(max(e.count, 1))
    }

    /// The coefficient of determination, as scikit-learn's `r2_score`.
    static func r2(_ predicted: Tensor, _ expected: Tensor) -> Double {
        let (p, e) = (predicted.toDoubles(), expected.toDoubles())
        let mean = e.reduce(0, +) / Double(e.count)
        let residual = zip(p, e).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let total = e.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return 1 - residual / total
    }

    /// Every element within `tolerance` (relative, with an absolute floor of `tolerance`).
    static func expectClose(_ actual: [Double], _ expected: [Double], tolerance: Double, _ what: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, "\(what): count", sourceLocation: sourceLocation)
        for (i, (x, y)) in zip(actual, expected).enumerated() where abs(x - y) > tolerance * max(1, abs(y)) {
            Issue.record("\(what): element \(i) is \(x), scikit-learn has \(y)", sourceLocation: sourceLocation)
            return
        }
    }
}
