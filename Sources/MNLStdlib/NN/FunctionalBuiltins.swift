import MNLLearn
import MNLRuntime
import MNLSyntax
import TensorKit

/// The functional forms of the layers, for networks written from scratch (torch.nn.functional):
/// the same kernels as the layers, on tensors the caller holds. Differentiable inside grad.
enum FunctionalBuiltins {
    static var builtins: [Builtin] { [conv2d, pool("max_pool2d", max: true), pool("avg_pool2d", max: false), dropout, batchNorm] }

    static let conv2d = Builtin(
        "conv2d", [.required("x"), .required("weight"), .optional("bias", defaultText: "nil"), .optional("stride", defaultText: "1"),
                   .optional("padding", defaultText: "0")], topic: "nn",
        doc: "The 2-D convolution (cross-correlation, as PyTorch's) of x (N, C, H, W) with weight (O, C, kh, kw), plus bias (O,) when given, as F.conv2d; stride and padding are a number or a pair. One BLAS product over all windows.",
        example: "x = ones(1, 1, 4, 4)\nw = ones(2, 1, 3, 3)\nconv2d(x, w, padding=1)[0, 0]"
    ) { a, _ in
        let (x, w) = (try NNArguments.traced(a, 0), try NNArguments.traced(a, 1))
        let b = a[2] == nil ? nil : try NNArguments.traced(a, 2)
        let stride = try NNArguments.pair(a, 3) ?? (1, 1), padding = try NNArguments.pair(a, 4) ?? (0, 0)
        return NNArguments.value(try learning { try Traced.conv2d(x, w, bias: b, stride: stride, padding: padding) })
    }

    static func pool(_ name: String, max: Bool) -> Builtin {
        Builtin(name, [.required("x"), .required("kernel_size"), .optional("stride", defaultText: "kernel_size"), .optional("padding", defaultText: "0")],
                topic: "nn",
                doc: "The \(max ? "largest" : "mean") value of each kernel_size window of x (N, C, H, W), moving by stride (the kernel size by default), as F.\(name).",
                example: "\(name)(arange(16.0).reshape(1, 1, 4, 4), 2)") { a, _ in
            let x = try NNArguments.traced(a, 0)
            guard let kernel = try NNArguments.pair(a, 1) else { throw a.bad(1, expected: "integer or pair of integers", got: .null) }
            let stride = try NNArguments.pair(a, 2), padding = try NNArguments.pair(a, 3) ?? (0, 0)
            return NNArguments.value(try learning {
                max ? try x.maxPool2d(kernel: kernel, stride: stride, padding: padding) : try x.avgPool2d(kernel: kernel, stride: stride, padding: padding)
            })
        }
    }

    static let dropout = Builtin(
        "dropout", [.required("x"), .optional("p", defaultText: "0.5"), .optional("training", defaultText: "true")], topic: "nn",
        doc: "Zeroes each value of x with probability p and scales the others by 1/(1-p) (inverted dropout), drawing from the session's generator, as F.dropout; the identity with training=false.",
        example: "seed(0)\ndropout(ones(8), 0.5)"
    ) { a, ctx in
        let x = try NNArguments.traced(a, 0)
        let p = try a.number(1, default: 0.5), training = try a.bool(2, default: true)
        let layer = try learning { try Dropout(p) }
        layer.training = training
        return NNArguments.value(try learning { try layer.forward(x, ForwardRun(generator: ctx.random)) })
    }

    static let batchNorm = Builtin(
        "batch_norm", [.required("x"), .required("running_mean"), .required("running_var"), .optional("weight", defaultText: "nil"),
                       .optional("bias", defaultText: "nil"), .optional("training", defaultText: "false"),
                       .optional("momentum", defaultText: "0.1"), .optional("eps", defaultText: "1e-5")], topic: "nn",
        doc: "Batch normalisation of x (N, C, ...) per channel (axis 1), as F.batch_norm: with training=true by the batch's mean and biased variance over every other axis, and running_mean and running_var (tensors of C elements, or nil) are moved towards them in place by momentum (the variance unbiased, as PyTorch); with training=false by running_mean and running_var. Then times weight and plus bias when given. Differentiable inside grad with respect to x, weight and bias; the running statistics are plain data.",
        example: "mean = zeros(2)\nvar = ones(2)\ny = batch_norm(tensor([[1.0, 2.0], [3.0, 6.0]]), mean, var, training=true)\nprint(y)\nmean"
    ) { a, _ in
        let x = try NNArguments.traced(a, 0)
        let (runningMean, runningVar) = (try runningStatistic(a, 1), try runningStatistic(a, 2))
        let weight = a[3] == nil ? nil : try NNArguments.traced(a, 3)
        let bias = a[4] == nil ? nil : try NNArguments.traced(a, 4)
        let (training, momentum, eps) = (try a.bool(5, default: false), try a.number(6, default: 0.1), try a.number(7, default: 1e-5))
        guard momentum.isFinite, (0...1).contains(momentum) else { throw a.invalid("momentum must be between 0 and 1, got \(Value.number(momentum).rendered())") }
        guard eps.isFinite, eps > 0 else { throw a.invalid("eps must be a number above 0, got \(Value.number(eps).rendered())") }
        // PyTorch's rule: one value per channel has no variance to normalise by.
        if training, x.ndim >= 2, x.count <= x.shape[1] {
            throw a.invalid("expected more than 1 value per channel when training, got input of shape \(DiagnosticKind.shapeText(x.shape))")
        }
        return NNArguments.value(try learning {
            try BatchNorm.normalize(x, runningMean: runningMean, runningVar: runningVar, weight: weight, bias: bias,
                                    training: training, momentum: momentum, eps: eps)
        })
    }

    /// A running statistic of batch_norm: nil, or a float tensor the call may update in place,
    /// so neither a list (whose update would be lost) nor a tensor being differentiated.
    static func runningStatistic(_ a: Arguments, _ i: Int) throws -> Tensor? {
        guard let v = a[i] else { return nil }
        guard case .native(let o) = v, let t = o as? TensorObject, t.tensor.dtype.isFloatingPoint else {
            throw a.bad(i, expected: "float tensor or nil", got: v)
        }
        guard t.traced == nil else { throw a.invalid("\(a.parameterNames[i]) is updated in place, so it cannot be differentiated; detach it") }
        return t.tensor
    }
}
