import Foundation
import MNLData
import MNLLearn
import MNLRuntime
import MNLSyntax
import TensorKit

/// `opt.save(path)` and `opt.load(path)`: an optimizer's state (momentum, moment estimates,
/// step counts) in a safetensors file, so that training resumes where it stopped. Tensors
/// are named `<parameter path>.<state name>` (`"0.weight.exp_avg"`), the rule's name, the
/// learning rate and the step counts are in `__metadata__`.
enum OptimizerFile {
    static var methods: [Builtin] { [save, load] }

    static let formatName = "mnist-repl optimizer"
    static let formatVersion = 1

    static func receiver(_ a: Arguments) throws -> OptimizerObject {
        let v = try a.value(0)
        guard let o = OptimizerObject.receiver(v) else { throw a.bad(0, expected: "optimizer", got: v) }
        return o
    }

    static let save = Builtin(
        "save", [.required("self"), .required("path")], topic: "methods",
        doc: "Writes the optimizer's state (per parameter: its buffers such as exp_avg, and its step count) and its lr to a safetensors file, so that opt.load(path) on an optimizer of the same kind over the same parameters resumes training where it stopped.",
        example: "w = tensor([1.0, 2.0])\nopt = Adam([w])\nopt.step([tensor([0.5, 0.5])])\nopt.save(\"/tmp/mnl-example-adam.safetensors\")"
    ) { a, _ in
        let opt = try receiver(a), path = try a.string(1)
        let names = opt.optimizer.rule.stateNames
        var tensors: [(String, Tensor)] = []
        var steps: [String: Int] = [:]
        for (parameter, s) in opt.optimizer.state.sorted(by: { $0.key < $1.key }) {
            steps[parameter] = s.steps
            for (name, t) in zip(names, s.tensors) { tensors.append(("\(parameter).\(name)", t)) }
        }
        let stepsJSON = String(decoding: try JSONSerialization.data(withJSONObject: steps, options: [.sortedKeys]), as: UTF8.self)
        let metadata = ["format": formatName, "format_version": String(formatVersion), "optimizer": opt.optimizer.rule.name,
                        "lr": String(opt.optimizer.lr), "steps": stepsJSON]
        try learning { try Safetensors.save(TensorDictionary(tensors), metadata: metadata, to: path) }
        return .null
    }

    static let load = Builtin(
        "load", [.required("self"), .required("path")], topic: "methods",
        doc: "Restores the state and lr that opt.save wrote. The file must come from the same kind of optimizer, and every state tensor must have its parameter's shape; otherwise it is an error naming the file and the tensor, and nothing changes.",
        example: "w = tensor([1.0, 2.0])\nopt = Adam([w])\nopt.step([tensor([0.5, 0.5])])\nopt.save(\"/tmp/mnl-example-adam2.safetensors\")\nAdam([w]).load(\"/tmp/mnl-example-adam2.safetensors\")"
    ) { a, _ in
        let opt = try receiver(a), path = try a.string(1)
        let (tensors, metadata) = try learning { try Safetensors.load(path) }
        func fail(_ message: String) -> Diagnostic { Diagnostic(.invalidValue(function: "load", message: "\(path): \(message)"), at: nil) }
        guard metadata["format"] == formatName, let version = metadata["format_version"].flatMap({ Int($0) }) else {
            throw fail("not an optimizer state written by opt.save")
        }
        guard version <= formatVersion else { throw fail("written in optimizer format version \(version) by a newer mnist-repl; this one reads version \(formatVersion)") }
        let rule = opt.optimizer.rule.name
        guard metadata["optimizer"] == rule else { throw fail("it holds the state of \(metadata["optimizer"] ?? "another optimizer"), not of \(rule)") }
        guard let lr = metadata["lr"].flatMap(Double.init),
              let steps = (try? JSONSerialization.jsonObject(with: Data((metadata["steps"] ?? "").utf8))) as? [String: Int] else {
            throw fail("its lr or step counts are missing")
        }
        // Everything is checked before anything is restored.
        let shapes = Dictionary(opt.parameters.map { ($0.path, $0.tensor) }, uniquingKeysWith: { $1 })
        var restored: [(String, Optimizer.ParameterState)] = []
        for (parameter, count) in steps.sorted(by: { $0.key < $1.key }) {
            guard let p = shapes[parameter] else { throw fail("it has state for '\(parameter)', which is not one of the optimizer's parameters") }
            let buffers = try opt.optimizer.rule.stateNames.map { name -> Tensor in
                let key = "\(parameter).\(name)"
                guard let t = tensors[key] else { throw fail("the tensor '\(key)' is missing") }
                guard t.shape == p.shape else {
                    throw fail("the tensor '\(key)' has shape \(DiagnosticKind.shapeText(t.shape)), but the parameter has \(DiagnosticKind.shapeText(p.shape))")
                }
                return try learning { try t.cast(to: p.dtype).contiguous() }
            }
            restored.append((parameter, Optimizer.ParameterState(tensors: buffers, steps: count)))
        }
        try learning { try opt.optimizer.setLearningRate(lr) }
        opt.optimizer.reset()
        for (parameter, s) in restored { opt.optimizer.restore(parameter, s) }
        return .null
    }
}
