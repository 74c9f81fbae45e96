import Foundation
import Testing
@testable import MNLData
import TensorKit

/// A fresh temporary directory per test, removed by the caller with `cleanup()`.
struct TempDir {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "mnldata-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { path + "/" + name }
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let p = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: p))
        return p
    }
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }
    func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }
    func cleanup() { try? FileManager.default.removeItem(atPath: path) }
}

/// Path of a committed fixture file.
func fixture(_ name: String) throws -> String {
    guard let url = Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil) else {
        throw DataError.fileNotFound(path: "Fixtures/" + name)
    }
    return url.path
}

/// The repository root (…/Tests/MNLDataTests/TestSupport.swift → …).
let repoRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// Runs `body`, expecting it to throw a DataError; returns it (records an issue otherwise).
func expectDataError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> DataError? {
    do {
        try body()
        Issue.record("expected a DataError, nothing was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let e as DataError {
        return e
    } catch {
        Issue.record("expected a DataError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The elements of any tensor as Doubles (bool as 0/1), row-major.
func asDoubles(_ t: Tensor) -> [Double] {
    t.toDoubles()
}

/// expected.json, written by scripts/make-data-fixtures.py.
struct Expected {
    let dtype: String
    let shape: [Int]
    let values: [Double]

    init(_ any: Any?) throws {
        guard let d = any as? [String: Any], let dt = d["dtype"] as? String, let sh = d["shape"] as? [Int],
              let vs = d["values"] as? [Any] else { throw DataError.badNPYHeader(path: "expected.json", reason: "bad entry") }
        dtype = dt
        shape = sh
        values = vs.map { v in
            if let s = v as? String { return Double(s) ?? .nan }
            return (v as? NSNumber)?.doubleValue ?? .nan
        }
    }

    static func all() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: try fixture("expected.json")))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    func check(_ t: Tensor, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(t.dtype.rawValue == dtype, "\(what) dtype", sourceLocation: sourceLocation)
        #expect(t.shape == shape, "\(what) shape", sourceLocation: sourceLocation)
        #expect(asDoubles(t) == values, "\(what) values", sourceLocation: sourceLocation)
    }
}
