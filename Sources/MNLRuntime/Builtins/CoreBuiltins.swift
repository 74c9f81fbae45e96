import MNLSyntax

/// The language's own builtins, by topic. Libraries add theirs with `Session.install`.
public enum CoreBuiltins {
    public static var all: [Builtin] { output + conversion + math + collections + system + dicts }
}

extension CoreBuiltins {
    /// When the first argument is a native object with a method of this name (a tensor's
    /// `sum`, `max`, `exp`...), the builtin hands the call to that method: `sum(x, axis=1)`
    /// is `x.sum(axis=1)`.
    static func forward(_ name: String, _ a: Arguments, _ ctx: CallContext) throws -> Value? {
        guard case .native(let o)? = a.allPositional.first, case .method(let m)? = o.members.members[name] else { return nil }
        let keywords = a.extraKeywords
        return try ctx.call(.builtin(BuiltinFunction(m, receiver: .native(o))), Array(a.allPositional.dropFirst()), keywords: keywords)
    }

    /// `forward` for a call with one value: the method's own one-value entry, if it has one.
    static func forward1(_ name: String, _ v: Value, _ ctx: CallContext) throws -> Value? {
        guard case .native(let o) = v, case .method(let m)? = o.members.members[name], let g = m.fast1 else { return nil }
        return try g(v, ctx)
    }

    /// A math builtin of one number that tensors also implement.
    static func unaryMath(_ name: String, doc: String, example: String, _ f: @escaping (Double) throws -> Double) -> Builtin {
        Builtin(name, [.required("x"), .keywords("options")], topic: "math", doc: doc, example: example, fast1: { v, ctx in
            if case .number(let n) = v { return .number(try f(n)) }
            return try forward1(name, v, ctx)
        }) { a, ctx in
            if let v = try forward(name, a, ctx) { return v }
            guard a.extraKeywords.isEmpty else { throw Diagnostic(.unknownKeyword(function: name, name: a.extraKeywords[0].0), at: nil) }
            return .number(try f(try a.number(0)))
        }
    }
}
