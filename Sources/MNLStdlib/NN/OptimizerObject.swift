import MNLLearn
import MNLRuntime
import MNLSyntax
import TensorKit

/// An optimizer as a language value (`Adam(model.parameters(), lr=0.001)`): MNLLearn's
/// `Optimizer` over the given parameters by path. The parameters are the model's own
/// tensors, so `opt.step(grads)` updates the model in place, all parameters or none.
final class OptimizerObject: NativeObject {
    let optimizer: Optimizer
    let parameters: [(path: String, tensor: Tensor)]
    /// The rate it was made with: schedules compute from it.
    let initialLR: Double

    init(_ optimizer: Optimizer, parameters: [(path: String, tensor: Tensor)]) {
        self.optimizer = optimizer
        self.parameters = parameters
        self.initialLR = optimizer.lr
        super.init(OptimizerObject.declaration)
    }

    /// One update from gradients by path. A gradient for a path the optimizer does not hold
    /// is an error (a list of gradients against a record of parameters would otherwise
    /// update nothing, silently).
    func step(_ gradients: [String: Tensor], function: String = "step") throws {
        let known = Set(parameters.map(\.path))
        if let stray = gradients.keys.sorted().first(where: { !known.contains($0) }) {
            let paths = parameters.prefix(4).map { "'\($0.path)'" }.joined(separator: ", ") + (parameters.count > 4 ? ", ..." : "")
            throw Diagnostic(.invalidValue(function: function, message: "a gradient for '\(stray)', which is not one of the optimizer's parameters (\(paths)); give the gradients in the structure of the parameters"), at: nil)
        }
        try learning { try optimizer.step(parameters, gradients: gradients) }
    }

    static func receiver(_ v: Value) -> OptimizerObject? {
        guard case .native(let o) = v else { return nil }
        return o as? OptimizerObject
    }

    static let declaration = NativeClass(
        name: "optimizer", of: OptimizerObject.self,
        doc: "An optimizer (SGD, Adagrad, RMSprop, Adam, AdamW) over parameters by path: opt.step(grads) updates them in place from gradients of the same structure; opt.lr reads and sets the learning rate."
    ) { c in
        c.method("step", [.required("grads")],
                 doc: "Updates every parameter from its gradient: grads has the parameters' structure (a record by path, as grad with respect to a model gives, or a list for a list of parameters). All gradients are checked before any parameter changes.",
                 example: "w = tensor([1.0, 2.0])\nopt = SGD([w], lr=0.1)\nopt.step([tensor([1.0, 1.0])])\nw") { o, a, _ in
            let grads = try NNArguments.tensorsByPath(try a.value(1), a, 1)
            try o.step(Dictionary(grads.map { ($0.path, $0.object.tensor) }, uniquingKeysWith: { $1 }))
            return .null
        }
        c.method("zero_grad", doc: "Does nothing: gradients here are values that grad returns, not fields that accumulate, so there is nothing to reset. Kept so that PyTorch loops run unchanged.",
                 example: "opt = SGD([tensor([1.0])], lr=0.1)\nopt.zero_grad()") { _, _, _ in .null }
        c.method("reset", doc: "Forgets the optimizer's state (momentum, moment estimates), as a fresh optimizer over the same parameters.",
                 example: "opt = Adam([tensor([1.0])])\nopt.reset()") { o, _, _ in
            o.optimizer.reset()
            return .null
        }
        c.property("lr", doc: "The learning rate of the next step; settable (schedules set it too). A negative or non-finite rate is an error naming lr.",
                   type: .number, get: { .number($0.optimizer.lr) },
                   set: { o, v in if let n = v.numberValue { try learning { try o.optimizer.setLearningRate(n) } } })
        for method in OptimizerFile.methods { c.method(method) }
        c.property("name", doc: "The optimizer's PyTorch class name.") { .string($0.optimizer.rule.name) }
        c.render { o in o.repr }
        c.summary { o in
            "\(o.optimizer.rule.name), lr \(formatNumber(o.optimizer.lr)), \(o.parameters.count) parameter tensor\(o.parameters.count == 1 ? "" : "s")"
        }
    }
}

extension OptimizerObject {
    /// PyTorch's repr: the class, then the one parameter group's settings by name, sorted,
    /// with lr among them (booleans as the language writes them). `:vars` gives the size.
    var repr: String {
        let rule = optimizer.rule
        let settings = (rule.settings + [("lr", .number(optimizer.lr))]).sorted { $0.name < $1.name }
        let lines = settings.map { "    \($0.name): \(Self.text($0.value))" }
        return (["\(rule.name) (", "Parameter Group 0"] + lines + [")"]).joined(separator: "\n")
    }

    private static func text(_ v: OptimizerSetting) -> String {
        switch v {
        case .number(let x): formatNumber(x)
        case .flag(let b): b ? "true" : "false"
        case .pair(let a, let b): "(\(formatNumber(a)), \(formatNumber(b)))"
        }
    }
}

/// A number as the language prints it (0.001, 1e-05).
func formatNumber(_ x: Double) -> String { Value.number(x).rendered() }

enum OptimizerBuiltins {
    static var builtins: [Builtin] {
        [
            make("SGD", [.optional("momentum", defaultText: "0"), .optional("dampening", defaultText: "0"), .optional("nesterov", defaultText: "false"),
                         .optional("weight_decay", defaultText: "0")], lr: 0.01,
                 doc: "Stochastic gradient descent, as torch.optim.SGD: p -= lr·g, with momentum (the buffer starts as the first gradient), dampening, Nesterov momentum and weight decay (added to the gradient).") { a in
                try SGD(momentum: try a.number(2, default: 0), dampening: try a.number(3, default: 0), nesterov: try a.bool(4, default: false),
                        weightDecay: try a.number(5, default: 0))
            },
            make("Adagrad", [.optional("lr_decay", defaultText: "0"), .optional("weight_decay", defaultText: "0"),
                             .optional("initial_accumulator_value", defaultText: "0"), .optional("eps", defaultText: "1e-10")], lr: 0.01,
                 doc: "Adagrad, as torch.optim.Adagrad: each coordinate's step shrinks with the sum of its squared gradients.") { a in
                try Adagrad(lrDecay: try a.number(2, default: 0), weightDecay: try a.number(3, default: 0),
                            initialAccumulatorValue: try a.number(4, default: 0), eps: try a.number(5, default: 1e-10))
            },
            make("RMSprop", [.optional("alpha", defaultText: "0.99"), .optional("eps", defaultText: "1e-8"), .optional("weight_decay", defaultText: "0"),
                             .optional("momentum", defaultText: "0"), .optional("centered", defaultText: "false")], lr: 0.01,
                 doc: "RMSprop, as torch.optim.RMSprop: steps scaled by a running average (alpha) of squared gradients, optionally centred and with momentum.") { a in
                try RMSprop(alpha: try a.number(2, default: 0.99), eps: try a.number(3, default: 1e-8), weightDecay: try a.number(4, default: 0),
                            momentum: try a.number(5, default: 0), centered: try a.bool(6, default: false))
            },
            adam("Adam", decoupled: false), adam("AdamW", decoupled: true),
        ]
    }

    /// An optimizer constructor: `name(params, lr=, extra...)`; `rule` reads the extras
    /// (arguments 2 onwards).
    static func make(_ name: String, _ extra: [BuiltinParameter], lr: Double, doc: String,
                     rule: @escaping (Arguments) throws -> any UpdateRule) -> Builtin {
        Builtin(name, [.required("params"), .optional("lr", defaultText: formatNumber(lr))] + extra, topic: "nn",
                doc: doc + " params is model.parameters() (a record by path), a list of tensors or a model. Each parameter's state is created on its first update. A hyperparameter out of range is an error naming it.",
                example: "seed(0)\nmodel = Linear(3, 1)\nopt = \(name)(model.parameters(), lr=0.1)\nopt.lr") { a, ctx in
            let parameters = try parameterTensors(a, ctx)
            let learningRate = try a.number(1, default: lr)
            let optimizer = try learning { try Optimizer(try rule(a), lr: learningRate) }
            return .native(OptimizerObject(optimizer, parameters: parameters))
        }
    }

    static func adam(_ name: String, decoupled: Bool) -> Builtin {
        let decay = decoupled ? 0.01 : 0
        let how = decoupled ? "AdamW, as torch.optim.AdamW: Adam with decoupled weight decay (the parameter shrinks by lr·weight_decay before each step)."
            : "Adam, as torch.optim.Adam: steps from bias-corrected running averages of the gradient (betas[0]) and its square (betas[1]); amsgrad keeps their maximum."
        return make(name, [.optional("betas", defaultText: "(0.9, 0.999)"), .optional("eps", defaultText: "1e-8"),
                           .optional("weight_decay", defaultText: formatNumber(decay)), .optional("amsgrad", defaultText: "false")],
                    lr: 0.001, doc: how) { a in
            var betas = (0.9, 0.999)
            if let v = a[2] {
                let items: [Value]
                switch v {
                case .tuple(let t): items = t.items
                case .list(let l): items = l.items
                default: throw a.bad(2, expected: "pair of numbers", got: v)
                }
                guard items.count == 2, let b1 = items[0].numberValue, let b2 = items[1].numberValue else { throw a.bad(2, expected: "pair of numbers", got: v) }
                betas = (b1, b2)
            }
            return try Adam(beta1: betas.0, beta2: betas.1, eps: try a.number(3, default: 1e-8), weightDecay: try a.number(4, default: decay),
                            amsgrad: try a.bool(5, default: false), decoupled: decoupled)
        }
    }

    /// The parameters an optimizer updates, by path: a model's own tensors, or the tensors
    /// of a record (by key) or list (by position).
    static func parameterTensors(_ a: Arguments, _ ctx: CallContext) throws -> [(path: String, tensor: Tensor)] {
        let v = try a.value(0)
        if case .native(let o) = v, let m = o as? ModelObject { return m.parameterEntries.map { ($0.path, $0.tensor) } }
        return try NNArguments.tensorsByPath(v, a, 0).map { ($0.path, $0.object.tensor) }
    }
}
