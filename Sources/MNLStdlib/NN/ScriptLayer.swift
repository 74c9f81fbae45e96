import MNLLearn
import MNLRuntime
import MNLSyntax
import TensorKit

/// A user's class as a layer (torch.nn.Module written in mnl): an instance with a
/// `forward(x)` method, placed in a `Sequential`. Its parameters are its fields that hold
/// float tensors, and the layers in its fields are its sub-layers, so paths read
/// `"fc1.weight"` as PyTorch's do. While its `forward` runs inside a differentiation (fit,
/// grad), the tensor fields hold the run's leaves, so the operators and differentiable
/// builtins it applies to them are recorded.
final class ScriptLayer: Layer {
    let instance: Instance
    let forwardMethod: Value
    var training = true
    /// The interpreter to call `forward` with, set for the duration of a model call
    /// (`ScriptLayer.calling`); a layer holds no interpreter between calls.
    private var context: CallContext?

    init?(_ instance: Instance) {
        guard let forward = instance.boundMethod("forward") else { return nil }
        self.instance = instance
        self.forwardMethod = forward
    }

    var typeName: String { instance.cls.name }
    var description: String {
        let inner = children.map { "  (\($0.name)): \($0.layer.description.replacingOccurrences(of: "\n", with: "\n  "))" }
        return inner.isEmpty ? "\(typeName)()" : "\(typeName)(\n" + inner.joined(separator: "\n") + "\n)"
    }

    private var tensorFields: [(String, TensorObject)] {
        instance.assignedFields.compactMap { name, v in
            guard case .native(let o) = v, let t = o as? TensorObject, t.tensor.dtype.isFloatingPoint else { return nil }
            return (name, t)
        }
    }

    var parameterNames: [String] { tensorFields.map(\.0) }
    func tensor(named name: String) -> Tensor? { tensorFields.first { $0.0 == name }?.1.tensor }

    func setTensor(_ name: String, _ value: Tensor) throws {
        guard let old = tensor(named: name) else { throw TensorError.invalidArgument(op: typeName, message: "\(typeName) has no tensor field '\(name)'") }
        guard old.shape == value.shape else { throw TensorError.shapeMismatch(op: "\(typeName).\(name)", lhs: old.shape, rhs: value.shape) }
        instance.setField(name, .tensor(try value.cast(to: old.dtype).contiguous()))
    }

    /// The layers in its fields, except one that contains this layer again (a model stored
    /// in a field of its own layer), which would make every walk of the tree endless.
    var children: [(name: String, layer: any Layer)] {
        instance.assignedFields.compactMap { name, v in
            guard case .native(let o) = v, let m = o as? ModelObject, !Self.reaches(m.layer, self) else { return nil }
            return (name, m.layer)
        }
    }

    /// Whether `target` is inside `layer`'s tree, walking each layer once.
    private static func reaches(_ layer: any Layer, _ target: ScriptLayer) -> Bool {
        var seen: Set<ObjectIdentifier> = [], pending: [any Layer] = [layer]
        while let next = pending.popLast() {
            if next === target { return true }
            guard seen.insert(ObjectIdentifier(next)).inserted else { continue }
            // A script layer's fields are read directly: its `children` would ask this again.
            if let s = next as? ScriptLayer {
                pending += s.instance.assignedFields.compactMap { if case .native(let o) = $1, let m = o as? ModelObject { m.layer } else { nil } }
            } else {
                pending += next.children.map(\.layer)
            }
        }
        return false
    }

    func forward(_ x: Traced, _ run: ForwardRun) throws -> Traced {
        guard let ctx = context else {
            throw TensorError.invalidArgument(op: typeName, message: "a layer written in mnl runs only when its model is called")
        }
        // The tensor fields stand for the run's leaves while forward runs (restored after),
        // and models called inside it use the same run.
        let saved = tensorFields
        let state = DifferentiationState.of(ctx.session)
        let savedRun = state.run
        defer {
            for (name, t) in saved { instance.setField(name, .native(t)) }
            state.run = savedRun
        }
        for (name, _) in saved {
            instance.setField(name, NNArguments.value(try run.parameter(self, name)))
        }
        state.run = run
        let result = try ctx.call(forwardMethod, [NNArguments.value(x)])
        guard case .native(let o) = result, let t = o as? TensorObject else {
            throw TensorError.invalidArgument(op: typeName, message: "forward must return a tensor, got \(result.typeName)")
        }
        return t.tracedValue
    }

    /// Runs `body` with every script layer in `layer`'s tree able to call back into the
    /// language through `ctx`.
    static func calling<T>(_ layer: any Layer, _ ctx: CallContext, _ body: () throws -> T) rethrows -> T {
        let scripts = all(in: layer)
        for s in scripts { s.context = ctx }
        defer { for s in scripts { s.context = nil } }
        return try body()
    }

    private static func all(in layer: any Layer) -> [ScriptLayer] {
        ((layer as? ScriptLayer).map { [$0] } ?? []) + layer.children.flatMap { all(in: $0.layer) }
    }
}
