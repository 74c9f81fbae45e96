import MNLLearn
import MNLRuntime
import MNLSyntax
import TensorKit

/// The functional forms of the layers, for networks written from scratch (torch.nn.functional):
/// the same kernels as the layers, on tensors the caller holds. Differentiable inside grad.
enum FunctionalBuiltins {
    static var builtins: [Builtin] { [conv2d, pool("max_pool2d", max: true), pool("avg_pool2d", max: false), dropout] }

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
}
