import Foundation
import Testing
import TensorKit
@testable import MNLClassic

/// The scikit-learn fixtures of scripts/make-classic-fixtures-*.py: arrays as
/// {"shape", "dtype", "data"} (fixture_support.enc), read back as tensors.
enum BaseFixtures {
    static func cases(_ name: String) throws -> [[String: Any]] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
    }

    /// int64 and bool arrays keep their dtype; every other array reads as float64.
    static func tensor(_ any: Any?) throws -> Tensor {
        let object = try #require(any as? [String: Any])
        let shape = try #require(object["shape"] as? [Int])
        let data = try #require(object["data"] as? [Any])
        let values = try data.map { try #require(($0 as? NSNumber)?.doubleValue ?? ($0 as? Bool).map { $0 ? 1 : 0 }) }
        switch object["dtype"] as? String {
        case "int64": return try Tensor(shape: shape, values: values, dtype: .int64)
        case "bool": return try Tensor(shape: shape, values: values, dtype: .bool)
        default: return try Tensor(shape: shape, values: values, dtype: .float64)
        }
    }

    static func number(_ any: Any?) throws -> Double { try #require(any as? Double) }

    /// Every element within `tolerance` (relative, with an absolute floor of the same size).
    static func expectClose(_ actual: Tensor, _ expected: Tensor, _ tolerance: Double, _ what: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.shape == expected.shape, "\(what): shape \(actual.shape) vs \(expected.shape)", sourceLocation: sourceLocation)
        for (i, (x, y)) in zip(actual.toDoubles(), expected.toDoubles()).enumerated() where abs(x - y) > tolerance * max(1, abs(y)) {
            Issue.record("\(what): element \(i) is \(x), scikit-learn has \(y)", sourceLocation: sourceLocation)
            return
        }
    }

    static func expectClose(_ actual: Double, _ expected: Double, _ tolerance: Double, _ what: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(abs(actual - expected) <= tolerance * max(1, abs(expected)), "\(what): \(actual), scikit-learn has \(expected)",
                sourceLocation: sourceLocation)
    }

    /// A model built from hyperparameters given as (name, value) pairs.
    static func hyper(_ model: String, _ values: [String: HyperValue]) -> Hyperparameters { Hyperparameters(model: model, values) }
}
