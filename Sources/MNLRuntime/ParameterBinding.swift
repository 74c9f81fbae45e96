import MNLSyntax

/// What binding arguments needs to know of a builtin's parameters, worked out once when the
/// builtin is declared instead of on every call.
public final class ParameterBinding: @unchecked Sendable {
    /// The named (required or optional) parameters, in order.
    let names: [String]
    /// How many of `names` take positional values: those before a variadic parameter (the
    /// ones after it are keyword-only, as in Python's `max(*values, axis=None)`).
    let positionalCount: Int
    let variadic: Bool
    let acceptsKeywords: Bool
    /// The required parameters among the first `names.count` declared ones: position and name.
    let required: [(Int, String)]
    /// The declaration, for the wrong-count error's "1 argument", "1 to 3 arguments".
    let parameters: [BuiltinParameter]

    /// A callable native object's: any positional and keyword arguments.
    static let nativeCall = ParameterBinding([.variadic("args"), .keywords("options")])

    init(_ parameters: [BuiltinParameter]) {
        names = parameters.compactMap { p -> String? in
            switch p { case .required(let n), .optional(let n, _): n; default: nil }
        }
        variadic = parameters.contains { if case .variadic = $0 { true } else { false } }
        positionalCount = parameters.prefix { if case .variadic = $0 { false } else { true } }.count { p in
            switch p { case .required, .optional: true; default: false }
        }
        acceptsKeywords = parameters.contains { if case .keywords = $0 { true } else { false } }
        let count = names.count
        required = parameters.enumerated().compactMap { i, p in
            if i < count, case .required(let n) = p { (i, n) } else { nil }
        }
        self.parameters = parameters
    }
}

extension Arguments {
    /// Binds `receiver` (a bound method's object, if any) and then `positional` to the
    /// parameters, then the keywords; the same checks and errors, in the same order, as
    /// binding from the parameter list.
    init(function: String, binding b: ParameterBinding, receiver: Value?, positional: [Value],
         keywords: [(String, Value)]) throws {
        var named = [Value?](repeating: nil, count: b.names.count)
        var rest: [Value] = []
        let total = positional.count + (receiver == nil ? 0 : 1)
        if total > b.positionalCount && !b.variadic {
            throw Diagnostic(.argumentCount(function: function, expected: Arguments.countText(b.parameters), got: total), at: nil)
        }
        var i = 0
        func put(_ v: Value) {
            if i < b.positionalCount { named[i] = v } else { rest.append(v) }
            i += 1
        }
        if let receiver { put(receiver) }
        for v in positional { put(v) }
        var extra: [(String, Value)] = []
        for (k, v) in keywords {
            if let j = b.names.firstIndex(of: k) {
                guard named[j] == nil else { throw Diagnostic(.duplicateArgument(function: function, name: k), at: nil) }
                named[j] = v
            } else if b.acceptsKeywords {
                extra.append((k, v))
            } else {
                throw Diagnostic(.unknownKeyword(function: function, name: k, suggestion: closestName(to: k, among: b.names)), at: nil)
            }
        }
        for (j, n) in b.required where named[j] == nil {
            throw Diagnostic(.missingArgument(function: function, name: n), at: nil)
        }
        self.init(function: function, named: named, rest: rest, extraKeywords: extra, parameterNames: b.names,
                  positionalCount: b.positionalCount)
    }
}
