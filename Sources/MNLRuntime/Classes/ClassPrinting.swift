import MNLSyntax

/// How instances print. `print`, `str` and interpolation use `__str__` (falling back to
/// `__repr__`); the REPL's echo and the elements of lists, records and tuples use `__repr__`,
/// as in Python. Without either, an instance prints as `<Dense>`.
extension Value {
    /// `rendered()`, with instances printed through their methods.
    public func rendered(_ ctx: CallContext) throws -> String {
        switch self {
        case .string(let s): return s
        case .instance(let i): return try i.text(ctx, str: true)
        default: return try repr(ctx)
        }
    }

    /// `repr()`, with instances printed through `__repr__`.
    public func repr(_ ctx: CallContext) throws -> String {
        switch self {
        case .list, .record, .tuple:
            var printer = ValuePrinter()
            try printer.write(self) { try $0.text(ctx, str: false) }
            return printer.text
        case .instance(let i): return try i.text(ctx, str: false)
        default: return leafRepr()
        }
    }
}

extension Instance {
    func text(_ ctx: CallContext, str: Bool) throws -> String {
        let method = str ? (cls.strMethod ?? cls.reprMethod) : cls.reprMethod
        guard let method else { return "<\(cls.name)>" }
        let v = try ctx.interp.callMethod(method, .instance(self), [], [])
        guard case .string(let s) = v else { throw Diagnostic(.classError(.badTextMethod(method: method.name, got: v.typeName)), at: nil) }
        return s
    }

    /// One line for `:vars`: the assigned fields, each as a short summary.
    public var fieldSummary: String {
        let fields = assignedFields
        if fields.isEmpty { return "no fields" }
        return fields.map { name, v in "\(name)=\(v.shortSummary)" }.joined(separator: ", ")
    }
}

extension Value {
    /// A few characters that say what a value is, without looking inside containers.
    var shortSummary: String {
        switch self {
        case .list(let l): return "list(\(l.items.count))"
        case .record(let r): return "record(\(r.keys.count))"
        case .tuple(let t): return "tuple(\(t.items.count))"
        case .native(let o): return o.summary()
        case .instance(let i): return "<\(i.cls.name)>"
        default:
            let text = leafRepr()
            return text.count > 24 ? String(text.prefix(21)) + "..." : text
        }
    }
}

extension Session {
    /// The REPL's echo of a value: its `repr`, with instances' `__repr__` run (an error in one
    /// gives the plain form instead of losing the result).
    public func echoText(_ v: Value) -> String {
        onLargeStack { () -> String in
            do {
                return try v.repr(CallContext(interp: self.interpreter))
            } catch {
                self.interpreter.resetStack()
                return v.repr()
            }
        }
    }
}

extension Compiler {
    /// An interpolated value: an instance, or a container holding one, becomes its text
    /// (`__str__`) first, since `Formatting` cannot call back into the language.
    static func printable(_ v: Value, _ f: Frame) throws -> Value {
        switch v {
        case .instance, .list, .record, .tuple: return .string(try v.rendered(f.context))
        default: return v
        }
    }
}
