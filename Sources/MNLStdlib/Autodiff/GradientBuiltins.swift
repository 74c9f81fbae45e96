import MNLRuntime
import MNLSyntax
import TensorKit

/// `grad`, `value_and_grad` and `detach` (JAX's names), and the functional `softmax`,
/// `log_softmax` and `logsumexp`. Grammar.md, "Gradients", says what is differentiable.
enum GradientBuiltins {
    static var builtins: [Builtin] { [grad, valueAndGrad, detach, softmax, logSoftmax, logsumexp] }

    /// The ones that are tensor methods too (`x.detach()`, `x.softmax()`, as PyTorch).
    static var methods: [Builtin] { [detach, softmax, logSoftmax, logsumexp] }

    static let grad = Builtin("grad", [.required("f"), .optional("argnums", defaultText: "0")], topic: "autodiff",
        doc: "The gradient function of f, as JAX's grad: grad(f)(args...) is the gradient of f's result (a number or a one-element tensor) with respect to the argument at argnums (an int, or a list or tuple of ints for a tuple of gradients). An argument may be a float tensor, a number, a list, tuple or record of them (the gradient has its structure), or a model (a record of gradients by parameter path). f may use loops, conditions and calls; see Grammar.md, Gradients.",
        example: "df = grad(fn(x) { sum(x ** 2) })\ndf(tensor([1, 2, 3]))\ngrad(fn(w, b) { w * 3 + b }, argnums=[0, 1])(2, 5)") { a, _ in
        try differentiable(a, withValue: false)
    }

    static let valueAndGrad = Builtin("value_and_grad", [.required("f"), .optional("argnums", defaultText: "0")], topic: "autodiff",
        doc: "Like grad, but the function it returns gives (value, gradient): f's result and its gradient from the same run, as JAX's value_and_grad.",
        example: "(loss, g) = value_and_grad(fn(w) { mean((w - 1) ** 2) })(tensor([0, 3]))\nprint(loss, g)") { a, _ in
        try differentiable(a, withValue: true)
    }

    static let detach = Builtin("detach", [.required("x")], topic: "autodiff",
        doc: "x's value without its gradient (JAX's stop_gradient, PyTorch's detach): inside grad, what is computed from it counts as a constant; elsewhere x itself.",
        example: "grad(fn(x) { sum(x * detach(x)) })(tensor([1, 2]))") { a, _ in
        Differentiable.detached(try a.value(0))
    }

    static let softmax = Builtin("softmax", [.required("x"), .optional("axis", defaultText: "-1")], topic: "autodiff",
        doc: "exp(x) / sum(exp(x)) along axis (the last by default), computed stably: each slice is a probability distribution.",
        example: "softmax(tensor([[1, 2, 3], [0, 0, 0]]))") { a, _ in
        let x = try a.tensor(0), axis = try axisArgument(a)
        return try bridging { .tensor(try Traced(constant: x).softmax(axis: axis).value) }
    }

    static let logSoftmax = Builtin("log_softmax", [.required("x"), .optional("axis", defaultText: "-1")], topic: "autodiff",
        doc: "log(softmax(x)) along axis (the last by default), computed stably as x - logsumexp(x): never -inf for finite x.",
        example: "log_softmax(tensor([1000, 0]))") { a, _ in
        let x = try a.tensor(0), axis = try axisArgument(a)
        return try bridging { .tensor(try Traced(constant: x).logSoftmax(axis: axis).value) }
    }

    static let logsumexp = Builtin("logsumexp", [.required("x"), .optional("axis", defaultText: "nil"), .optional("keepdims", defaultText: "false")],
        topic: "autodiff", doc: "log(sum(exp(x))) over all or over axis=, computed stably (the maximum is taken out first), as scipy.special.logsumexp.",
        example: "logsumexp(tensor([1000, 1000]))\nlogsumexp(tensor([[0, 0], [1, 2]]), axis=1)") { a, _ in
        let x = try a.tensor(0), axes = try TensorConversion.axes(a[1], function: "logsumexp"), keep = try a.bool(2, default: false)
        return try bridging { .tensor(try Traced(constant: x).logsumexp(axes: axes, keepdims: keep).value) }
    }

    static func axisArgument(_ a: Arguments) throws -> Int {
        try a[1].map { try TensorConversion.axis($0, function: a.function) } ?? -1
    }

    /// The function `grad(f, argnums)` or `value_and_grad(f, argnums)` returns.
    static func differentiable(_ a: Arguments, withValue: Bool) throws -> Value {
        let f = try a.value(0)
        switch f {
        case .closure, .builtin, .boundMethod, .classType: break
        default: throw a.bad(0, expected: "function", got: f)
        }
        let argnums = try Argnums(a[1], function: a.function)
        let name = "\(a.function)(\(functionName(f)))"
        let builtin = Builtin(name, [.variadic("args"), .keywords("kwargs")], topic: "autodiff",
                              doc: "The \(withValue ? "value and gradient" : "gradient") of \(functionName(f)) with respect to its arguments \(argnums.text).",
                              example: "") { call, ctx in
            let run = GradientRun(function: a.function, argnums: argnums, context: ctx)
            let (value, gradient) = try run.evaluate(f, call.rest, call.extraKeywords)
            return withValue ? .tuple(TupleBox([value, gradient])) : gradient
        }
        return .builtin(BuiltinFunction(builtin))
    }

    static func functionName(_ f: Value) -> String {
        switch f {
        case .closure(let c): c.name.isEmpty ? "fn" : c.name
        case .builtin(let b): b.name
        default: f.typeName
        }
    }
}

/// `argnums=`: one position (the gradient comes alone) or a list or tuple of them (a tuple
/// of gradients, in that order).
struct Argnums {
    let positions: [Int]
    let single: Bool

    init(_ v: Value?, function: String) throws {
        func position(_ v: Value) throws -> Int {
            guard let n = v.numberValue else {
                throw Diagnostic(.badArgument(function: function, position: 2, name: "argnums", expected: "integer or list of integers", got: v.typeName), at: nil)
            }
            let i = try IntegerConversion.int(n, what: "argnums of '\(function)'")
            guard i >= 0 else { throw Diagnostic(.invalidValue(function: function, message: "argnums must be non-negative, got \(i)"), at: nil) }
            return i
        }
        switch v {
        case nil: (positions, single) = ([0], true)
        case .list(let l)?: (positions, single) = (try l.items.map(position), false)
        case .tuple(let t)?: (positions, single) = (try t.items.map(position), false)
        case let v?: (positions, single) = ([try position(v)], true)
        }
        guard !positions.isEmpty else { throw Diagnostic(.invalidValue(function: function, message: "argnums is empty"), at: nil) }
        guard Set(positions).count == positions.count else {
            throw Diagnostic(.invalidValue(function: function, message: "argnums repeats a position"), at: nil)
        }
    }

    var text: String { single ? "#\(positions[0] + 1)" : positions.map { "#\($0 + 1)" }.joined(separator: ", ") }
}
