import Foundation
import Testing
import TensorKit

/// The PyTorch fixtures of scripts/make-optimizer-fixtures.py: float64 arrays as
/// {"shape", "data"}, read as tensors or plain numbers.
enum PyTorchFixtures {
    static func cases(_ name: String) throws -> [[String: Any]] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
    }

    static func tensor(_ any: Any?) throws -> Tensor {
        let object = try #require(any as? [String: Any])
        let shape = try #require(object["shape"] as? [Int])
        let data = try #require(object["data"] as? [Double])
        return try Tensor(shape: shape, elements: data)
    }

    static func tensors(_ any: Any?) throws -> [Tensor] {
        try (try #require(any as? [Any])).map(tensor)
    }

    /// Every element of `actual` within `tolerance` (relative, with an absolute floor) of `expected`.
    static func expectClose(_ actual: Tensor, _ expected: Tensor, tolerance: Double = 1e-12, _ what: String,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(actual.shape == expected.shape, "\(what): shape", sourceLocation: sourceLocation)
        let a = try actual.cast(to: .float64).toDoubles(), e = try expected.toDoubles()
        for (i, (x, y)) in zip(a, e).enumerated() where abs(x - y) > tolerance * max(1, abs(y)) {
            Issue.record("\(what): element \(i) is \(x), PyTorch has \(y)", sourceLocation: sourceLocation)
            return
        }
    }
}
