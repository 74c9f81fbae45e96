import MNLLearn
import MNLRuntime
import MNLSyntax
import TensorKit

/// Keras's `predict`, `predict_proba` and `evaluate`: the model in evaluation mode over the
/// examples in batches, nothing traced.
enum ModelEvaluation {
    static var methods: [Builtin] { [predict, predictProba, evaluate] }

    /// How many examples one inference batch holds: large enough for BLAS, small enough that
    /// a big test set does not hold every activation at once.
    static let batchSize = 1000

    /// The model's output for every example of `x` (evaluation mode for the duration; the
    /// mode is restored after), computed in batches and joined.
    static func outputs(_ model: ModelObject, _ x: Tensor, _ ctx: CallContext) throws -> Tensor {
        try ScriptLayer.calling(model.layer, ctx) { try batchedOutputs(model, x, ctx) }
    }

    private static func batchedOutputs(_ model: ModelObject, _ x: Tensor, _ ctx: CallContext) throws -> Tensor {
        let wasTraining = model.layer.training
        model.layer.setTraining(false)
        defer { model.layer.setTraining(wasTraining) }
        let run = ForwardRun(generator: ctx.random)
        let n = x.shape.first ?? 0
        guard n > batchSize else { return try model.layer.forward(model.floatInput(Traced(constant: x)), run).value }
        var parts: [Tensor] = []
        for start in stride(from: 0, to: n, by: batchSize) {
            try ctx.checkInterrupt()
            let batch = try x.get([.slice(start: start, stop: min(n, start + batchSize), step: 1)])
            parts.append(try model.layer.forward(model.floatInput(Traced(constant: batch)), run).value)
        }
        return try Tensor.concat(parts, axis: 0)
    }

    /// Whether the model's last layer already gives probabilities.
    static func endsInProbabilities(_ model: ModelObject) -> Bool {
        guard let last = model.layers.last as? Activation else { return false }
        if case .softmax = last.kind { return true }
        return last.kind == .sigmoid
    }

    /// Class labels from outputs: the argmax of each row, or for one output per example
    /// (a binary classifier) whether it passes the threshold (0 for logits, ½ for
    /// probabilities).
    static func labels(_ output: Tensor, probabilities: Bool) throws -> Tensor {
        if output.ndim >= 2, let c = output.shape.last, c > 1 { return try output.argmax(axis: -1) }
        let flat = try output.reshape([output.shape.first ?? output.count])
        return try Tensor.binary(.greater, flat, probabilities ? 0.5 : 0).cast(to: .int64)
    }

    static func receiverAndInput(_ a: Arguments) throws -> (ModelObject, Tensor) {
        (try ModelObject.receiver(a), try NNArguments.tensor(a, 1))
    }

    static let predict = Builtin(
        "predict", [.required("self"), .required("x")], topic: "methods",
        doc: "The predicted class of each example (int64): the argmax of the model's output, or for a single output per example whether it is above 0 (logits) or ½ (after a Sigmoid). Runs in evaluation mode, in batches.",
        example: "seed(0)\nmodel = Sequential(Linear(4, 3))\nmodel.predict(randn(5, 4))"
    ) { a, ctx in
        let (model, x) = try receiverAndInput(a)
        return try learning { Value.tensor(try labels(try outputs(model, x, ctx), probabilities: endsInProbabilities(model))) }
    }

    static let predictProba = Builtin(
        "predict_proba", [.required("self"), .required("x")], topic: "methods",
        doc: "The class probabilities of each example: the softmax of the model's output (its sigmoid for one output per example), or the output itself when the model ends in Softmax or Sigmoid. Runs in evaluation mode.",
        example: "seed(0)\nmodel = Sequential(Linear(4, 3))\nsum(model.predict_proba(randn(2, 4)), axis=1)"
    ) { a, ctx in
        let (model, x) = try receiverAndInput(a)
        return try learning {
            let out = try outputs(model, x, ctx)
            if endsInProbabilities(model) { return Value.tensor(out) }
            let traced = Traced(constant: out)
            let p = out.ndim >= 2 && (out.shape.last ?? 1) > 1 ? try traced.softmax(axis: -1) : try traced.sigmoid()
            return Value.tensor(p.value)
        }
    }

    static let evaluate = Builtin(
        "evaluate", [.required("self"), .required("x"), .required("y"), .optional("loss", defaultText: "nil")], topic: "methods",
        doc: "The model's loss and accuracy on x and y, as a record {loss, accuracy} (accuracy only for classifiers), in evaluation mode. loss is a name as fit takes it; by default the one the last fit used, else chosen from the labels (cross_entropy for classes, mse otherwise).",
        example: "seed(0)\nmodel = Sequential(Linear(4, 3))\nr = model.evaluate(randn(6, 4), tensor([0, 1, 2, 0, 1, 2]))\nkeys(r)"
    ) { a, ctx in
        let (model, x) = try receiverAndInput(a)
        let y = try NNArguments.tensor(a, 2)
        let loss = try TrainingLoss.choose(a, 3, model: model, y: y, ctx: ctx)
        let scores = try learning { try score(model, x, y, loss, ctx) }
        var fields: [(String, Value)] = [("loss", .number(scores.loss))]
        if let accuracy = scores.accuracy { fields.append(("accuracy", .number(accuracy))) }
        return .record(RecordBox(fields))
    }

    /// Loss and accuracy over all of x, y in evaluation mode.
    static func score(_ model: ModelObject, _ x: Tensor, _ y: Tensor, _ loss: TrainingLoss, _ ctx: CallContext) throws
        -> (loss: Double, accuracy: Double?) {
        guard (x.shape.first ?? 0) == (y.shape.first ?? 0), (x.shape.first ?? 0) > 0 else {
            throw Diagnostic(.invalidValue(function: "evaluate", message: "x has \(x.shape.first ?? 0) examples and y \(y.shape.first ?? 0); they must match and not be empty"), at: nil)
        }
        let wasTraining = model.layer.training
        model.layer.setTraining(false)
        defer { model.layer.setTraining(wasTraining) }
        let run = ForwardRun(generator: ctx.random)
        let n = x.shape[0]
        var total = 0.0, correct = 0, counted = false
        for start in stride(from: 0, to: n, by: batchSize) {
            try ctx.checkInterrupt()
            let range = [IndexComponent.slice(start: start, stop: min(n, start + batchSize), step: 1)]
            let (xb, yb) = (try x.get(range), try y.get(range))
            let step = try ScriptLayer.calling(model.layer, ctx) { try loss.evaluate(model, Traced(constant: xb), yb, run, ctx) }
            total += step.loss * Double(xb.shape[0])
            if let c = try loss.correct(step.output, yb) { correct += c; counted = true }
        }
        return (total / Double(n), counted ? Double(correct) / Double(n) : nil)
    }
}
