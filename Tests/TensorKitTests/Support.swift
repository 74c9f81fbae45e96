import Foundation
import Testing
@testable import TensorKit

/// Loads a fixture file written by scripts/make-tensor-fixtures.py.
func loadFixture(_ name: String) throws -> [[String: Any]] {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
    let data = try Data(contentsOf: url)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
}

func number(_ v: Any) -> Double {
    if let s = v as? String { return s == "nan" ? .nan : (s == "inf" ? .infinity : -.infinity) }
    return (v as? NSNumber)?.doubleValue ?? .nan
}

/// A tensor from its fixture encoding {shape, dtype, data | gen}.
func decodeTensor(_ any: Any?) throws -> Tensor {
    let d = try #require(any as? [String: Any])
    let shape = try #require(d["shape"] as? [Int])
    let dtypeName = try #require(d["dtype"] as? String)
    let dtype = try #require(DType(rawValue: dtypeName))
    if d["gen"] as? String == "mod1000" {
        let n = shape.reduce(1, *)
        let values = (0..<n).map { Double(Float(Double(($0 * 7919) % 1000) / 1000)) }
        return try Tensor(shape: shape, values: values, dtype: dtype)
    }
    let raw = try #require(d["data"] as? [Any])
    if dtype == .int64 {
        // Exact, even above 2^53.
        let ints = raw.map { ($0 as? NSNumber)?.int64Value ?? 0 }
        return try Tensor(shape: shape, elements: ints)
    }
    return try Tensor(shape: shape, values: raw.map(number), dtype: dtype)
}

/// Tolerances per dtype: float32 results agree with NumPy to rtol 1e-5 (a few ulps after a
/// handful of roundings), float64 to 1e-12; integers and bools exactly.
func tolerance(_ dtype: DType) -> (rtol: Double, atol: Double) {
    switch dtype {
    case .float32: (1e-5, 1e-6)
    case .float64: (1e-12, 1e-12)
    default: (0, 0)
    }
}

/// Checks shape, dtype and values (NaN equals NaN; infinities must match exactly),
/// reporting failures at the caller's file and line.
func assertClose(_ actual: Tensor, _ expected: Tensor, _ what: String = "",
                 rtol: Double? = nil, atol: Double? = nil,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.shape == expected.shape, "\(what): shape", sourceLocation: sourceLocation)
    #expect(actual.dtype == expected.dtype, "\(what): dtype", sourceLocation: sourceLocation)
    guard actual.shape == expected.shape else { return }
    let tol = tolerance(expected.dtype)
    let r = rtol ?? tol.rtol, a = atol ?? tol.atol
    let x = actual.toDoubles(), y = expected.toDoubles()
    var bad: [String] = []
    for i in 0..<x.count {
        let u = x[i], v = y[i]
        let ok = (u.isNaN && v.isNaN) || u == v || (u.isFinite && v.isFinite && Swift.abs(u - v) <= a + r * Swift.abs(v))
        if !ok { bad.append("[\(i)] \(u) != \(v)") }
    }
    #expect(bad.isEmpty, "\(what): \(bad.count) of \(x.count) values differ: \(bad.prefix(5).joined(separator: ", "))",
            sourceLocation: sourceLocation)
}

/// Checks that `body` throws a TensorError of the kind named (the enum case name).
func expectErrorKind(_ kind: String, _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation,
                     _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("\(what): expected \(kind), nothing thrown", sourceLocation: sourceLocation)
    } catch let e as TensorError {
        #expect(errorKind(e) == kind, "\(what): got \(e)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("\(what): unexpected \(error)", sourceLocation: sourceLocation)
    }
}

func errorKind(_ e: TensorError) -> String {
    switch e {
    case .shapeMismatch: "shapeMismatch"
    case .indexOutOfRange: "indexOutOfRange"
    case .axisOutOfRange: "axisOutOfRange"
    case .badReshape: "badReshape"
    case .unsupportedDType: "unsupportedDType"
    case .outOfMemory: "outOfMemory"
    case .invalidArgument: "invalidArgument"
    case .interrupted: "interrupted"
    // The fixtures know only that NumPy refused the shapes; the cases that say which
    // dimensions disagree are checked one by one in ErrorTests.
    case .innerDimensionMismatch, .batchMismatch, .joinMismatch, .maskMismatch: "shapeMismatch"
    case .negativeIntegerPower: "negativeIntegerPower"
    case .valueOutOfRange: "valueOutOfRange"
    case .nonIntegerIndices: "nonIntegerIndices"
    case .notAMatrix: "notAMatrix"
    case .notSquare: "notSquare"
    case .linalg(_, let problem): "\(problem)"
    case .einsumMismatch: "einsumMismatch"
    case .invalidNormOrder: "invalidNormOrder"
    case .badPadWidth: "badPadWidth"
    case .negativePadWidth: "negativePadWidth"
    case .padEmptyAxis: "padEmptyAxis"
    case .kthOutOfRange: "kthOutOfRange"
    case .negativeCount: "negativeCount"
    case .notMonotonic: "notMonotonic"
    }
}

/// A tensor from literal values (float32 unless told).
func T(_ values: [Double], _ shape: [Int], _ dtype: DType = .float32) throws -> Tensor {
    try Tensor(shape: shape, values: values, dtype: dtype)
}
