import MNLRuntime

/// Builds random tensor programs from the builtins a session has registered, so a builtin
/// added later is fuzzed without touching this file. Arguments follow each parameter's name
/// (`axis` gets axes, `dtype` dtype names, `shape` dimensions; see `ArgumentKind`), and the
/// values are drawn from edges that have broken things before: zero and negative sizes,
/// huge counts, NaN, out-of-range axes and indices, every dtype.
///
/// Every statement sits in `try { } catch`, so one error does not end the program and later
/// statements still run on whatever the earlier ones left.
public struct ProgramGenerator: Sendable {
    /// Builtins a program may call (those `Sandbox` allows).
    public let functions: [Builtin]
    /// The builtins that are also tensor methods (first parameter `x`).
    public let methods: [Builtin]
    static let variables = ["t0", "t1", "t2", "t3"]
    static let maxStatements = 12
    static let maxDepth = 3

    public init(builtins: [Builtin]) {
        functions = builtins.filter(Sandbox.allows).sorted { $0.name < $1.name }
        methods = functions.filter { if case .required("x")? = $0.parameters.first { true } else { false } }
    }

    /// One whole program: two tensors to start from, then statements until the choices stop.
    public func program<C: ChoiceSource>(_ c: inout C) -> String {
        var lines = ["t0 = " + literalTensor(&c), "t1 = arange(6).reshape(2, 3)", "t2 = t0", "t3 = t1", "r = nil"]
        while lines.count < Self.maxStatements + 5, c.choose(8) != 0 {
            lines.append(statement(&c))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func statement<C: ChoiceSource>(_ c: inout C) -> String {
        let v = c.pick(Self.variables)
        switch c.choose(6) {
        case 0: return "\(v) = try { \(tensorExpression(&c, depth: 0)) } catch e { \(v) }"
        case 1: return "r = try { \(anyExpression(&c, depth: 0)) } catch e { nil }"
        case 2: return "try { \(v)[\(index(&c))] = \(operand(&c, depth: 1)) } catch e { nil }"
        case 3: return "try { for v in \(tensorExpression(&c, depth: 1)) { r = v } } catch e { nil }"
        case 4: return "try { r = str(\(anyExpression(&c, depth: 0))) } catch e { nil }"
        default: return "try { r = \(anyExpression(&c, depth: 0)) == \(anyExpression(&c, depth: 1)) } catch e { nil }"
        }
    }

    /// An expression that is usually a tensor.
    func tensorExpression<C: ChoiceSource>(_ c: inout C, depth: Int) -> String {
        if depth >= Self.maxDepth { return c.pick(Self.variables) }
        switch c.choose(12) {
        case 0: return c.pick(Self.variables)
        case 1, 2, 3: return call(c.pick(functions), &c, depth: depth)
        case 4, 5: return methodCall(&c, depth: depth)
        case 6: return "(\(tensorExpression(&c, depth: depth + 1)) \(c.pick(Self.binaryOperators)) \(operand(&c, depth: depth + 1)))"
        case 7: return "\(ArgumentKind.number.literal(&c)) \(c.pick(Self.binaryOperators)) \(tensorExpression(&c, depth: depth + 1))"
        case 8: return "\(c.pick(Self.variables))[\(index(&c))]"
        case 9: return "\(tensorExpression(&c, depth: depth + 1)).\(c.pick(["T", "shape", "size", "ndim", "dtype", "nbytes"]))"
        case 10: return "(\(c.pick(["-", "not "]))\(tensorExpression(&c, depth: depth + 1)))"
        default: return literalTensor(&c)
        }
    }

    /// A tensor, a number, a list or a string.
    func anyExpression<C: ChoiceSource>(_ c: inout C, depth: Int) -> String {
        switch c.choose(5) {
        case 0, 1, 2: return tensorExpression(&c, depth: depth)
        case 3: return ArgumentKind.number.literal(&c)
        default: return "[" + (0..<c.choose(4)).map { _ in operand(&c, depth: depth + 1) }.joined(separator: ", ") + "]"
        }
    }

    /// The right side of an operator or an index store: a tensor or a scalar edge value.
    func operand<C: ChoiceSource>(_ c: inout C, depth: Int) -> String {
        c.choose(3) == 0 ? ArgumentKind.number.literal(&c) : tensorExpression(&c, depth: depth)
    }

    static let binaryOperators = ["+", "-", "*", "/", "//", "%", "**", "@", "==", "!=", "<", "<=", ">", ">=", "and", "or"]

    /// `name(args)`: each declared parameter gets an argument of its kind; optional ones are
    /// sometimes left out and sometimes given by keyword.
    func call<C: ChoiceSource>(_ b: Builtin, _ c: inout C, depth: Int) -> String {
        "\(b.name)(" + arguments(b.parameters, &c, depth: depth).joined(separator: ", ") + ")"
    }

    /// `t.method(args)` for a builtin whose first parameter is the tensor.
    func methodCall<C: ChoiceSource>(_ c: inout C, depth: Int) -> String {
        guard !methods.isEmpty else { return c.pick(Self.variables) }
        let b = c.pick(methods)
        let receiver = c.choose(2) == 0 ? c.pick(Self.variables) : "(\(tensorExpression(&c, depth: depth + 1)))"
        return "\(receiver).\(b.name)(" + arguments(Array(b.parameters.dropFirst()), &c, depth: depth).joined(separator: ", ") + ")"
    }

    func arguments<C: ChoiceSource>(_ parameters: [BuiltinParameter], _ c: inout C, depth: Int) -> [String] {
        var out: [String] = []
        var positional = true  // after a keyword argument, only keywords may follow
        for p in parameters {
            let kind = ArgumentKind(parameter: p.name)
            let value = { (c: inout C) in kind.isTensor ? self.tensorExpression(&c, depth: depth + 1) : kind.literal(&c) }
            switch p {
            case .required:
                // Now and then a required argument is left out, to check the arity errors.
                if c.oneIn(40) { positional = false; continue }
                out.append(positional ? value(&c) : "\(p.name)=\(value(&c))")
            case .optional:
                switch c.choose(3) {
                case 0: positional = false
                case 1 where positional: out.append(value(&c))
                default: positional = false; out.append("\(p.name)=\(value(&c))")
                }
            case .variadic:
                guard positional else { continue }
                for _ in 0..<c.choose(4) { out.append(value(&c)) }
            case .keywords:
                if c.oneIn(4) { out.append("\(c.pick(["dtype", "axis", "x", "bogus"]))=\(ArgumentKind.number.literal(&c))") }
            }
        }
        return out
    }

    /// `x[...]`: one to three parts, each an integer, a slice, a list, a tensor or a mask.
    func index<C: ChoiceSource>(_ c: inout C) -> String {
        (0...c.choose(3)).map { _ in
            switch c.choose(6) {
            case 0: return ArgumentKind.index.literal(&c)
            case 1, 2:
                let parts = (0..<3).map { _ in c.choose(2) == 0 ? "" : ArgumentKind.index.literal(&c) }
                return c.choose(2) == 0 ? parts[0] + ":" + parts[1] : parts.joined(separator: ":")
            case 3: return "[" + (0..<c.choose(4)).map { _ in ArgumentKind.index.literal(&c) }.joined(separator: ", ") + "]"
            case 4: return "\(c.pick(Self.variables)) > \(ArgumentKind.number.literal(&c))"
            default: return "tensor([\(ArgumentKind.index.literal(&c)), \(ArgumentKind.index.literal(&c))])"
            }
        }.joined(separator: ", ")
    }

    /// `tensor(...)` of a nested list of random shape, sometimes ragged, with a dtype.
    func literalTensor<C: ChoiceSource>(_ c: inout C) -> String {
        let shape = (0..<c.choose(4)).map { _ in c.choose(4) }
        func nested(_ axis: Int) -> String {
            if axis == shape.count { return ArgumentKind.element.literal(&c) }
            let n = c.oneIn(16) ? shape[axis] + 1 : shape[axis]  // ragged now and then
            return "[" + (0..<n).map { _ in nested(axis + 1) }.joined(separator: ", ") + "]"
        }
        let body = nested(0)
        return c.choose(2) == 0 ? "tensor(\(body))" : "tensor(\(body), dtype=\(ArgumentKind.dtype.literal(&c)))"
    }
}
