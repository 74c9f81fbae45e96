import Foundation
import Testing
import TensorKit

/// Reading the scikit-learn fixtures of the SVM, kernel and neighbour tests
/// (scripts/make-classic-fixtures-svm.py).
enum SVMFixture {
    static func cases(_ name: String) throws -> [[String: Any]] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
    }

    /// A tensor written by fixture_support.enc.
    static func tensor(_ any: Any?) throws -> Tensor {
        let d = try #require(any as? [String: Any])
        let shape = try #require(d["shape"] as? [Int])
        let dtypeName = try #require(d["dtype"] as? String)
        let dtype = try #require(DType(rawValue: dtypeName))
        let values = try #require(d["data"] as? [Any]).map { ($0 as? NSNumber)?.doubleValue ?? .nan }
        return try Tensor(shape: shape, values: values, dtype: dtype)
    }

    static func doubles(_ any: Any?) throws -> [Double] { try tensor(any).toDoubles() }

    /// The largest |a − b| (infinity when the lengths differ).
    static func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count else { return .infinity }
        return zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }
}
