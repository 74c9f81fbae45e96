import MNLSyntax

/// Finding values without running anything, for the REPL's completion after `x.T.` or
/// `x[0].` and for help on `?x.sum`. Only paths that cannot have side effects are followed:
/// names, member accesses that are fields or properties (never methods), and indexes that
/// are literal numbers or strings. Anything else (a call, an operator) gives nil.
public enum Inspection {
    /// What a member of a value is: a method (a builtin bound to the value), or a field or
    /// property holding `value`.
    public enum Member {
        case method(Builtin)
        case value(Value)
    }

    /// The value of `path` (`data.train[0].T`), or nil when finding it would need a call,
    /// fails, or `path` is not of that simple form.
    public static func value(of path: String, in session: Session) -> Value? {
        guard let steps = InspectionPath.parse(path), case .name(let root)? = steps.first,
              var value = session.global(root) else { return nil }
        for step in steps.dropFirst() {
            switch step {
            case .name: return nil
            case .member(let name):
                guard case .value(let next)? = member(name, of: value, in: session) else { return nil }
                value = next
            case .index(let key):
                guard let next = element(of: value, at: key, session: session) else { return nil }
                value = next
            }
        }
        return value
    }

    /// The member `name` of `value`, found the way `x.name` finds it (`Members.get`, the one
    /// "member of a value" path, which new kinds of values extend), so help and completion
    /// follow it without knowing each kind. Reading a member never calls a method: a method
    /// comes back bound to its receiver. Properties of native objects are read (their
    /// getters compute, as `x.T` does, but run no user code). nil when there is no such member.
    public static func member(_ name: String, of value: Value, in session: Session) -> Member? {
        guard let found = try? Members.get(value, name, CallContext(interp: session.interpreter)) else { return nil }
        if case .builtin(let b) = found, b.receiver != nil { return .method(b.builtin) }
        return .value(found)
    }

    /// The parameter names a call to `value` accepts by keyword (builtins and functions).
    public static func parameterNames(of value: Value) -> [String] {
        switch value {
        case .builtin(let b):
            return b.builtin.parameters.compactMap { parameter in
                switch parameter {
                case .required(let name), .optional(let name, _): name
                case .variadic, .keywords: nil
                }
            }
        case .closure(let c): return c.function.parameters
        default: return []
        }
    }

    /// `value[key]` for lists, tuples, strings and records, and native objects' element
    /// reads that need no index array; nil for anything else or out of range.
    private static func element(of value: Value, at key: Value, session: Session) -> Value? {
        switch (value, key) {
        case (.list(let l), .number(let n)): return item(l.items, n)
        case (.tuple(let t), .number(let n)): return item(t.items, n)
        case (.record(let r), .string(let s)): return r[s]
        case (.native(let o), _):
            if let fast = o.index(key) { return fast }
            return try? o.index([.value(key)], CallContext(interp: session.interpreter))
        default: return nil
        }
    }

    private static func item(_ items: [Value], _ n: Double) -> Value? {
        guard let i = Int(exactly: n) else { return nil }
        let index = i < 0 ? items.count + i : i
        return items.indices.contains(index) ? items[index] : nil
    }
}

/// The steps of a side-effect-free path: `data.train[0]` is name `data`, member `train`,
/// index `0`.
enum InspectionPath {
    enum Step {
        case name(String)
        case member(String)
        case index(Value)
    }

    static func parse(_ text: String) -> [Step]? {
        guard let tokens = try? Lexer.tokenize(SourceFile(name: "<inspect>", text: text)) else { return nil }
        var kinds = tokens.map(\.kind).filter { $0 != .endOfInput && $0 != .newline }[...]
        guard case .identifier(let root)? = kinds.popFirst() else { return nil }
        var steps: [Step] = [.name(root)]
        while let kind = kinds.popFirst() {
            switch kind {
            case .op(.dot):
                guard case .identifier(let name)? = kinds.popFirst() else { return nil }
                steps.append(.member(name))
            case .op(.leftBracket):
                guard let key = literal(&kinds), kinds.popFirst() == .op(.rightBracket) else { return nil }
                steps.append(.index(key))
            default:
                return nil
            }
        }
        return steps
    }

    /// A literal index: a number, a negative number or a string.
    private static func literal(_ kinds: inout ArraySlice<TokenKind>) -> Value? {
        switch kinds.popFirst() {
        case .number(let n)?: return .number(n)
        case .string(let s)?: return .string(s)
        case .op(.minus)?:
            guard case .number(let n)? = kinds.popFirst() else { return nil }
            return .number(-n)
        default: return nil
        }
    }
}
