import MNLLearn
import MNLRuntime
import MNLSyntax
import TensorKit

/// What `fit` and `evaluate` minimise and measure: a named loss or a user function
/// `(output, y) -> loss`, and how accuracy is counted for it.
struct TrainingLoss {
    enum Kind {
        case named(Loss)
        case function(Value)
    }

    let kind: Kind
    /// Whether the loss starts from the input of the model's last layer: a final Softmax
    /// before cross_entropy, or a final Sigmoid before binary_cross_entropy. Keras users
    /// end classifiers in a softmax and PyTorch's losses take logits; computing the loss
    /// from the logits (cross_entropy, binary_cross_entropy_with_logits) serves both, and
    /// never takes the log of a probability that rounded to 0.
    let skipsLast: Bool

    static let names = ["cross_entropy", "nll_loss", "mse", "binary_cross_entropy", "binary_cross_entropy_with_logits", "hinge"]

    /// `loss=` argument `i`: a name, a function, or (nil) the one the model last trained
    /// with, else a choice from the labels: classes (see `looksLikeClasses`) take cross_entropy (nll_loss
    /// after a LogSoftmax), other targets mse (binary_cross_entropy after a Sigmoid).
    static func choose(_ a: Arguments, _ i: Int, model: ModelObject, y: Tensor, ctx: CallContext) throws -> TrainingLoss {
        let last = model.layers.last as? Activation
        switch a[i] {
        case .string(let name)?:
            guard let loss = Loss.named(name) else {
                throw a.invalid("unknown loss \"\(name)\"; expected a function (output, y) -> loss or one of " + names.map { "\"\($0)\"" }.joined(separator: ", "))
            }
            return named(loss, last: last)
        case let v? where v.isCallable:
            return TrainingLoss(kind: .function(v), skipsLast: false)
        case let v?:
            throw a.bad(i, expected: "loss name or function", got: v)
        case nil:
            if let chosen = model.lastLoss { return chosen }
            if looksLikeClasses(y, model) { return named(last?.kind == .logSoftmax(axis: -1) ? .nll : .crossEntropy, last: last) }
            return named(last?.kind == .sigmoid ? .binaryCrossEntropy : .mse, last: last)
        }
    }

    /// Integer labels, or (as `tensor([0, 1, 2])` makes float32) a vector of whole numbers
    /// at least 0 for a model whose last Linear has more than one output.
    static func looksLikeClasses(_ y: Tensor, _ model: ModelObject) -> Bool {
        if !y.dtype.isFloatingPoint { return y.dtype != .bool }
        guard y.ndim == 1, let outputs = model.layers.last(where: { $0 is Linear }).map({ ($0 as? Linear)?.outFeatures ?? 1 }), outputs > 1 else {
            return false
        }
        return y.toDoubles().allSatisfy { $0 >= 0 && $0 == $0.rounded() && $0 < Double(outputs) }
    }

    static func named(_ loss: Loss, last: Activation?) -> TrainingLoss {
        let skips: Bool
        switch (loss, last?.kind) {
        case (.crossEntropy, .softmax(axis: -1)?), (.binaryCrossEntropy, .sigmoid?): skips = true
        default: skips = false
        }
        return TrainingLoss(kind: .named(loss), skipsLast: skips)
    }

    /// The model's output for the loss (without the last layer when `skipsLast`).
    func output(_ model: ModelObject, _ x: Traced, _ run: ForwardRun) throws -> Traced {
        var y = try model.floatInput(x)
        for layer in skipsLast ? Array(model.layers.dropLast()) : model.layers {
            try Cancellation.check()
            y = try layer.forward(y, run)
        }
        return y
    }

    /// The loss of one batch, on the tape when `run`'s parameters are leaves; `output` is
    /// what accuracy is counted on.
    func evaluate(_ model: ModelObject, _ x: Traced, _ y: Tensor, _ run: ForwardRun, _ ctx: CallContext) throws
        -> (loss: Double, traced: Traced, output: Tensor) {
        let out = try output(model, x, run)
        let loss: Traced
        switch kind {
        case .named(let named):
            let measured: Loss = skipsLast && named == .binaryCrossEntropy ? .binaryCrossEntropyWithLogits : named
            loss = try measured(out, Traced(constant: y))
        case .function(let f):
            loss = try userLoss(f, out, y, run, ctx)
        }
        guard loss.count == 1 else {
            throw Diagnostic(.invalidValue(function: "fit", message: "the loss must be one number, got a tensor of shape \(DiagnosticKind.shapeText(loss.shape))"), at: nil)
        }
        let value = try loss.value.cast(to: .float64).toDoubles().first ?? .nan
        return (value, loss, out.value)
    }

    /// A user's loss function called on the traced output, with the run set as the
    /// differentiation in progress (so the model and traced builtins inside it record).
    private func userLoss(_ f: Value, _ out: Traced, _ y: Tensor, _ run: ForwardRun, _ ctx: CallContext) throws -> Traced {
        let state = DifferentiationState.of(ctx.session)
        let saved = state.run
        state.run = run
        defer { state.run = saved }
        let result = try ctx.call(f, [NNArguments.value(out), Value.tensor(y)])
        switch result {
        case .native(let o as TensorObject): return o.tracedValue
        case .number(let n): return Traced(constant: Tensor(scalar: n))
        default:
            throw Diagnostic(.invalidValue(function: "fit", message: "the loss function must return a tensor or a number, got \(result.typeName)"), at: nil)
        }
    }

    /// How many examples of a batch are classified right, or nil when accuracy does not
    /// apply (regression).
    func correct(_ output: Tensor, _ y: Tensor) throws -> Int? {
        if output.ndim >= 2, let c = output.shape.last, c > 1 {
            let predicted = try output.argmax(axis: -1).toDoubles()
            let truth: [Double]
            if y.shape == output.shape {
                truth = try y.argmax(axis: -1).toDoubles()
            } else if y.shape == Array(output.shape.dropLast()) {
                truth = y.toDoubles()
            } else {
                return nil
            }
            return zip(predicted, truth).filter { $0 == $1 }.count
        }
        guard case .named(let loss) = kind, loss == .binaryCrossEntropy || loss == .binaryCrossEntropyWithLogits,
              y.count == output.count else { return nil }
        let threshold = skipsLast || loss == .binaryCrossEntropyWithLogits ? 0.0 : 0.5
        return zip(output.toDoubles(), y.toDoubles()).filter { ($0 > threshold) == ($1 > 0.5) }.count
    }
}

extension Value {
    /// Functions, builtins, methods and callable objects.
    var isCallable: Bool {
        switch self {
        case .closure, .builtin, .boundMethod: true
        default: false
        }
    }
}
