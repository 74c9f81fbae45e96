import Foundation
import MNLSyntax
import Testing

/// The neural-network builtins end to end: training reaches the course's accuracy, saved
/// files have the safetensors layout NumPy and PyTorch read, and bad files are refused
/// with the file and the tensor named.
@Suite struct NNTests {
    @Test func fitLearnsTheEmbeddedDigits() throws {
        let outcome = ScriptHarness.run("""
            d = mnist()
            x = d.train.x.reshape(-1, 784) / 255
            seed(0)
            model = Sequential(Linear(784, 64), ReLU(), Linear(64, 10))
            h = model.fit(x, d.train.y, epochs=3, batch_size=64, verbose=0)
            r = model.evaluate(d.test.x.reshape(-1, 784) / 255, d.test.y)
            print(r.accuracy)
            print(h.loss[0] > h.loss[2])
            """, name: "fit.mnl")
        #expect(outcome.errors.isEmpty, "\(outcome.errors.map { DiagnosticRenderer().render($0) })")
        let lines = outcome.lines.filter { !$0.hasPrefix("loaded") }
        let accuracy = try #require(lines.first.flatMap(Double.init))
        #expect(accuracy >= 0.85, "test accuracy \(accuracy)")
        #expect(lines.last == "true")
    }

    @Test func aSavedModelHasTheSafetensorsLayout() throws {
        let path = NSTemporaryDirectory() + "mnl-nn-layout-\(getpid()).safetensors"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = ScriptHarness.run("""
            model = Linear(2, 1)
            p = model.parameters()
            p["weight"][0, 0] = 1.5
            p["weight"][0, 1] = -2.0
            p["bias"][0] = 0.25
            model.save("\(path)")
            """, name: "layout.mnl")
        #expect(outcome.errors.isEmpty)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let headerLength = bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        #expect(headerLength % 8 == 0)
        let header = try #require(try JSONSerialization.jsonObject(with: Data(bytes[8..<(8 + headerLength)])) as? [String: Any])
        let metadata = try #require(header["__metadata__"] as? [String: String])
        #expect(metadata["format_version"] == "1")
        #expect(metadata["architecture"]?.contains("\"type\":\"Linear\"") == true)
        func floats(_ name: String) throws -> [Float] {
            let entry = try #require(header[name] as? [String: Any])
            #expect(entry["dtype"] as? String == "F32")
            let offsets = try #require(entry["data_offsets"] as? [Int])
            let data = Array(bytes[(8 + headerLength + offsets[0])..<(8 + headerLength + offsets[1])])
            return stride(from: 0, to: data.count, by: 4).map { i in
                Float(bitPattern: UInt32(data[i]) | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2]) << 16 | UInt32(data[i + 3]) << 24)
            }
        }
        #expect(try floats("weight") == [1.5, -2.0])
        #expect(try floats("bias") == [0.25])
        #expect((header["weight"] as? [String: Any])?["shape"] as? [Int] == [1, 2])
    }

    /// scripts/make-model-file-fixture.py saved this seeded network with mnist-repl and read
    /// the file with the `safetensors` package's NumPy loader: the file is committed beside
    /// what NumPy read from it and NumPy's forward pass. Saving the same network today must
    /// give the same bytes, so NumPy still reads what mnist-repl writes, and the loaded
    /// model must compute what NumPy computed from those weights.
    @Test func numpyReadsTheWeightsOfASavedModel() throws {
        let folder = ScriptHarness.scriptsFolder.appendingPathComponent("nn/numpy-readback")
        let committed = try Data(contentsOf: folder.appendingPathComponent("mlp.safetensors"))
        let fixture = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("numpy-read.json"))) as? [String: Any])
        let path = NSTemporaryDirectory() + "mnl-nn-numpy-\(getpid()).safetensors"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = try #require(fixture["input"] as? [[Double]])
        let outcome = ScriptHarness.run("""
            seed(0)
            model = Sequential(Linear(3, 4), ReLU(), Linear(4, 2))
            model.save("\(path)")
            for row in load_model("\(path)")(tensor(\(input), dtype="float32")).tolist() { print(row[0], row[1]) }
            """, name: "numpy.mnl")
        #expect(outcome.errors.isEmpty, "\(outcome.errors.map { DiagnosticRenderer().render($0) })")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == committed, "the file NumPy read is no longer what model.save writes")
        let expected = try #require(fixture["output"] as? [[Double]])
        let printed = outcome.lines.prefix(2).map { $0.split(separator: " ").compactMap { Double($0) } }
        #expect(printed.count == 2)
        for (row, want) in zip(printed, expected) {
            #expect(row.count == 2)
            for (a, b) in zip(row, want) { #expect(abs(a - b) <= 1e-6 * max(1, abs(b)), "output \(a), NumPy \(b)") }
        }
        let tensors = try #require(fixture["tensors"] as? [String: [String: Any]])
        #expect(Set(tensors.keys) == ["0.weight", "0.bias", "2.weight", "2.bias"])
        #expect(tensors.values.allSatisfy { $0["dtype"] as? String == "float32" })
        let metadata = try #require(fixture["metadata"] as? [String: String])
        #expect(metadata["format_version"] == "1")
    }

    /// A safetensors file written here byte by byte, with `metadata`, holding `tensors`
    /// (name, shape) of float32 zeros.
    static func writeSafetensors(_ path: String, metadata: [String: String], tensors: [(String, [Int])]) throws {
        var entries: [String: Any] = ["__metadata__": metadata]
        var offset = 0
        for (name, shape) in tensors {
            let size = shape.reduce(1, *) * 4
            entries[name] = ["dtype": "F32", "shape": shape, "data_offsets": [offset, offset + size]]
            offset += size
        }
        var header = [UInt8](try JSONSerialization.data(withJSONObject: entries, options: [.sortedKeys]))
        while header.count % 8 != 0 { header.append(0x20) }
        let length = (0..<8).map { UInt8((header.count >> (8 * $0)) & 0xff) }
        try Data(length + header + [UInt8](repeating: 0, count: offset)).write(to: URL(fileURLWithPath: path))
    }

    static let linearArchitecture = #"{"bias":true,"in_features":3,"out_features":2,"type":"Linear"}"#

    @Test(arguments: [
        (["format": "mnist-repl model", "format_version": "2", "architecture": linearArchitecture], [("weight", [2, 3]), ("bias", [2])],
         "written in model format version 2 by a newer mnist-repl; this one reads version 1 and older"),
        (["format": "mnist-repl model", "format_version": "1", "architecture": linearArchitecture], [("weight", [2, 3])],
         "the tensor 'bias' is missing"),
        (["format": "mnist-repl model", "format_version": "1", "architecture": linearArchitecture], [("weight", [3, 2]), ("bias", [2])],
         "the tensor 'weight' has shape (3, 2), but the architecture needs (2, 3)"),
        (["format": "mnist-repl model", "format_version": "1", "architecture": #"{"type":"Transformer"}"#], [("weight", [2, 3])],
         "unknown layer type 'Transformer'"),
        (["format": "mnist-repl model", "format_version": "1", "architecture": linearArchitecture], [("weight", [2, 3]), ("bias", [2]), ("extra", [1])],
         "the tensor 'extra' belongs to no layer of the architecture"),
    ])
    func badModelFilesAreRefused(_ metadata: [String: String], _ tensors: [(String, [Int])], _ message: String) throws {
        let path = NSTemporaryDirectory() + "mnl-nn-bad-\(getpid())-\(abs(message.hashValue)).safetensors"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.writeSafetensors(path, metadata: metadata, tensors: tensors)
        let outcome = ScriptHarness.run("load_model(\"\(path)\")", name: "load.mnl")
        let error = try #require(outcome.errors.first)
        #expect(error.kind.message == "load_model: \(path): \(message)")
    }

    @Test func aWellFormedHandWrittenFileLoads() throws {
        let path = NSTemporaryDirectory() + "mnl-nn-good-\(getpid()).safetensors"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.writeSafetensors(path, metadata: ["format": "mnist-repl model", "format_version": "1", "architecture": Self.linearArchitecture],
                                  tensors: [("bias", [2]), ("weight", [2, 3])])
        let outcome = ScriptHarness.run("m = load_model(\"\(path)\")\nprint(m)\nprint(m(ones(1, 3)))", name: "load.mnl")
        #expect(outcome.errors.isEmpty)
        #expect(outcome.lines == ["Linear(in_features=3, out_features=2, bias=True)", "[[0. 0.]]"])
    }

    /// A PyTorch MLP's weights, written by scripts/make-nn-fixtures.py in the layout
    /// model.save uses, load and compute what PyTorch computed.
    @Test func aPyTorchModelFileLoadsAndAgrees() throws {
        let path = ScriptHarness.scriptsFolder.appendingPathComponent("nn/fixtures/torch_mlp.safetensors").path
        let outcome = ScriptHarness.run("""
            m = load_model("\(path)")
            print(m)
            x = tensor([[1.0, -2.0, 0.5, 3.0], [-1.5, 0.25, 2.0, -0.5], [0.3, 0.7, -0.9, 1.1]])
            print(allclose(m(x), tensor([[0.5690127611160278, -0.21750031411647797], [0.47942468523979187, -0.11881878226995468], [0.5136494040489197, -0.1565174013376236]]), atol=1e-6))
            """, name: "torch.mnl")
        #expect(outcome.errors.isEmpty, "\(outcome.errors.map { DiagnosticRenderer().render($0) })")
        #expect(outcome.lines == ["Sequential(", "  (0): Linear(in_features=4, out_features=3, bias=True)", "  (1): ReLU()",
                                  "  (2): Linear(in_features=3, out_features=2, bias=True)", ")", "true"])
    }
}
