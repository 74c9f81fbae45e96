import MNLLearn
import MNLRuntime
import MNLSyntax
import TensorKit

/// A learning-rate schedule as a language value (`StepLR(opt, 10, 0.5)`): `sched.step()`
/// ends an epoch and sets the optimizer's rate for the next, in closed form from the rate
/// the optimizer was made with (MNLLearn's `Schedule`), or from a user function.
final class ScheduleObject: NativeObject {
    enum Rule {
        case closedForm(Schedule)
        /// LambdaLR: the rate is the initial rate times fn(epoch).
        case function(Value)
    }

    let optimizer: OptimizerObject
    let rule: Rule
    let name: String
    private(set) var epoch = 0

    init(_ optimizer: OptimizerObject, _ rule: Rule, name: String) {
        (self.optimizer, self.rule, self.name) = (optimizer, rule, name)
        super.init(ScheduleObject.declaration)
    }

    /// The rate for `epoch`, set on the optimizer.
    func apply(_ ctx: CallContext) throws {
        let base = optimizer.initialLR
        let lr: Double
        switch rule {
        case .closedForm(let s): lr = s.rate(epoch: epoch, base: base)
        case .function(let f):
            let factor = try ctx.call(f, [.number(Double(epoch))])
            guard let k = factor.numberValue else {
                throw Diagnostic(.invalidValue(function: "LambdaLR", message: "the function must return a number (the factor of the initial lr), got \(factor.typeName)"), at: nil)
            }
            lr = base * k
        }
        try learning { try optimizer.optimizer.setLearningRate(lr) }
    }

    static let declaration = NativeClass(
        name: "scheduler", of: ScheduleObject.self,
        doc: "A learning-rate schedule (StepLR, ExponentialLR, CosineAnnealingLR, LambdaLR) driving an optimizer's lr: call sched.step() once per epoch."
    ) { c in
        c.method("step", doc: "Ends an epoch: sets the optimizer's lr to the schedule's rate for the next one.",
                 example: "opt = SGD([tensor([1.0])], lr=0.1)\nsched = StepLR(opt, 2, 0.5)\nfor e in range(4) { sched.step() }\nopt.lr") { o, _, ctx in
            o.epoch += 1
            try o.apply(ctx)
            return .null
        }
        c.method("get_last_lr", doc: "The current rate, in a list as PyTorch returns it (one per parameter group; here one).",
                 example: "opt = SGD([tensor([1.0])], lr=0.1)\nExponentialLR(opt, 0.9).get_last_lr()") { o, _, _ in
            .list([.number(o.optimizer.optimizer.lr)])
        }
        c.property("last_epoch", doc: "How many times step() ran.") { .number(Double($0.epoch)) }
        c.render { o in "\(o.name)(epoch=\(o.epoch), lr=\(formatNumber(o.optimizer.optimizer.lr)))" }
    }
}

enum ScheduleBuiltins {
    static var builtins: [Builtin] {
        [
            closedForm("StepLR", [.required("step_size"), .optional("gamma", defaultText: "0.1")],
                       doc: "Multiplies the rate by gamma every step_size epochs, as torch.optim.lr_scheduler.StepLR.",
                       example: "opt = SGD([tensor([1.0])], lr=0.1)\nsched = StepLR(opt, 2, 0.5)\nfor e in range(4) { sched.step() }\nopt.lr") { a in
                .step(size: try a.int(1), gamma: try a.number(2, default: 0.1))
            },
            closedForm("ExponentialLR", [.required("gamma")], doc: "Multiplies the rate by gamma every epoch, as torch.optim.lr_scheduler.ExponentialLR.",
                       example: "opt = SGD([tensor([1.0])], lr=0.1)\nsched = ExponentialLR(opt, 0.5)\nsched.step()\nopt.lr") { a in
                .exponential(gamma: try a.number(1))
            },
            closedForm("CosineAnnealingLR", [.required("T_max"), .optional("eta_min", defaultText: "0")],
                       doc: "Half a cosine from the initial rate down to eta_min over T_max epochs, as torch.optim.lr_scheduler.CosineAnnealingLR.",
                       example: "opt = SGD([tensor([1.0])], lr=0.1)\nsched = CosineAnnealingLR(opt, 10)\nfor e in range(5) { sched.step() }\nopt.lr") { a in
                .cosine(tMax: try a.int(1), etaMin: try a.number(2, default: 0))
            },
            Builtin("LambdaLR", [.required("optimizer"), .required("lr_lambda")], topic: "nn",
                    doc: "The rate in epoch e is the initial rate times lr_lambda(e), a function written in mnl, as torch.optim.lr_scheduler.LambdaLR.",
                    example: "opt = SGD([tensor([1.0])], lr=0.1)\nsched = LambdaLR(opt, fn(e) { 1 / (e + 1) })\nsched.step()\nopt.lr") { a, ctx in
                let opt = try optimizer(a)
                let f = try a.value(1)
                guard f.isCallable else { throw a.bad(1, expected: "function", got: f) }
                let s = ScheduleObject(opt, .function(f), name: "LambdaLR")
                try s.apply(ctx)
                return .native(s)
            },
        ] + clipping
    }

    static func optimizer(_ a: Arguments) throws -> OptimizerObject {
        let v = try a.value(0)
        guard let o = OptimizerObject.receiver(v) else { throw a.bad(0, expected: "optimizer", got: v) }
        return o
    }

    static func closedForm(_ name: String, _ parameters: [BuiltinParameter], doc: String, example: String,
                           _ make: @escaping (Arguments) throws -> Schedule) -> Builtin {
        Builtin(name, [.required("optimizer")] + parameters, topic: "nn",
                doc: doc + " Call sched.step() once per epoch; a bad hyperparameter is an error naming it.", example: example) { a, ctx in
            let opt = try optimizer(a)
            let schedule = try learning { try make(a).validated() }
            return .native(ScheduleObject(opt, .closedForm(schedule), name: name))
        }
    }

    static var clipping: [Builtin] {
        [
            Builtin("clip_grad_norm", [.required("grads"), .required("max_norm"), .optional("norm_type", defaultText: "2")], topic: "nn",
                    doc: "Gradients scaled down so that their total norm (of all of them together) is at most max_norm, as torch.nn.utils.clip_grad_norm_; returns (clipped, total_norm) with the norm before clipping. grads is a record by path or a list, and the clipped gradients have its structure (gradients are values here, so nothing changes in place).",
                    example: "(g, n) = clip_grad_norm([tensor([3.0, 4.0])], 1.0)\nprint(g[0], n)") { a, _ in
                let (grads, v) = try gradients(a)
                let maxNorm = try a.number(1), norm = try a.number(2, default: 2)
                let clipped = try learning { try GradientClipping.byNorm(grads, maxNorm: maxNorm, norm: norm) }
                return .tuple([NNArguments.restructured(clipped.gradients, like: v), .number(clipped.total)])
            },
            Builtin("clip_grad_value", [.required("grads"), .required("clip_value")], topic: "nn",
                    doc: "Every gradient clamped to [-clip_value, clip_value], as torch.nn.utils.clip_grad_value_; returns the clipped gradients in the structure of grads.",
                    example: "clip_grad_value({w: tensor([3.0, -0.5])}, 1.0)") { a, _ in
                let (grads, v) = try gradients(a)
                let value = try a.number(1)
                return NNArguments.restructured(try learning { try GradientClipping.byValue(grads, value: value) }, like: v)
            },
        ]
    }

    static func gradients(_ a: Arguments) throws -> ([String: Tensor], Value) {
        let v = try a.value(0)
        let items = try NNArguments.tensorsByPath(v, a, 0)
        return (Dictionary(items.map { ($0.path, $0.object.tensor) }, uniquingKeysWith: { $1 }), v)
    }
}
