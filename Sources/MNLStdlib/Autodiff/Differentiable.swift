import MNLRuntime
import MNLSyntax
import TensorKit

/// How builtins meet traced tensors inside `grad` (Grammar.md, "Gradients"). Every builtin
/// is in one of three kinds, decided here and nowhere else:
/// - **differentiable**: it has a rule in `DifferentiableRules`; `wrap` gives it a body that
///   runs the rule whenever an argument (or an element of a list argument) is traced, and the
///   builtin's own body otherwise, so code outside `grad` pays one check per call;
/// - **value-only**: its result carries no gradient by nature (argmax, comparisons, counts,
///   rounding); it is listed in `valueOnly` and reads the traced tensor's value;
/// - **everything else**: the tensor-argument accessor (`TensorConversion.tensor`) refuses a
///   traced tensor with `notDifferentiable`, naming the builtin, so no builtin can silently
///   drop a gradient.
enum Differentiable {
    /// Builtins whose results hold no gradient: indices, counts, masks, piecewise-constant
    /// functions (their derivative is zero wherever it exists, JAX's answer too).
    static let valueOnly: Set<String> = [
        "argmax", "argmin", "argsort", "argpartition", "argwhere", "nonzero", "all", "any", "isnan", "isinf",
        "isfinite", "sign", "floor", "ceil", "round", "trunc", "isclose", "allclose", "array_equal", "logical_and",
        "logical_or", "logical_xor", "logical_not", "count_nonzero", "searchsorted", "digitize", "bincount",
        "zeros_like", "ones_like",
    ]

    /// Throws unless `function` may read a traced tensor's value.
    static func checkValueUse(_ function: String) throws {
        guard !valueOnly.contains(function) else { return }
        throw Diagnostic(.notDifferentiable(operation: function), at: nil)
    }

    /// `v` without its gradient when it is a traced tensor (the value, as `detach(v)`).
    static func detached(_ v: Value) -> Value {
        guard case .native(let o) = v, let t = o as? TensorObject, t.traced != nil else { return v }
        return .tensor(t.base)
    }

    /// True when `v` is a traced tensor or a list or tuple holding one (`concat([a, w])`).
    static func holdsTraced(_ v: Value) -> Bool {
        switch v {
        case .native: TensorObject.isTraced(v)
        case .list(let l): l.items.contains(where: TensorObject.isTraced)
        case .tuple(let t): t.items.contains(where: TensorObject.isTraced)
        default: false
        }
    }

    static func holdsTraced(_ a: Arguments) -> Bool {
        a.named.contains { $0.map(holdsTraced) ?? false } || a.rest.contains(where: holdsTraced)
    }

    /// `b` with its rule, if it has one: the rule runs when an argument is traced. The fast
    /// entries decline traced values, so those calls reach the rule through `body`.
    static func wrap(_ b: Builtin) -> Builtin {
        guard let rule = DifferentiableRules.rules[b.name] else { return b }
        let fast1 = b.fast1.map { f -> Builtin.Fast1 in { v, ctx in holdsTraced(v) ? nil : try f(v, ctx) } }
        let fast2 = b.fast2.map { f -> Builtin.Fast2 in { v, w, ctx in holdsTraced(v) || holdsTraced(w) ? nil : try f(v, w, ctx) } }
        return Builtin(b.name, b.parameters, topic: b.topic, doc: b.doc, example: b.example, fast1: fast1, fast2: fast2) { a, ctx in
            guard holdsTraced(a) else { return try b.body(a, ctx) }
            return try rule(DifferentiableCall(arguments: a)) ?? b.body(a, ctx)
        }
    }
}

/// One call of a differentiable builtin, read by parameter name, so that one rule serves a
/// function and a method of the same name (`max(x, axis=1)`, `x.max(axis=1)`) whatever
/// their parameter lists. Only traced calls come here, so the name look-ups cost nothing
/// to code outside `grad`.
struct DifferentiableCall {
    let arguments: Arguments

    var name: String { arguments.function }

    /// The argument of parameter `parameter`, nil when absent or nil.
    func value(_ parameter: String) -> Value? {
        guard let i = arguments.parameterNames.firstIndex(of: parameter) else { return nil }
        return arguments[i]
    }

    func required(_ parameter: String) throws -> Value {
        guard let v = value(parameter) else { throw Diagnostic(.missingArgument(function: name, name: parameter), at: nil) }
        return v
    }

    /// The tensor operated on: parameter `x`, or the one value of a variadic first
    /// parameter (`max(values...)`); nil for several values (the rule then declines).
    func subject() -> Value? {
        if let v = value("x") { return v }
        return !arguments.parameterNames.contains("x") && arguments.rest.count == 1 ? arguments.rest[0] : nil
    }

    /// The subject as a traced value; only rules that always have one call it.
    func x() throws -> Traced {
        guard let v = subject() else { throw Diagnostic(.missingArgument(function: name, name: "x"), at: nil) }
        return try traced(v)
    }

    func traced(_ v: Value) throws -> Traced { try TensorConversion.traced(v, argument: name) }

    func traced(_ parameter: String) throws -> Traced { try traced(try required(parameter)) }

    /// `axis=` as nil (all axes), one axis or a list.
    func axes(_ parameter: String = "axis") throws -> [Int]? { try TensorConversion.axes(value(parameter), function: name) }

    func axis(_ parameter: String, default d: Int) throws -> Int {
        try value(parameter).map { try TensorConversion.axis($0, function: name) } ?? d
    }

    func keepdims() throws -> Bool { try bool("keepdims", default: false) }

    func bool(_ parameter: String, default d: Bool) throws -> Bool {
        guard let v = value(parameter) else { return d }
        guard case .bool(let b) = v else { throw badArgument(parameter, expected: "bool", got: v) }
        return b
    }

    func int(_ parameter: String, default d: Int) throws -> Int {
        guard let v = value(parameter) else { return d }
        guard let n = v.numberValue else { throw badArgument(parameter, expected: "integer", got: v) }
        return try IntegerConversion.int(n, what: "\(parameter) of '\(name)'")
    }

    func number(_ parameter: String) throws -> Double? {
        guard let v = value(parameter) else { return nil }
        guard case .number(let n) = v else { throw badArgument(parameter, expected: "number", got: v) }
        return n
    }

    func badArgument(_ parameter: String, expected: String, got v: Value) -> Diagnostic {
        Diagnostic(.badArgument(function: name, position: 0, name: parameter, expected: expected, got: v.typeName), at: nil)
    }
}
