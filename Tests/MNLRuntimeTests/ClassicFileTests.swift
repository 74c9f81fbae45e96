import Foundation
import MNLRuntime
import MNLStdlib
import MNLSyntax
import Testing

/// load_model on classic model files that are not what m.save writes: each is an error
/// naming the file (and the tensor), and nothing in a file is run.
struct ClassicFileTests {
    /// A safetensors file with the given metadata and float64 tensors, written byte by byte.
    static func write(_ path: String, metadata: [String: String], tensors: [(String, [Int], [Double])]) throws {
        var header: [String: Any] = ["__metadata__": metadata]
        var data = Data(), offset = 0
        for (name, shape, values) in tensors {
            header[name] = ["dtype": "F64", "shape": shape, "data_offsets": [offset, offset + 8 * values.count]]
            for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
            offset += 8 * values.count
        }
        var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        while json.count % 8 != 0 { json.append(0x20) }
        var file = Data()
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { file.append(contentsOf: $0) }
        try (file + json + data).write(to: URL(fileURLWithPath: path))
    }

    static let valid = ["format": "mnist-repl classic model", "format_version": "1", "kind": "Ridge",
                        "hyperparameters": "{\"alpha\":2,\"fit_intercept\":true}", "fitted": "true"]
    static let state: [(String, [Int], [Double])] = [("coef_", [2], [1, -1]), ("intercept_", [1], [0.5])]

    func load(_ metadata: [String: String], _ tensors: [(String, [Int], [Double])] = Self.state) throws -> String {
        let path = NSTemporaryDirectory() + "mnl-classic-file-\(UUID().uuidString).safetensors"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.write(path, metadata: metadata, tensors: tensors)
        var out = ""
        let session = Stdlib.makeSession { out += $0 }
        let result = session.run(SourceFile(name: "load.mnl", text: "m = load_model(\"\(path)\")\nprint(m, m.predict(tensor([[1.0, 1.0]])))"))
        if case .failure(let d) = result { return (d.first?.kind.message ?? "").replacingOccurrences(of: path, with: "FILE") }
        return out
    }

    @Test func aValidFileLoads() throws {
        #expect(try load(Self.valid) == "Ridge(alpha=2) [0.5]\n")
    }

    @Test func badFilesAreRefusedNamingFileAndTensor() throws {
        var newer = Self.valid
        newer["format_version"] = "2"
        #expect(try load(newer) == "load_model: FILE: written in classic model format version 2 by a newer mnist-repl; this one reads version 1 and older")
        var unknown = Self.valid
        unknown["kind"] = "DeepForest"
        #expect(try load(unknown) == "load_model: FILE: unknown model kind 'DeepForest'")
        var badParameter = Self.valid
        badParameter["hyperparameters"] = "{\"alpha\":-1}"
        #expect(try load(badParameter) == "load_model: FILE: Ridge: alpha must be a number ≥ 0, got -1")
        var extra = Self.valid
        extra["hyperparameters"] = "{\"gamma\":1}"
        #expect(try load(extra) == "load_model: FILE: Ridge has no hyperparameter 'gamma'")
        #expect(try load(Self.valid, [("coef_", [2], [1, -1])]) == "load_model: FILE: Ridge: the tensor 'intercept_' is missing")
        #expect(try load(Self.valid, [("coef_", [1, 2], [1, -1]), ("intercept_", [1], [0])])
                == "load_model: FILE: Ridge: the tensor 'coef_' has shape (1, 2), expected (n,)")
        #expect(try load(Self.valid, [("coef_", [2], [1, .nan]), ("intercept_", [1], [0])])
                == "load_model: FILE: Ridge: the tensor 'coef_' contains NaN or infinity")
        let regression = ["format": "mnist-repl classic model", "format_version": "1", "kind": "LinearRegression",
                          "hyperparameters": "{\"fit_intercept\":true}", "fitted": "true"]
        #expect(try load(regression, Self.state + [("rank_", [1], [1e300]), ("singular_", [2], [1, 1])])
                == "load_model: FILE: LinearRegression: the tensor 'rank_' holds 1e+300, not a count")
    }
}
