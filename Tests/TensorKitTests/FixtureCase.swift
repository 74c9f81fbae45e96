import Foundation
import Testing
@testable import TensorKit

/// One case of a NumPy fixture file (`name`, `op`, `args`, `inputs`, and either NumPy's
/// results in `expected_list` or the kind of error it raised in `error`), so that each
/// fixture suite writes only how to compute an op and how to compare its results.
struct FixtureCase {
    let name: String
    let op: String
    let args: [String: Any]
    /// The decoded inputs; a suite may replace them by views before `results`.
    var inputs: [Tensor]
    private let raw: [String: Any]

    init(_ c: [String: Any]) throws {
        raw = c
        name = c["name"] as? String ?? "?"
        op = try #require(c["op"] as? String)
        args = c["args"] as? [String: Any] ?? [:]
        inputs = try (c["inputs"] as? [Any] ?? []).map(decodeTensor)
    }

    /// Runs `compute` on the inputs. An error case is checked here (the error must be of the
    /// recorded kind) and gives nil; otherwise the (ours, NumPy's) result pairs, after
    /// checking that there are as many results as NumPy gave.
    func results(_ compute: ([Tensor]) throws -> [Tensor]) throws -> [(actual: Tensor, expected: Tensor)]? {
        if let kind = raw["error"] as? String {
            expectErrorKind(kind, name) { _ = try compute(inputs) }
            return nil
        }
        let expected = try (raw["expected_list"] as? [Any] ?? []).map(decodeTensor)
        let actual = try compute(inputs)
        try #require(actual.count == expected.count, "\(name): result count")
        return Array(zip(actual, expected))
    }
}
