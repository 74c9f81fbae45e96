import Foundation
import MNLClassic
import MNLData
import MNLRuntime
import MNLSyntax
import TensorKit

/// `m.save(path)` for classic models, and their side of `load_model(path)`: the saved state
/// (fitted tensors by scikit-learn's attribute names) in a safetensors file, with the kind,
/// the hyperparameters and a format version as JSON in the header's `__metadata__`. Loading
/// looks the kind up among the declared models and builds it through its factory (which
/// validates the hyperparameters): nothing in the file is executed.
enum ClassicFile {
    static var methods: [Builtin] { [save] }

    /// Raised when the layout changes incompatibly; older readers then refuse the file.
    static let formatVersion = 1
    static let formatName = "mnist-repl classic model"

    static let save = Builtin(
        "save", [.required("self"), .required("path")], topic: "methods",
        doc: "Writes the model to a safetensors file (written whole or not at all): its fitted tensors by attribute name (coef_, intercept_, ...; NumPy-readable), with the model's kind, its hyperparameters and a format version as JSON in the header's __metadata__. load_model(path) reads it back.",
        example: "m = LinearRegression().fit(tensor([[1.0], [2.0]]), tensor([2.0, 4.0]))\nm.save(\"/tmp/mnl-example-classic.safetensors\")\nload_model(\"/tmp/mnl-example-classic.safetensors\").coef_"
    ) { a, _ in
        let o = try ClassicModelObject.receiver(a)
        let path = try a.string(1)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try encoder.encode(Dictionary(o.estimator.hyperparameters.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }))
        var metadata = ["format": formatName, "format_version": String(formatVersion), "kind": o.model.name,
                        "hyperparameters": String(decoding: json, as: UTF8.self), "fitted": o.estimator.isFitted ? "true" : "false"]
        if let steps = try PipelineFile.stepsMetadata(o) { metadata["steps"] = steps }  // MARK: pipe
        let state = o.estimator.savedState().sorted { $0.key < $1.key }
        try learning { try Safetensors.save(TensorDictionary(state.map { ($0.key, $0.value) }), metadata: metadata, to: path) }
        return .null
    }

    /// A classic model from a file whose metadata says it is one (`load_model` asks).
    static func load(_ path: String, _ tensors: TensorDictionary, _ metadata: [String: String]) throws -> Value {
        func fail(_ message: String) -> Diagnostic { Diagnostic(.invalidValue(function: "load_model", message: "\(path): \(message)"), at: nil) }
        guard let version = metadata["format_version"].flatMap({ Int($0) }), version >= 1 else { throw fail("the model format version is missing or not a number") }
        guard version <= formatVersion else {
            throw fail("written in classic model format version \(version) by a newer mnist-repl; this one reads version \(formatVersion) and older")
        }
        guard let kind = metadata["kind"] else { throw fail("the metadata names no model kind") }
        if kind == "Pipeline" { return try PipelineFile.load(tensors, metadata, fail: fail) }  // MARK: pipe
        guard let model = ClassicModels.named(kind) else { throw fail("unknown model kind '\(kind)'") }
        guard let text = metadata["hyperparameters"],
              let values = try? JSONDecoder().decode([String: HyperValue].self, from: Data(text.utf8)) else {
            throw fail("the hyperparameters are not valid JSON")
        }
        let estimator = try estimator(model, values, fail: fail)
        if metadata["fitted"] == "true" {
            var state: [String: Tensor] = [:]
            for name in tensors.names { state[name] = tensors[name] }
            do { try estimator.restore(state) } catch let e as ModelError { throw fail(e.message) } catch let e as TensorError { throw fail("\(e)") }
        }
        return .native(ClassicModelObject(estimator, model))
    }

    /// The declared model built from saved hyperparameters (checked by its factory).
    static func estimator(_ model: ClassicModel, _ saved: [String: HyperValue], fail: (String) -> Diagnostic) throws -> any Estimator {
        var values = saved
        let defaults = Dictionary(model.parameters.map { ($0.name, $0.defaultValue) }, uniquingKeysWith: { a, _ in a })
        if let unknown = values.keys.sorted().first(where: { defaults[$0] == nil }) { throw fail("\(model.name) has no hyperparameter '\(unknown)'") }
        // JSON writes 10.0 as 10: a float parameter reads back as a float.
        for (name, value) in values { if case .int(let i) = value, case .double? = defaults[name] { values[name] = .double(Double(i)) } }
        do { return try model.estimator(values) } catch let e as ModelError { throw fail(e.message) }
    }
}
