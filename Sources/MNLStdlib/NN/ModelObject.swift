import MNLLearn
import MNLRuntime
import MNLSyntax
import TensorKit

/// A network as a language value (`Linear(784, 10)`, `Sequential(...)`): one class for every
/// layer, wrapping MNLLearn's `Layer`, so that a single layer and a whole model are used
/// alike (called, printed, trained, saved). Its parameters are the layer's own tensors:
/// `model.parameters()` hands out the same storage, so an optimizer built on them updates
/// the model. Training and evaluation live in ModelTraining.swift and ModelEvaluation.swift,
/// saving in ModelFile.swift.
final class ModelObject: NativeObject, ParameterHolder {
    let layer: any Layer
    /// The history of the last `fit`, kept also when Ctrl-C stopped it (`model.history`).
    var history: Value = .null
    /// The loss the last `fit` used, which `evaluate` uses by default.
    var lastLoss: TrainingLoss?

    init(_ layer: any Layer) {
        self.layer = layer
        super.init(ModelObject.declaration)
    }

    var parameterEntries: [ParameterEntry] { layer.namedParameters() }

    /// The float dtype the model computes in (its first parameter's; float32 without any).
    var floatDType: DType { parameterEntries.first?.tensor.dtype ?? .float32 }

    /// The model applied to `x`. Inside a differentiation it computes on the run's leaves, so
    /// `grad` sees its parameters; otherwise on a fresh run drawing from the session's
    /// generator (dropout), so `seed(n)` reproduces it.
    func apply(_ x: Traced, _ ctx: CallContext) throws -> Traced {
        let run = DifferentiationState.of(ctx.session).run ?? ForwardRun(generator: ctx.random)
        return try ScriptLayer.calling(layer, ctx) { try learning { try layer.forward(try floatInput(x), run) } }
    }

    /// Integer inputs (uint8 images, int64 features) are computed in the model's float dtype,
    /// as they could not meet float weights otherwise.
    func floatInput(_ x: Traced) throws -> Traced {
        x.dtype.isFloatingPoint ? x : try x.cast(to: floatDType)
    }

    /// The layers a Sequential holds (a single layer stands alone).
    var layers: [any Layer] { (layer as? Sequential)?.layers ?? [layer] }

    /// The shape of one example, when the first layer tells it (a Linear's in_features).
    var inferredInputShape: [Int]? {
        guard let first = layers.first else { return nil }
        if let linear = first as? Linear { return [linear.inFeatures] }
        if let norm = first as? BatchNorm, !norm.spatial { return [norm.features] }
        return nil
    }

    /// `:vars`: the type and the size.
    var summaryLine: String {
        let count = layer.parameterCount
        return "\(layer.typeName), \(count) parameter\(count == 1 ? "" : "s")"
    }

    /// The parameters by path as the current computation sees them: inside a differentiation
    /// the run's leaves (so `l2_penalty(model.parameters())` has a gradient), else the
    /// model's own tensors, whose storage optimizers update.
    func tracedParameters(_ ctx: CallContext) throws -> [(String, Traced)] {
        let run = DifferentiationState.of(ctx.session).run
        return try parameterEntries.map { e in (e.path, try run?.parameter(e.layer, e.name) ?? Traced(constant: e.tensor)) }
    }

    func parametersRecord(_ ctx: CallContext) throws -> Value {
        .record(RecordBox(try learning { try tracedParameters(ctx) }.map { ($0.0, NNArguments.value($0.1)) }))
    }

    func summaryText(_ a: Arguments, _ ctx: CallContext) throws -> String {
        let shape: [Int]
        if let given = a[1] {
            guard let s = TensorConversion.scalar(given).flatMap(IntegerConversion.exact).map({ [$0] }) ?? intList(given), s.allSatisfy({ $0 >= 1 }) else {
                throw a.bad(1, expected: "tuple of integers", got: given)
            }
            shape = s
        } else if let inferred = inferredInputShape {
            shape = inferred
        } else {
            throw a.invalid("give the shape of one example, e.g. input_shape=(1, 28, 28): the first layer (\(layers.first?.typeName ?? "none")) does not tell it")
        }
        return try ScriptLayer.calling(layer, ctx) { try learning { try ModelSummary(layer, inputShape: shape, dtype: floatDType).text } }
    }

    private func intList(_ v: Value) -> [Int]? {
        let items: [Value]
        switch v {
        case .tuple(let t): items = t.items
        case .list(let l): items = l.items
        default: return nil
        }
        let ints = items.compactMap { $0.numberValue.flatMap(IntegerConversion.exact) }
        return ints.count == items.count && ints.allSatisfy { $0 >= 1 } ? ints : nil
    }

    /// `model[i]`: the i-th layer of a Sequential (negative counts from the end).
    func layer(at items: [IndexArgument]) throws -> Value {
        guard items.count == 1, case .value(let v) = items[0], let n = v.numberValue, let i = IntegerConversion.exact(n) else {
            throw Diagnostic(.invalidValue(function: "model[]", message: "index a Sequential with one integer, e.g. model[0]"), at: nil)
        }
        let all = layers
        let k = i < 0 ? i + all.count : i
        guard all.indices.contains(k) else { throw Diagnostic(.indexOutOfRange(index: i, axis: 0, size: all.count), at: nil) }
        return .native(ModelObject(all[k]))
    }

    static func receiver(_ a: Arguments) throws -> ModelObject {
        let v = try a.value(0)
        guard case .native(let o) = v, let m = o as? ModelObject else { throw a.bad(0, expected: "model", got: v) }
        return m
    }

    static let declaration = NativeClass(
        name: "model", of: ModelObject.self,
        doc: "A neural network or one of its layers (Linear, Conv2d, ..., Sequential), as torch.nn.Module: model(x) computes the output (inside grad it is differentiated with respect to its parameters), model.parameters() gives the parameters by path (\"0.weight\"), model.fit(x, y) trains it (Keras's fit), model.summary() prints Keras's table, model.save(path) writes it."
    ) { c in
        c.call { o, a, ctx in
            guard a.rest.count == 1, a.extraKeywords.isEmpty else {
                throw Diagnostic(.invalidValue(function: o.layer.typeName, message: "a model takes one input tensor: model(x)"), at: nil)
            }
            let x: Traced
            if case .native(let t) = a.rest[0], let t = t as? TensorObject {
                x = t.tracedValue
            } else {
                x = Traced(constant: try TensorConversion.tensor(a.rest[0], argument: o.layer.typeName))
            }
            return NNArguments.value(try o.apply(x, ctx))
        }
        c.method("parameters", doc: "The trainable parameters as a record by path (\"0.weight\", \"0.bias\", ...), sharing storage with the model: optimizers built on them update the model, and grad with respect to the model gives gradients with the same paths.",
                 example: "model = Sequential(Linear(4, 3), ReLU(), Linear(3, 2))\nkeys(model.parameters())") { o, _, ctx in
            try o.parametersRecord(ctx)
        }
        c.method("train", doc: "Training mode (the default): dropout drops and batch norm uses the batch's statistics. fit switches to it by itself.",
                 example: "model = Sequential(Linear(4, 2), Dropout(0.5))\nmodel.train()\nmodel.training") { o, _, _ in
            o.layer.setTraining(true)
            return .null
        }
        c.method("eval", doc: "Evaluation mode: dropout is the identity and batch norm uses its running statistics. predict and evaluate use it by themselves.",
                 example: "model = Sequential(Linear(4, 2), Dropout(0.5))\nmodel.eval()\nmodel.training") { o, _, _ in
            o.layer.setTraining(false)
            return .null
        }
        c.property("training", doc: "Whether the model is in training mode (see train() and eval()).") { .bool($0.layer.training) }
        c.property("history", doc: "The history record of the last fit (also after Ctrl-C stopped it), nil before any.") { $0.history }
        c.method("summary", [.optional("input_shape", defaultText: "nil")],
                 doc: "Prints Keras's table: each layer's output shape and parameter count, then the total. input_shape is the shape of one example (without the batch axis), found from a first Linear when not given.",
                 example: "model = Sequential(Linear(784, 128), ReLU(), Linear(128, 10))\nmodel.summary()") { o, a, ctx in
            ctx.write(try o.summaryText(a, ctx) + "\n")
            return .null
        }
        for method in ModelTraining.methods + ModelEvaluation.methods + ModelFile.methods { c.method(method) }
        c.index { o, items, _ in try o.layer(at: items) }
        c.length { $0.layers.count }
        c.render { $0.layer.description }
        c.summary { $0.summaryLine }
    }
}
