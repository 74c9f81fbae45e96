import Foundation
import MNLLearn
import MNLRuntime
import MNLSyntax
import TensorKit

/// The loss functions, as torch.nn.functional's, on `Traced` values so that they are
/// differentiable inside `grad` and in `fit`. Each averages over the examples
/// (`reduction="mean"`) or adds them up (`"sum"`).
enum Loss: String, CaseIterable {
    case crossEntropy = "cross_entropy"
    case nll = "nll_loss"
    case mse = "mse_loss"
    case binaryCrossEntropy = "binary_cross_entropy"
    case binaryCrossEntropyWithLogits = "binary_cross_entropy_with_logits"
    case hinge = "hinge_loss"

    /// The names `fit(loss=)` takes, Keras's and PyTorch's.
    static func named(_ name: String) -> Loss? {
        switch name {
        case "cross_entropy", "categorical_crossentropy", "sparse_categorical_crossentropy": .crossEntropy
        case "nll_loss", "nll": .nll
        case "mse", "mse_loss", "mean_squared_error": .mse
        case "binary_cross_entropy", "bce", "binary_crossentropy": .binaryCrossEntropy
        case "binary_cross_entropy_with_logits", "bce_with_logits": .binaryCrossEntropyWithLogits
        case "hinge", "hinge_loss": .hinge
        default: nil
        }
    }

    /// Whether the targets are classes (integers, or one-hot rows for cross-entropy).
    var takesClasses: Bool { self == .crossEntropy || self == .nll || self == .hinge }

    /// The loss of `output` against `target`, averaged or summed over the examples.
    func callAsFunction(_ output: Traced, _ target: Traced, sum: Bool = false, margin: Double = 1) throws -> Traced {
        let mean: Traced, count: Int
        switch self {
        case .crossEntropy:
            let labels = try Loss.classes(target.value, for: output, soft: true)
            mean = try Traced.crossEntropy(output, labels: labels)
            count = labels.dtype.isFloatingPoint ? labels.count / Swift.max(output.shape.last ?? 1, 1) : labels.count
        case .nll:
            let labels = try Loss.classes(target.value, for: output, soft: false)
            (mean, count) = (try Traced.nllLoss(output, labels: labels), labels.count)
        case .mse:
            (mean, count) = (try Traced.mseLoss(output, Loss.sameShape(target, as: output)), output.count)
        case .binaryCrossEntropy:
            (mean, count) = (try Loss.binaryCrossEntropy(output, Loss.sameShape(target, as: output)), output.count)
        case .binaryCrossEntropyWithLogits:
            (mean, count) = (try Traced.binaryCrossEntropyWithLogits(output, Loss.sameShape(target, as: output)), output.count)
        case .hinge:
            let labels = try Loss.classes(target.value, for: output, soft: false)
            (mean, count) = (try Loss.multiMargin(output, labels, margin: margin), labels.count)
        }
        return sum ? try mean * Double(count) : mean
    }

    /// Class labels for `output` (…, C): integers of the leading shape (floats holding whole
    /// numbers count too, as labels often arrive as float tensors), or with `soft`,
    /// probabilities of the output's shape.
    static func classes(_ labels: Tensor, for output: Traced, soft: Bool) throws -> Tensor {
        let leading = Array(output.shape.dropLast())
        if labels.shape == leading {
            let classes = output.shape.last ?? 0
            // A label outside 0..<C (or not whole) is a mistake; -1 must not pick the last class.
            if let bad = labels.toDoubles().first(where: { !($0 >= 0 && $0 < Double(classes) && $0 == $0.rounded()) }) {
                throw TensorError.invalidArgument(op: "loss", message: "class labels must be whole numbers from 0 to \(classes - 1) for an output of \(classes) classes, got \(Value.number(bad).rendered())")
            }
            return labels.dtype.isFloatingPoint ? try labels.cast(to: .int64) : labels
        }
        if soft && labels.shape == output.shape { return try labels.cast(to: output.dtype) }
        let expected = soft ? "class indices of shape \(DiagnosticKind.shapeText(leading)) or probabilities of shape \(DiagnosticKind.shapeText(output.shape))"
            : "class indices of shape \(DiagnosticKind.shapeText(leading))"
        throw TensorError.invalidArgument(op: "loss", message: "the output has shape \(DiagnosticKind.shapeText(output.shape)), so the targets must be \(expected); got shape \(DiagnosticKind.shapeText(labels.shape))")
    }

    /// Targets of one value per output: (N,) against (N, 1) is taken as (N, 1), a common slip
    /// that would otherwise broadcast to (N, N).
    static func sameShape(_ target: Traced, as output: Traced) throws -> Traced {
        let t = target.dtype.isFloatingPoint ? target : try target.cast(to: output.dtype)
        guard t.shape != output.shape, t.count == output.count else { return t }
        return try t.reshape(output.shape)
    }

    /// -(y·log p + (1-y)·log(1-p)), with the logarithms kept finite for p at 0 or 1 (PyTorch
    /// clamps them at -100; here p is clamped at 1e-30, about -69).
    static func binaryCrossEntropy(_ p: Traced, _ y: Traced) throws -> Traced {
        let logP = try p.clip(min: 1e-30, max: nil).log()
        let logQ = try (1 - p).clip(min: 1e-30, max: nil).log()
        return try (y * logP + (1 - y) * logQ).mean().negated()
    }

    /// PyTorch's multi_margin_loss: per example, Σ_{j≠y} max(0, margin - x_y + x_j) / C.
    static func multiMargin(_ scores: Traced, _ labels: Tensor, margin: Double) throws -> Traced {
        guard let classes = scores.shape.last, scores.ndim >= 1 else {
            throw TensorError.invalidArgument(op: "hinge_loss", message: "the scores need a class axis")
        }
        let picked = try scores.takeAlong(labels.expandDims(labels.ndim), axis: -1)
        let terms = try (scores - picked + margin).relu()
        // The j = y term is max(0, margin), which the sum must not count.
        let perExample = try (terms.sum(axes: [-1]) - Swift.max(margin, 0)) / Double(classes)
        return try perExample.mean()
    }
}

enum LossBuiltins {
    static var builtins: [Builtin] {
        [
            loss(.crossEntropy, "The cross-entropy of logits (N, C) against class indices (N,) (integers) or probabilities (N, C) (one-hot or soft), as F.cross_entropy: computed through log_softmax, so it stays finite for any logits.",
                 "cross_entropy(tensor([[2.0, 0.5, -1.0]]), tensor([0]))"),
            loss(.nll, "The negative log-likelihood of log-probabilities (N, C) (a LogSoftmax output) at class indices (N,), as F.nll_loss.",
                 "nll_loss(log(tensor([[0.7, 0.2, 0.1]])), tensor([0]))"),
            loss(.mse, "The mean squared error between output and target, as F.mse_loss.", "mse_loss(tensor([1.0, 2.0]), tensor([1.5, 2.0]))"),
            loss(.binaryCrossEntropy, "The binary cross-entropy of probabilities p in [0, 1] against targets y, -(y·log p + (1-y)·log(1-p)), as F.binary_cross_entropy (the logarithms are kept finite at 0 and 1).",
                 "binary_cross_entropy(tensor([0.9, 0.2]), tensor([1.0, 0.0]))"),
            loss(.binaryCrossEntropyWithLogits, "The binary cross-entropy of logits (before the sigmoid) against targets in [0, 1], in a form that never overflows, as F.binary_cross_entropy_with_logits.",
                 "binary_cross_entropy_with_logits(tensor([2.0, -1.0]), tensor([1.0, 0.0]))"),
            Builtin("hinge_loss", [.required("scores"), .required("labels"), .optional("margin", defaultText: "1"),
                                   .optional("reduction", defaultText: "\"mean\"")], topic: "nn",
                    doc: "The multi-class hinge (SVM) loss of scores (N, C) at class indices (N,), as F.multi_margin_loss: per example Σ_{j≠y} max(0, margin - s_y + s_j) / C.",
                    example: "hinge_loss(tensor([[2.0, 1.5, -1.0]]), tensor([0]))") { a, _ in
                let (scores, labels, sum) = (try NNArguments.traced(a, 0), try NNArguments.traced(a, 1), try NNArguments.sums(a, 3))
                return NNArguments.value(try learning { try Loss.hinge(scores, labels, sum: sum, margin: try a.number(2, default: 1)) })
            },
            penalty("l1_penalty", "the sum of the absolute values of every tensor (Lasso's L1 term; multiply by λ)") { try $0.abs().sum() },
            penalty("l2_penalty", "the sum of the squares of every tensor (weight decay's L2 term, without the ½; multiply by λ)") { try ($0 * $0).sum() },
        ]
    }

    static func loss(_ kind: Loss, _ doc: String, _ example: String) -> Builtin {
        Builtin(kind.rawValue, [.required("output"), .required("target"), .optional("reduction", defaultText: "\"mean\"")], topic: "nn",
                doc: doc + " reduction=\"sum\" adds the examples' losses instead of averaging them. Differentiable inside grad.",
                example: example) { a, _ in
            let (output, target, sum) = (try NNArguments.traced(a, 0), try NNArguments.traced(a, 1), try NNArguments.sums(a, 2))
            return NNArguments.value(try learning { try kind(output, target, sum: sum) })
        }
    }

    static func penalty(_ name: String, _ what: String, _ term: @escaping (Traced) throws -> Traced) -> Builtin {
        Builtin(name, [.required("params")], topic: "nn",
                doc: "A regularisation term: \(what), over a tensor, a list or a record of tensors (model.parameters()) or a model. Differentiable inside grad.",
                example: "\(name)([tensor([1.0, -2.0]), tensor([3.0])])") { a, ctx in
            let parts: [Traced]
            if case .native(let o) = try a.value(0), let m = o as? ModelObject {
                parts = try m.tracedParameters(ctx).map(\.1)
            } else {
                parts = try NNArguments.tensorsByPath(try a.value(0), a, 0).map { $0.object.tracedValue }
            }
            return NNArguments.value(try learning {
                try parts.reduce(Traced(constant: Tensor(scalar: Float(0)))) { total, p in try total + term(p) }
            })
        }
    }
}
