import MNLLearn
import MNLRuntime
import MNLSyntax
import TensorKit

/// The layer constructors, named and parameterised as torch.nn's. Each makes a `model`
/// object; weights are drawn from the session's generator, so `seed(n)` reproduces them.
enum LayerBuiltins {
    static var builtins: [Builtin] { [linear, conv2d, pool("MaxPool2d", .max), pool("AvgPool2d", .average), flatten, dropout,
                                      batchNorm("BatchNorm1d", spatial: false), batchNorm("BatchNorm2d", spatial: true), sequential]
        + activations }

    static let initDoc = "init= picks the weight initialiser: \"xavier_uniform\", \"xavier_normal\", \"he_uniform\" (= \"kaiming_uniform\"), \"he_normal\" (= \"kaiming_normal\"), \"normal\" (std 0.01) or \"zeros\"; the bias then starts at zero. Without it, PyTorch's default U(±1/√fan_in) for both."

    static func model(_ layer: any Layer) -> Value { .native(ModelObject(layer)) }

    static let linear = Builtin(
        "Linear", [.required("in_features"), .required("out_features"), .optional("bias", defaultText: "true"),
                   .optional("init", defaultText: "nil")], topic: "nn",
        doc: "A fully connected layer, as nn.Linear: y = x @ W.T + b, with W of shape (out_features, in_features). " + initDoc,
        example: "seed(0)\nlayer = Linear(3, 2, init=\"xavier_uniform\")\nlayer(ones(4, 3)).shape"
    ) { a, ctx in
        let (inputs, outputs, bias, initializer) = (try a.int(0), try a.int(1), try a.bool(2, default: true), try NNArguments.initializer(a, 3))
        return model(try learning { try Linear(inputs, outputs, bias: bias, initializer: initializer, using: ctx.random) })
    }

    static let conv2d = Builtin(
        "Conv2d", [.required("in_channels"), .required("out_channels"), .required("kernel_size"), .optional("stride", defaultText: "1"),
                   .optional("padding", defaultText: "0"), .optional("bias", defaultText: "true"), .optional("init", defaultText: "nil")],
        topic: "nn",
        doc: "A 2-D convolution over (N, C, H, W) inputs, as nn.Conv2d; kernel_size, stride and padding are a number or a pair (h, w). Runs as one BLAS product over all windows. " + initDoc,
        example: "seed(0)\nconv = Conv2d(1, 4, 3, padding=1)\nconv(zeros(2, 1, 8, 8)).shape"
    ) { a, ctx in
        guard let kernel = try NNArguments.pair(a, 2) else { throw a.bad(2, expected: "integer or pair of integers", got: .null) }
        let stride = try NNArguments.pair(a, 3) ?? (1, 1), padding = try NNArguments.pair(a, 4) ?? (0, 0)
        let (inputs, outputs, bias, initializer) = (try a.int(0), try a.int(1), try a.bool(5, default: true), try NNArguments.initializer(a, 6))
        return model(try learning {
            try Conv2d(inputs, outputs, kernel: kernel, stride: stride, padding: padding, bias: bias, initializer: initializer, using: ctx.random)
        })
    }

    static func pool(_ name: String, _ kind: Pool2d.Kind) -> Builtin {
        let what = kind == .max ? "largest" : "mean"
        return Builtin(name, [.required("kernel_size"), .optional("stride", defaultText: "kernel_size"), .optional("padding", defaultText: "0")],
                       topic: "nn",
                       doc: "2-D pooling over (N, C, H, W) inputs, as nn.\(name): the \(what) value of each kernel_size window, moving by stride (the kernel size by default).",
                       example: "\(name)(2)(ones(1, 1, 4, 4)).shape") { a, _ in
            guard let kernel = try NNArguments.pair(a, 0) else { throw a.bad(0, expected: "integer or pair of integers", got: .null) }
            let stride = try NNArguments.pair(a, 1), padding = try NNArguments.pair(a, 2) ?? (0, 0)
            return model(try learning { try Pool2d(kind, kernel: kernel, stride: stride, padding: padding) })
        }
    }

    static let flatten = Builtin("Flatten", topic: "nn", doc: "Flattens every axis after the first, (N, C, H, W) to (N, C·H·W), as nn.Flatten.",
                                 example: "Flatten()(zeros(2, 3, 4)).shape") { _, _ in model(Flatten()) }

    static let dropout = Builtin(
        "Dropout", [.optional("p", defaultText: "0.5")], topic: "nn",
        doc: "In training mode, zeroes each value with probability p and scales the others by 1/(1-p), drawing from the session's generator; the identity in evaluation mode (model.eval(), predict, evaluate).",
        example: "seed(0)\nd = Dropout(0.5)\nd(ones(6))"
    ) { a, _ in
        let p = try a.number(0, default: 0.5)
        return model(try learning { try Dropout(p) })
    }

    static func batchNorm(_ name: String, spatial: Bool) -> Builtin {
        let shapes = spatial ? "(N, C, H, W)" : "(N, C) or (N, C, L)"
        return Builtin(name, [.required("num_features"), .optional("eps", defaultText: "1e-5"), .optional("momentum", defaultText: "0.1")],
                       topic: "nn",
                       doc: "Batch normalisation over \(shapes) inputs, as nn.\(name): in training each channel is normalised by the batch's mean and variance (and the running statistics follow them by momentum), in evaluation by the running statistics; then scaled and shifted by trained weight and bias.",
                       example: spatial ? "BatchNorm2d(3)(randn(4, 3, 2, 2)).shape" : "BatchNorm1d(3)(randn(4, 3)).shape") { a, _ in
            let (n, eps, momentum) = (try a.int(0), try a.number(1, default: 1e-5), try a.number(2, default: 0.1))
            return model(try learning { try BatchNorm(n, spatial: spatial, eps: eps, momentum: momentum) })
        }
    }

    static var activations: [Builtin] {
        [
            activation("ReLU", .relu, "max(x, 0)"),
            activation("Sigmoid", .sigmoid, "1 / (1 + exp(-x))"),
            activation("Tanh", .tanh, "tanh(x)"),
            gelu,
            Builtin("LeakyReLU", [.optional("negative_slope", defaultText: "0.01")], topic: "nn",
                    doc: "x for x ≥ 0, negative_slope·x below, as nn.LeakyReLU.", example: "LeakyReLU(0.1)(tensor([-1.0, 2.0]))") { a, _ in
                model(Activation(.leakyRelu(slope: try a.number(0, default: 0.01))))
            },
            Builtin("Softmax", [.optional("dim", defaultText: "-1")], topic: "nn",
                    doc: "exp(x) / sum(exp(x)) along dim (the last axis by default), as nn.Softmax.",
                    example: "Softmax()(tensor([[1.0, 2.0, 3.0]]))") { a, _ in
                model(Activation(.softmax(axis: try a.int(0, default: -1))))
            },
            Builtin("LogSoftmax", [.optional("dim", defaultText: "-1")], topic: "nn",
                    doc: "log(softmax(x)) along dim, computed stably, as nn.LogSoftmax (pair it with nll_loss).",
                    example: "LogSoftmax()(tensor([[1.0, 2.0, 3.0]]))") { a, _ in
                model(Activation(.logSoftmax(axis: try a.int(0, default: -1))))
            },
        ]
    }

    /// PyTorch's default is the exact form; "tanh" picks the approximation older code used.
    static let gelu = Builtin(
        "GELU", [.optional("approximate", defaultText: "\"none\"")], topic: "nn",
        doc: "The activation x·Φ(x) for each element (Φ the standard normal CDF, through erf), as nn.GELU (a layer without parameters); approximate=\"tanh\" gives PyTorch's tanh approximation 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). A saved model keeps the form.",
        example: "GELU()(tensor([-1.0, 0.0, 2.0]))"
    ) { a, _ in
        let name = try a.string(0, default: "none")
        guard let form = GELUApproximation(rawValue: name) else {
            throw a.invalid("approximate must be \"none\" or \"tanh\", got \"\(name)\"")
        }
        return model(Activation(.gelu(form)))
    }

    static func activation(_ name: String, _ kind: Activation.Kind, _ formula: String) -> Builtin {
        Builtin(name, topic: "nn", doc: "The activation \(formula) for each element, as nn.\(name) (a layer without parameters).",
                example: "\(name)()(tensor([-1.0, 0.0, 2.0]))") { _, _ in model(Activation(kind)) }
    }

    static let sequential = Builtin(
        "Sequential", [.variadic("layers")], topic: "nn",
        doc: "Layers applied in order, as nn.Sequential; they are named \"0\", \"1\", ... so parameter paths read \"0.weight\". model[i] is a layer, len(model) their number. A list of layers may be given instead of several arguments. An instance of your own class is a layer when it has a method forward(self, x): its tensor fields are its parameters and the layers in its fields its sub-layers (paths \"fc1.weight\").",
        example: "seed(0)\nmodel = Sequential(Linear(784, 128), ReLU(), Linear(128, 10))\nmodel(zeros(2, 784)).shape"
    ) { a, _ in
        var values = a.rest
        if values.count == 1, case .list(let l) = values[0] { values = l.items }
        let layers = try values.enumerated().map { i, v -> any Layer in
            if case .native(let o) = v, let m = o as? ModelObject { return m.layer }
            if case .instance(let instance) = v {
                guard let layer = ScriptLayer(instance) else {
                    throw Diagnostic(.invalidValue(function: "Sequential", message: "\(instance.cls.name) has no forward method; a class is a layer when it has forward(self, x)"), at: nil)
                }
                return layer
            }
            throw Diagnostic(.badArgument(function: "Sequential", position: i + 1, name: "", expected: "layer", got: v.typeName), at: nil)
        }
        // Every walk of a model (parameters, forward, saving) recurses once per level.
        if layers.contains(where: { nesting($0, limit: maxNesting) >= maxNesting }) {
            throw a.invalid("models nest at most \(maxNesting) levels deep")
        }
        return model(Sequential(layers))
    }

    static let maxNesting = 100

    /// How deeply `layer` nests sub-layers, counted up to `limit`.
    static func nesting(_ layer: any Layer, limit: Int) -> Int {
        guard limit > 0 else { return 0 }
        return 1 + (layer.children.map { nesting($0.layer, limit: limit - 1) }.max() ?? 0)
    }
}
