import MNLSyntax

/// `--dump-resolved`: the resolved form as text, one statement a line. Every name shows
/// where it lives (`x@slot2`, `x@cell0`, `x@captured1`, `x@global7`), every function its
/// frame size, and the forms the compiler picks are marked: `num(...)` for an arithmetic
/// tree (list elements included) computed on doubles, `num-test(...)` for a condition comparing doubles, `counted`
/// for a `for` loop over `range(...)` that counts without calling the builtin.
struct ResolvedDump {
    let resolution: Resolution
    private(set) var lines: [String] = []

    init(resolution: Resolution) { self.resolution = resolution }

    mutating func program(_ p: Program) { for s in p.statements { statement(s, depth: 0) } }

    private mutating func emit(_ depth: Int, _ text: String) { lines.append(String(repeating: "  ", count: depth) + text) }

    private mutating func block(_ b: Block, depth: Int) { for s in b.statements { statement(s, depth: depth) } }

    private mutating func statement(_ s: Stmt, depth: Int) {
        switch s.kind {
        case .expression(let e):
            switch e.kind {
            case .conditional(let branches, let otherwise): conditional(branches, otherwise, depth: depth)
            case .function(let decl): function(decl, depth: depth)
            default: emit(depth, expr(e))
            }
        case .assign(let target, let value): emit(depth, "\(pattern(target)) = \(expr(value))")
        case .compoundAssign(let op, let target, let value): emit(depth, "\(pattern(target)) \(op.rawValue)= \(expr(value))")
        case .function(let decl): function(decl, depth: depth)
        case .forLoop(let target, let iterable, let body):
            let counted = isRangeCall(iterable) ? " counted" : ""
            emit(depth, "for\(counted) \(pattern(target)) in \(expr(iterable))")
            block(body, depth: depth + 1)
        case .whileLoop(let condition, let body):
            emit(depth, "while \(test(condition))")
            block(body, depth: depth + 1)
        case .breakLoop: emit(depth, "break")
        case .continueLoop: emit(depth, "continue")
        case .returnValue(let value): emit(depth, "return" + (value.map { " " + expr($0) } ?? ""))
        case .importFile(let path): emit(depth, "import \"\(path)\"")
        case .assert(let condition, let message): emit(depth, "assert \(expr(condition))" + (message.map { ", " + expr($0) } ?? ""))
        case .global(let names): emit(depth, "global " + names.joined(separator: ", "))
        case .classDecl(let decl):
            emit(depth, "class \(name(decl.name, decl.nameRange))" + (decl.base.map { "(\(expr($0)))" } ?? ""))
            for m in decl.methods { function(m, depth: depth + 1) }
        case .delete(let target): emit(depth, "del \(pattern(target))")
        }
    }

    private mutating func conditional(_ branches: [(condition: Expr, body: Block)], _ otherwise: Block?, depth: Int) {
        for (i, branch) in branches.enumerated() {
            emit(depth, (i == 0 ? "if " : "else if ") + test(branch.condition))
            block(branch.body, depth: depth + 1)
        }
        if let otherwise {
            emit(depth, "else")
            block(otherwise, depth: depth + 1)
        }
    }

    private mutating func function(_ decl: FunctionDecl, depth: Int) {
        guard let scope = resolution.scope(of: decl) else { return emit(depth, "fn \(decl.name ?? "fn") (unresolved)") }
        let parameters = decl.parameters.map { p in scope.locals[p.name].map { "\(p.name)@\(Self.place($0))" } ?? p.name }
        let captures = scope.captures.enumerated().map { "\($0.element.name)@captured\($0.offset)" }
        let name = decl.name.map { n in resolution.names[decl.range.start].map { "\(n)@\(Self.describe($0))" } ?? n } ?? "fn"
        emit(depth, "fn \(name)(\(parameters.joined(separator: ", "))) slots=\(scope.slotCount) cells=\(scope.cellCount)"
             + (captures.isEmpty ? "" : " captures " + captures.joined(separator: ", ")))
        block(decl.body, depth: depth + 1)
    }

    /// A condition: `num-test(...)` when the compiler compares doubles directly.
    private func test(_ e: Expr) -> String {
        if case .comparison(let first, let rest) = e.kind, rest.count == 1, let (op, second) = rest.first,
           isNumeric(first), isNumeric(second) {
            return "num-test(\(op.rawValue) \(arithmetic(first)) \(arithmetic(second)))"
        }
        return expr(e)
    }

    /// An expression, with `num(...)` around arithmetic trees computed on doubles.
    private func expr(_ e: Expr) -> String {
        if case .binary(_, let a, let b) = e.kind, isNumeric(a), isNumeric(b), isTree(a) || isTree(b) {
            return "num\(arithmetic(e))"
        }
        return plain(e)
    }

    /// A numeric tree, without marks inside.
    private func arithmetic(_ e: Expr) -> String {
        switch e.kind {
        case .binary(let op, let a, let b): "(\(op.rawValue) \(arithmetic(a)) \(arithmetic(b)))"
        case .unary(let op, let x): "(\(op.rawValue) \(arithmetic(x)))"
        case .index(let base, let items): "(index \(plain(base)) \(items.map { if case .single(let i) = $0 { arithmetic(i) } else { "" } }.joined()))"
        default: plain(e)
        }
    }

    private func plain(_ e: Expr) -> String {
        switch e.kind {
        case .number(let n): return Value.number(n).repr()
        case .string(let s): return Value.string(s).repr()
        case .bool(let b): return b ? "true" : "false"
        case .nilLiteral: return "nil"
        case .name(let n): return name(n, e.range)
        case .binary(let op, let a, let b): return "(\(op.rawValue) \(expr(a)) \(expr(b)))"
        case .unary(let op, let x): return "(\(op.rawValue) \(expr(x)))"
        case .comparison(let first, let rest): return "(" + ([expr(first)] + rest.map { "\($0.0.rawValue) \(expr($0.1))" }).joined(separator: " ") + ")"
        case .and(let a, let b): return "(and \(expr(a)) \(expr(b)))"
        case .or(let a, let b): return "(or \(expr(a)) \(expr(b)))"
        case .not(let x): return "(not \(expr(x)))"
        case .range(let a, let b): return "(.. \(expr(a)) \(expr(b)))"
        case .call(let callee, let arguments):
            let args = arguments.map { a in (a.label.map { "\($0)=" } ?? "") + expr(a.value) }
            return "(call \(([expr(callee)] + args).joined(separator: " ")))"
        case .index(let base, let items): return "(index \(([expr(base)] + items.map(indexItem)).joined(separator: " ")))"
        case .member(let base, let member, _): return "(. \(expr(base)) \(member))"
        case .list(let items): return "[" + items.map(expr).joined(separator: ", ") + "]"
        case .tuple(let items): return "(tuple " + items.map(expr).joined(separator: " ") + ")"
        case .record(let fields): return "{" + fields.map { "\(expr($0.key)): \(expr($0.value))" }.joined(separator: ", ") + "}"
        case .interpolated(let parts):
            return "(format " + parts.map { if case .expression(let x, _) = $0 { expr(x) } else { "…" } }.joined(separator: " ") + ")"
        case .comprehension(let element, let clauses):
            return "[\(expr(element))" + clauses.map { c in
                " for \(pattern(c.pattern)) in \(expr(c.iterable))" + c.conditions.map { " if " + expr($0) }.joined()
            }.joined() + "]"
        case .function(let decl): return "(fn \(decl.parameters.map(\.name).joined(separator: " ")))"
        case .conditional: return "(if ...)"
        case .tryCatch: return "(try ...)"
        case .superMember(let member, _): return "(super \(name("self", e.range)) \(member))"
        }
    }

    private func indexItem(_ item: IndexItem) -> String {
        switch item {
        case .single(let e): return expr(e)
        case .slice(let a, let b, let c, _): return [a, b, c].map { $0.map(expr) ?? "" }.joined(separator: ":")
        case .ellipsis: return "..."
        }
    }

    private func pattern(_ p: Pattern) -> String {
        switch p {
        case .name(let n, let r): return name(n, r)
        case .index(let base, let items, _): return "(index \(([expr(base)] + items.map(indexItem)).joined(separator: " ")))"
        case .member(let base, let member, _): return "(. \(expr(base)) \(member))"
        case .tuple(let parts, _): return "(" + parts.map(pattern).joined(separator: ", ") + ")"
        }
    }

    private func name(_ n: String, _ r: SourceRange) -> String {
        resolution.names[r.start].map { "\(n)@\(Self.describe($0))" } ?? n
    }

    static func describe(_ ref: VariableRef) -> String {
        switch ref {
        case .local(let v): place(v)
        case .captured(let i): "captured\(i)"
        case .global(let i): "global\(i)"
        }
    }

    static func place(_ v: LocalVariable) -> String { v.isCaptured ? "cell\(v.cell)" : "slot\(v.slot)" }

    // The same rules as `Compiler.numeric` and `Compiler.rangeCall`.
    private func isNumeric(_ e: Expr) -> Bool {
        switch e.kind {
        case .number: return true
        case .name:
            switch resolution.names[e.range.start] {
            case .local(let v)?: return !v.isCaptured
            case .global?: return true
            default: return false
            }
        case .binary(let op, let a, let b): return [.add, .subtract, .multiply, .divide].contains(op) && isNumeric(a) && isNumeric(b)
        case .unary(.negate, let x): return isNumeric(x)
        case .index(let base, let items):
            guard items.count == 1, case .single(let i) = items[0], isNumeric(i), case .name = base.kind else { return false }
            return isNumeric(base)
        default: return false
        }
    }

    private func isTree(_ e: Expr) -> Bool {
        switch e.kind {
        case .binary, .unary, .index: true
        default: false
        }
    }

    private func isRangeCall(_ e: Expr) -> Bool {
        guard case .call(let callee, let arguments) = e.kind, case .name("range") = callee.kind else { return false }
        return (1...3).contains(arguments.count) && arguments.allSatisfy { $0.label == nil }
    }
}

extension Session {
    /// The resolved form of `file` as text (`--dump-resolved`); nil with the syntax and
    /// resolve errors when there are any. Nothing runs; the file's global names are declared
    /// in the session as a run would declare them.
    /// It runs on the large stack: resolving and dumping recurse once per level of the tree.
    public func dumpResolved(_ file: SourceFile) -> (text: String?, diagnostics: [Diagnostic]) {
        onLargeStack { () -> (text: String?, diagnostics: [Diagnostic]) in self.dumpResolvedHere(file) }
    }

    private func dumpResolvedHere(_ file: SourceFile) -> (text: String?, diagnostics: [Diagnostic]) {
        let (program, syntaxErrors) = Parser.parse(file)
        let resolution = Resolver.resolve(program, globals: globals)
        let diagnostics = syntaxErrors + resolution.diagnostics
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        var dump = ResolvedDump(resolution: resolution)
        dump.program(program)
        return (dump.lines.joined(separator: "\n"), [])
    }
}
