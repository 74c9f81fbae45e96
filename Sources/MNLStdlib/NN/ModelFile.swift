import Foundation
import MNLData
import MNLLearn
import MNLRuntime
import MNLSyntax
import TensorKit

/// `model.save(path)` and `load_model(path)`: the parameters and buffers by path in a
/// safetensors file (so NumPy, PyTorch and safetensors read the weights), with the
/// architecture as JSON and a format version in the header's `__metadata__`. Loading only
/// reads data: it rebuilds the layers the JSON names from a fixed list, never runs code.
enum ModelFile {
    static var methods: [Builtin] { [save] }
    static var builtins: [Builtin] { [load] }

    /// Raised when the file layout changes incompatibly; older readers then refuse the file.
    static let formatVersion = 1
    static let formatName = "mnist-repl model"

    static let save = Builtin(
        "save", [.required("self"), .required("path")], topic: "methods",
        doc: "Writes the model to a safetensors file (written whole or not at all): every parameter and buffer by path (\"0.weight\", NumPy- and PyTorch-readable), with the architecture (layer types and hyperparameters) and a format version as JSON in the header's __metadata__. load_model(path) reads it back.",
        example: "seed(0)\nmodel = Sequential(Linear(4, 3), ReLU(), Linear(3, 2))\nmodel.save(\"/tmp/mnl-example-model.safetensors\")\nload_model(\"/tmp/mnl-example-model.safetensors\")"
    ) { a, _ in
        let model = try ModelObject.receiver(a)
        let path = try a.string(1)
        let description: [String: Any]
        do { description = try LayerSpec.describe(model.layer) } catch let e as LayerSpec.Failure {
            throw Diagnostic(.invalidValue(function: "save", message: e.message), at: nil)
        }
        let architecture = try JSONSerialization.data(withJSONObject: description, options: [.sortedKeys])
        let metadata = ["format": formatName, "format_version": String(formatVersion),
                        "architecture": String(decoding: architecture, as: UTF8.self)]
        let tensors = TensorDictionary(model.layer.stateEntries().map { ($0.path, $0.tensor) })
        try learning { try Safetensors.save(tensors, metadata: metadata, to: path) }
        return .null
    }

    static let load = Builtin(
        "load_model", [.required("path")], topic: "nn",
        doc: "Reads a model that model.save wrote (a network, or a classic model such as LogisticRegression): rebuilds its layers from the architecture in the file's metadata and loads every parameter and buffer. Nothing in the file is executed. A file of a newer format version, an unknown layer type, a missing tensor or one of the wrong shape is an error naming the file and the parameter.",
        example: "seed(0)\nLinear(2, 1).save(\"/tmp/mnl-example-linear.safetensors\")\nload_model(\"/tmp/mnl-example-linear.safetensors\")"
    ) { a, _ in
        let path = try a.string(0)
        let (tensors, metadata) = try learning { try Safetensors.load(path) }
        func fail(_ message: String) -> Diagnostic { Diagnostic(.invalidValue(function: "load_model", message: "\(path): \(message)"), at: nil) }
        // A scikit-learn model (m.save of a classic model) says so in its metadata.
        if metadata["format"] == ClassicFile.formatName { return try ClassicFile.load(path, tensors, metadata) }
        guard metadata["format"] == formatName, let architecture = metadata["architecture"] else {
            throw fail("not a model written by model.save (its metadata holds no architecture); load(path) reads its tensors")
        }
        guard let version = metadata["format_version"].flatMap({ Int($0) }), version >= 1 else { throw fail("the model format version is missing or not a number") }
        guard version <= formatVersion else {
            throw fail("written in model format version \(version) by a newer mnist-repl; this one reads version \(formatVersion) and older")
        }
        guard let json = try? JSONSerialization.jsonObject(with: Data(architecture.utf8)) else { throw fail("the architecture is not valid JSON") }
        let layer: any Layer
        do { layer = try LayerSpec.build(json) } catch let e as LayerSpec.Failure { throw fail(e.message) }
        let entries = layer.stateEntries()
        for entry in entries {
            guard let stored = tensors[entry.path] else { throw fail("the tensor '\(entry.path)' is missing") }
            guard stored.shape == entry.tensor.shape else {
                throw fail("the tensor '\(entry.path)' has shape \(DiagnosticKind.shapeText(stored.shape)), but the architecture needs \(DiagnosticKind.shapeText(entry.tensor.shape))")
            }
            guard stored.dtype.isFloatingPoint else { throw fail("the tensor '\(entry.path)' is \(stored.dtype.rawValue), not floating point") }
            try learning { try entry.layer.setTensor(entry.name, stored) }
        }
        let known = Set(entries.map(\.path))
        if let extra = tensors.names.first(where: { !known.contains($0) }) {
            throw fail("the tensor '\(extra)' belongs to no layer of the architecture")
        }
        return .native(ModelObject(layer))
    }
}
