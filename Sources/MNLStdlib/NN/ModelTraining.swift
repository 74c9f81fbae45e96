import Foundation
import MNLLearn
import MNLRuntime
import MNLSyntax
import TensorKit

/// Keras's `model.fit`: mini-batch training through the tape, one forward, one backward
/// and one optimizer step per batch (the batch is a tensor: no per-example interpretation).
/// The dashboard is FitDashboard.swift.
enum ModelTraining {
    static var methods: [Builtin] { [fit] }

    static let fit = Builtin(
        "fit", [.required("self"), .required("x"), .required("y"), .optional("epochs", defaultText: "1"), .optional("batch_size", defaultText: "32"),
                .optional("optimizer", defaultText: "nil"), .optional("loss", defaultText: "nil"), .optional("validation_data", defaultText: "nil"),
                .optional("metrics", defaultText: "[\"accuracy\"]"), .optional("shuffle", defaultText: "true"), .optional("verbose", defaultText: "1"),
                .optional("patience", defaultText: "nil"), .optional("callback", defaultText: "nil")], topic: "methods",
        doc: "Trains the model on examples x and targets y (Keras's fit) and returns the history, a record of lists per epoch: loss, accuracy, val_loss, val_accuracy (accuracy for classifiers, val_ with validation_data=(xv, yv)) and time (seconds). Each batch is one forward, backward and optimizer step. optimizer is an optimizer over model.parameters() (by default Adam(lr=0.001)), or a name (\"adam\", \"sgd\", ...); loss a name (\"cross_entropy\", \"nll_loss\", \"mse\", \"binary_cross_entropy\", \"binary_cross_entropy_with_logits\", \"hinge\") or a function (output, y) -> loss; by default cross_entropy for class labels (integers, or whole numbers 0..C-1 for a classifier), mse otherwise. A final Softmax (Sigmoid) is folded into cross_entropy (binary_cross_entropy) so it stays stable. shuffle reorders the examples each epoch from the session's generator. verbose=1 shows a progress bar per epoch and a line per epoch (one plain line in a pipe), and at the end on a terminal the loss and accuracy curves; verbose=0 is silent. patience=k stops after k epochs without a better val_loss (loss without validation data). callback(epoch, logs) runs after each epoch with that epoch's numbers; returning false stops training. Ctrl-C stops after the current batch: the weights are whole and model.history holds the finished epochs.",
        example: "seed(0)\nx = randn(64, 2)\ny = (x[:, 0] > 0).astype(\"i64\")\nmodel = Sequential(Linear(2, 8), ReLU(), Linear(8, 2))\nh = model.fit(x, y, epochs=3, verbose=0)\nlen(h.loss)"
    ) { a, ctx in
        let plan = try TrainingPlan(a, ctx)
        return try ScriptLayer.calling(plan.model.layer, ctx) { try plan.run(ctx) }
    }

    /// The optimizer for `optimizer=`: an optimizer object, a name, or nil for Adam.
    static func optimizer(_ a: Arguments, _ i: Int, _ model: ModelObject) throws -> OptimizerObject {
        let parameters = model.parameterEntries.map { (path: $0.path, tensor: $0.tensor) }
        func make(_ rule: any UpdateRule, _ lr: Double) throws -> OptimizerObject {
            OptimizerObject(try learning { try Optimizer(rule, lr: lr) }, parameters: parameters)
        }
        switch a[i] {
        case nil: return try make(try learning { try Adam() }, 0.001)
        case .native(let o as OptimizerObject)?: return o
        case .string(let name)?:
            switch name.lowercased() {
            case "adam": return try make(try learning { try Adam() }, 0.001)
            case "adamw": return try make(try learning { try Adam(weightDecay: 0.01, decoupled: true) }, 0.001)
            case "sgd": return try make(try learning { try SGD() }, 0.01)
            case "rmsprop": return try make(try learning { try RMSprop() }, 0.01)
            case "adagrad": return try make(try learning { try Adagrad() }, 0.01)
            default: throw a.invalid("unknown optimizer \"\(name)\"; expected an optimizer (e.g. SGD(model.parameters(), lr=0.1)) or \"adam\", \"adamw\", \"sgd\", \"rmsprop\", \"adagrad\"")
            }
        case let v?: throw a.bad(i, expected: "optimizer", got: v)
        }
    }
}

/// Everything one `fit` call needs, read and checked before the first batch.
struct TrainingPlan {
    let model: ModelObject
    let x: Tensor
    let y: Tensor
    let epochs: Int
    let batchSize: Int
    let optimizer: OptimizerObject
    let loss: TrainingLoss
    let validation: (x: Tensor, y: Tensor)?
    let wantsAccuracy: Bool
    let shuffle: Bool
    let verbose: Int
    let patience: Int?
    let callback: Value?

    init(_ a: Arguments, _ ctx: CallContext) throws {
        model = try ModelObject.receiver(a)
        (x, y) = (try NNArguments.tensor(a, 1), try NNArguments.tensor(a, 2))
        guard let n = x.shape.first, n > 0, y.shape.first == n else {
            throw a.invalid("x has \(x.shape.first ?? 0) examples and y \(y.shape.first ?? 0); they must match and not be empty")
        }
        (epochs, batchSize) = (try a.int(3, default: 1), try a.int(4, default: 32))
        guard epochs >= 0 else { throw a.invalid("epochs must be at least 0, got \(epochs)") }
        guard batchSize >= 1 else { throw a.invalid("batch_size must be at least 1, got \(batchSize)") }
        optimizer = try ModelTraining.optimizer(a, 5, model)
        loss = try TrainingLoss.choose(a, 6, model: model, y: y, ctx: ctx)
        validation = try Self.validation(a, 7)
        wantsAccuracy = try Self.metrics(a, 8)
        (shuffle, verbose) = (try a.bool(9, default: true), try a.int(10, default: 1))
        patience = try a[11].map { _ in try a.int(11) }
        if let p = patience, p < 1 { throw a.invalid("patience must be at least 1, got \(p)") }
        callback = a[12]
        if let callback, !callback.isCallable { throw a.bad(12, expected: "function", got: callback) }
    }

    static func validation(_ a: Arguments, _ i: Int) throws -> (x: Tensor, y: Tensor)? {
        guard let v = a[i] else { return nil }
        let items: [Value]
        switch v {
        case .tuple(let t): items = t.items
        case .list(let l): items = l.items
        default: throw a.bad(i, expected: "pair (x, y)", got: v)
        }
        guard items.count == 2 else { throw a.bad(i, expected: "pair (x, y)", got: v) }
        let (x, y) = (try TensorConversion.tensor(items[0], argument: "fit"), try TensorConversion.tensor(items[1], argument: "fit"))
        guard let n = x.shape.first, n > 0, y.shape.first == n else {
            throw a.invalid("validation_data: x has \(x.shape.first ?? 0) examples and y \(y.shape.first ?? 0); they must match and not be empty")
        }
        return (x, y)
    }

    /// `metrics=`: only "accuracy" (Keras's "acc" too) is known; an empty list measures none.
    static func metrics(_ a: Arguments, _ i: Int) throws -> Bool {
        guard let v = a[i] else { return true }
        guard case .list(let l) = v else { throw a.bad(i, expected: "list of metric names", got: v) }
        for item in l.items {
            guard case .string(let s) = item, s == "accuracy" || s == "acc" else {
                throw a.invalid("unknown metric \(item.rendered().debugDescription); fit knows \"accuracy\"")
            }
        }
        return !l.items.isEmpty
    }

    /// Trains, epoch by epoch, and returns the history.
    func run(_ ctx: CallContext) throws -> Value {
        let history = TrainingHistory()
        model.history = .record(history.record)
        model.lastLoss = loss
        let dashboard = FitDashboard(verbose: verbose, epochs: epochs, ctx: ctx)
        var best = Double.infinity, sinceBest = 0
        for epoch in 0..<epochs {
            let started = dashboard.now
            model.layer.setTraining(true)
            let (trainLoss, trainAccuracy) = try trainEpoch(epoch, dashboard, ctx)
            var logs: [(String, Double)] = [("loss", trainLoss)]
            if wantsAccuracy, let trainAccuracy { logs.append(("accuracy", trainAccuracy)) }
            if let validation {
                let scores = try learning { try ModelEvaluation.score(model, validation.x, validation.y, loss, ctx) }
                logs.append(("val_loss", scores.loss))
                if wantsAccuracy, let accuracy = scores.accuracy { logs.append(("val_accuracy", accuracy)) }
            }
            logs.append(("time", dashboard.now - started))
            history.append(logs)
            dashboard.epochEnded(epoch, logs)
            if let callback {
                let answer = try ctx.call(callback, [.number(Double(epoch)), .record(RecordBox(logs.map { ($0.0, .number($0.1)) }))])
                if case .bool(false) = answer { break }
            }
            if let patience {
                let monitored = logs.first { $0.0 == (validation == nil ? "loss" : "val_loss") }?.1 ?? .infinity
                if monitored < best { (best, sinceBest) = (monitored, 0) } else { sinceBest += 1 }
                if sinceBest >= patience {
                    dashboard.note("early stopping: no better \(validation == nil ? "loss" : "val_loss") in \(patience) epoch\(patience == 1 ? "" : "s")")
                    break
                }
            }
        }
        dashboard.finished(history)
        return .record(history.record)
    }

    /// One pass over the examples in batches; returns the mean loss and the accuracy.
    /// Ctrl-C is honoured between batches, after an optimizer step, so the weights are
    /// never half-updated.
    private func trainEpoch(_ epoch: Int, _ dashboard: FitDashboard, _ ctx: CallContext) throws -> (Double, Double?) {
        let n = x.shape[0]
        let order: [Int] = shuffle ? try learning { try Tensor.permutation(n, using: ctx.random).toDoubles().map { Int($0) } } : Array(0..<n)
        let batches = (n + batchSize - 1) / batchSize
        dashboard.epochStarted(epoch, batches: batches)
        defer { dashboard.epochClosed() }
        var total = 0.0, correct = 0, counted = false, seen = 0
        for b in 0..<batches {
            let indices = Array(order[(b * batchSize)..<min(n, (b + 1) * batchSize)])
            // The kernels' own Ctrl-C checks are off inside a batch (a few milliseconds), so
            // an interrupt lets it finish its optimizer step and stops right after.
            let step = try Cancellation.$current.withValue(nil) { try learning { try trainBatch(indices, ctx) } }
            total += step.loss * Double(indices.count)
            seen += indices.count
            if let c = step.correct { correct += c; counted = true }
            try ctx.checkInterrupt()
            dashboard.batchEnded(loss: total / Double(seen), accuracy: wantsAccuracy && counted ? Double(correct) / Double(seen) : nil)
        }
        return (total / Double(n), counted ? Double(correct) / Double(n) : nil)
    }

    /// One forward, backward and optimizer step on the examples at `indices`.
    private func trainBatch(_ indices: [Int], _ ctx: CallContext) throws -> (loss: Double, correct: Int?) {
        let take = try Tensor(shape: [indices.count], values: indices.map(Double.init), dtype: .int64)
        let (xb, yb) = (try x.take(take, axis: 0), try y.take(take, axis: 0))
        let tape = Tape(), run = ForwardRun(generator: ctx.random)
        let leaves = model.parameterEntries.map { entry -> (String, Traced) in
            let leaf = tape.leaf(entry.tensor)
            run.trace(entry, as: leaf)
            return (entry.path, leaf)
        }
        let step = try loss.evaluate(model, Traced(constant: xb), yb, run, ctx)
        guard step.loss.isFinite else {
            throw Diagnostic(.invalidValue(function: "fit", message: "the loss became \(step.loss) (diverged); try a smaller learning rate"), at: nil)
        }
        guard step.traced.isTraced || leaves.isEmpty else {
            throw Diagnostic(.invalidValue(function: "fit", message: "the loss does not depend on the model's parameters through differentiable operations (a loss function must compute on the output it is given)"), at: nil)
        }
        let gradients = try tape.backward(step.traced)
        let byPath = try leaves.map { ($0.0, try gradients[$0.1]) }
        try optimizer.step(Dictionary(byPath, uniquingKeysWith: { $1 }), function: "fit")
        return (step.loss, try loss.correct(step.output, yb))
    }
}

/// The history record `fit` returns, filled epoch by epoch so that it holds the finished
/// epochs whatever stops training.
final class TrainingHistory {
    let record = RecordBox()
    private var lists: [String: ListBox] = [:]

    /// Per-epoch values by name, in order.
    private(set) var columns: [(String, [Double])] = []

    func append(_ logs: [(String, Double)]) {
        for (name, value) in logs {
            if let list = lists[name] {
                list.items.append(.number(value))
                if let i = columns.firstIndex(where: { $0.0 == name }) { columns[i].1.append(value) }
            } else {
                let list = ListBox([.number(value)])
                lists[name] = list
                record[name] = .list(list)
                columns.append((name, [value]))
            }
        }
    }

    func values(_ name: String) -> [Double] { columns.first { $0.0 == name }?.1 ?? [] }
}
