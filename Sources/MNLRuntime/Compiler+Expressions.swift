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
        case .comprehension(let element, let target, let iterable, let condition):
            return comprehension(element, target, iterable, condition)
        case .record(let fields):
            let codes = fields.map { ($0.key, expression($0.value)) }
            return { f in .record(RecordBox(try codes.map { ($0.0, try $0.1(f)) })) }
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

    func comprehension(_ element: Expr, _ target: Pattern, _ iterable: Expr, _ condition: Expr?) -> Code {
        let source = expression(iterable), bind = binder(target), make = expression(element)
        let keep = condition.map(expression)
        return { f in
            var out: [Value] = []
            let values = try source(f)
            // Without a filter, a range's result size is known: refuse it before looping.
            if keep == nil, case .range(let r) = values { try located(iterable.range) { try Allocation.check(values: r.count) } }
            let iterator = try located(iterable.range) { try Iteration.iterator(values, CallContext(interp: f.interp)) }
            while let item = try located(iterable.range, { try iterator.next() }) {
                try f.tick()
                try bind(f, item)
                if let keep, let condition, try !truth(try keep(f), at: condition.range) { continue }
                let element = try make(f)
                try located(iterable.range) { try Allocation.checkGrowth(of: out) }
                out.append(element)
            }
            return .list(ListBox(out))
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
