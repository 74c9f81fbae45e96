import MNLSyntax

extension Compiler {
    func expression(_ e: Expr) -> Code {
        switch e.kind {
        case .number(let n): let v = Value.number(n); return { _ in v }
        case .string(let s): let v = Value.string(s); return { _ in v }
        case .bool(let b): let v = Value.bool(b); return { _ in v }
        case .nilLiteral: return { _ in .null }
        case .interpolated(let parts): return interpolation(parts)
        case .name(let n):
            guard let r = ref(at: e.range) else { return { _ in .null } }
            return read(r, name: n, range: e.range)
        case .list(let items):
            let codes = items.map(expression)
            return { f in .list(ListBox(try codes.map { try $0(f) })) }
        case .comprehension(let element, let clauses): return comprehension(element, clauses)
        case .record(let fields): return record(fields)
        case .tuple(let items):
            let codes = items.map(expression)
            return { f in .tuple(try codes.map { try $0(f) }) }
        case .unary(let op, let operand): return unary(op, expression(operand), e.range)
        case .not(let operand):
            let x = expression(operand)
            return { f in .bool(!(try truth(try x(f), at: operand.range))) }
        case .and(let a, let b):
            let x = expression(a), y = expression(b)
            return { f in
                let l = try x(f)
                return try truth(l, at: a.range) ? try y(f) : l
            }
        case .or(let a, let b):
            let x = expression(a), y = expression(b)
            return { f in
                let l = try x(f)
                return try truth(l, at: a.range) ? l : try y(f)
            }
        case .binary(let op, let a, let b): return binary(op, a, b, e.range)
        case .comparison(let first, let rest): return comparison(first, rest, e.range)
        case .range(let a, let b):
            let x = expression(a), y = expression(b)
            return { f in try located(e.range) { try Operators.makeRange(try x(f), try y(f)) } }
        case .call(let callee, let arguments): return call(callee, arguments, e.range)
        case .index(let base, let items): return index(base, items, e.range)
        case .member(let base, let name, let nameRange): return memberRead(base, name, nameRange)
        case .superMember(let name, let nameRange): return superMember(name, nameRange, e.range)
        case .function(let decl): return closure(decl)
        case .conditional(let branches, let otherwise):
            return valueOf(conditional(branches, otherwise), e.range)
        case .tryCatch(let body, let name, let nameRange, let handler):
            return valueOf(tryCatch(body, name, nameRange, handler), e.range)
        }
    }

    /// An `if` or `try` used as a value: the value of the block that ran.
    func valueOf(_ exec: @escaping Exec, _ range: SourceRange) -> Code {
        { f in
            switch try exec(f) {
            case .normal(let v): return v
            case .breakLoop, .continueLoop, .returned:
                throw Diagnostic(.userError(message: "break, continue and return cannot leave an 'if' or 'try' whose value is used"), at: range)
            }
        }
    }

    func unary(_ op: UnaryOperator, _ x: @escaping Code, _ range: SourceRange) -> Code {
        switch op {
        case .plus:
            return { f in
                let v = try x(f)
                if case .number = v { return v }
                if case .native = v { return v }
                throw Diagnostic(.unsupportedOperand(op: "+", operand: v.typeName), at: range)
            }
        case .negate:
            return { f in
                let v = try x(f)
                if case .number(let n) = v { return .number(-n) }
                return try located(range) { try Operators.negate(v, CallContext(interp: f.interp)) }
            }
        case .invert:
            return { f in
                let v = try x(f)
                return try located(range) { try Bitwise.invert(v, CallContext(interp: f.interp)) }
            }
        }
    }

    func interpolation(_ parts: [InterpolationPart]) -> Code {
        enum Piece { case text(String), value(Code, FormatSpec?, SourceRange) }
        let pieces: [Piece] = parts.map {
            switch $0 {
            case .text(let s): .text(s)
            case .expression(let e, let spec): .value(expression(e), spec, e.range)
            }
        }
        return { f in
            var out = ""
            for p in pieces {
                switch p {
                case .text(let s): out += s
                case .value(let code, let spec, let range):
                    let v = try code(f)
                    out += try located(range) { try Formatting.format(try Compiler.printable(v, f), spec) }
                }
            }
            return .string(out)
        }
    }

    /// `[element for ... in ... if ... for ...]`: each clause loops inside the one before it,
    /// as nested `for` statements would, and the innermost appends the element.
    func comprehension(_ element: Expr, _ clauses: [ComprehensionClause]) -> Code {
        let make = expression(element)
        typealias Emit = (Frame, inout [Value]) throws -> Void
        var emit: Emit = { f, out in
            let v = try make(f)
            try located(element.range) { try Allocation.checkGrowth(of: out) }
            out.append(v)
        }
        for clause in clauses.reversed() {
            let inner = emit, source = expression(clause.iterable), bind = binder(clause.pattern)
            let keeps = clause.conditions.map { ($0.range, expression($0)) }
            let iterable = clause.iterable, sized = clauses.count == 1 && keeps.isEmpty
            emit = { f, out in
                let values = try source(f)
                // A single unfiltered range has a known result size: refuse it before looping.
                if sized, case .range(let r) = values { try located(iterable.range) { try Allocation.check(values: r.count) } }
                let iterator = try located(iterable.range) { try Iteration.iterator(values, CallContext(interp: f.interp)) }
                items: while let item = try located(iterable.range, { try iterator.next() }) {
                    try f.tick()
                    try bind(f, item)
                    for (range, keep) in keeps where try !truth(try keep(f), at: range) { continue items }
                    try inner(f, &out)
                }
            }
        }
        let run = emit
        return { f in
            var out: [Value] = []
            try run(f, &out)
            return .list(ListBox(out))
        }
    }

    /// `{key: value, ...}`. Keys that are constants are made into record keys once.
    func record(_ fields: [RecordField]) -> Code {
        enum KeyCode { case constant(RecordKey), computed(Code, SourceRange) }
        let codes: [(KeyCode, Code)] = fields.map { field in
            let key: KeyCode
            switch field.key.kind {
            case .string(let s): key = .constant(.string(s))
            case .number(let n) where !n.isNaN: key = .constant(.number(n + 0.0))
            case .bool(let b): key = .constant(.bool(b))
            default: key = .computed(expression(field.key), field.key.range)
            }
            return (key, expression(field.value))
        }
        return { f in
            let box = RecordBox()
            for (key, value) in codes {
                switch key {
                case .constant(let k): box[k] = try value(f)
                case .computed(let code, let range):
                    let v = try code(f)
                    let k = try located(range) { try RecordKey(v) }
                    box[k] = try value(f)
                }
            }
            return .record(box)
        }
    }

    /// A function literal or declaration: makes a closure over the current frame's cells.
    func closure(_ decl: FunctionDecl, name: String? = nil) -> Code {
        guard let inner = resolution.scope(of: decl) else { return { _ in .null } }
        let outer = scope
        scope = inner
        let defaults = decl.parameters.map { p in p.defaultValue.map(expression) }
        // The body closure is never taken out of an optional: that would add a thunk per call.
        let value = valueBody(decl.body)
        let body: Exec
        if let value { body = Compiler.statementForm(value) } else { body = block(decl.body) }
        scope = outer
        let compiled = CompiledFunction(name: name ?? decl.name ?? "fn", parameters: decl.parameters.map(\.name),
                                        scope: inner, range: decl.range, defaults: defaults, body: body, value: value,
                                        doc: decl.doc)
        let sources = inner.captures.map { cellIndex(of: $0.source) }
        if sources.isEmpty {
            let shared = Closure(function: compiled, captured: [])
            return { _ in .closure(shared) }
        }
        return { f in
            let cells = f.cells.unsafelyUnwrapped
            return .closure(Closure(function: compiled, captured: sources.map { cells[$0] }))
        }
    }
}
