import MNLSyntax

private var done: Completion { .normal(.null) }

extension Compiler {
    func statement(_ s: Stmt) -> Exec {
        switch s.kind {
        case .expression(let e): return expressionStatement(e)
        case .assign(let target, let value):
            let run = assignment(target, value)
            return { f in try run(f); return done }
        case .compoundAssign(let op, let target, let value): return compoundAssignment(op, target, value, s.range)
        case .function(let decl):
            let make = closure(decl)
            guard let ref = resolution.names[decl.range.start] else { return { _ in done } }
            let store = write(ref)
            return { f in store(f, try make(f)); return done }
        case .forLoop(let target, let iterable, let body): return forLoop(target, iterable, body)
        case .whileLoop(let condition, let body): return whileLoop(condition, body)
        case .breakLoop: return { _ in .breakLoop }
        case .continueLoop: return { _ in .continueLoop }
        case .returnValue(let value):
            guard let value else { return { _ in .returned(.null) } }
            let v = expression(value)
            return { f in .returned(try v(f)) }
        case .importFile(let path): return importFile(path, s.range)
        case .assert(let condition, let message): return assertion(condition, message)
        case .global: return { _ in done }
        case .classDecl(let decl): return classDeclaration(decl)
        case .delete(let target): return deletion(target)
        }
    }

    /// An expression statement keeps its value (the REPL echoes it; a function returns its
    /// last one). `if` and `try` in statement position pass break/continue/return through.
    func expressionStatement(_ e: Expr) -> Exec {
        switch e.kind {
        case .conditional(let branches, let otherwise): return conditional(branches, otherwise)
        case .tryCatch(let body, let name, let nameRange, let handler): return tryCatch(body, name, nameRange, handler)
        default:
            let v = operand(e)
            return { f in .normal(try v.load(f)) }
        }
    }

    /// `target = value` as code with no completion, so that runs of assignments execute
    /// without building one per statement. A plain variable given an arithmetic tree stores
    /// the double straight away.
    func assignment(_ target: Pattern, _ valueExpr: Expr) -> Run {
        let value = expression(valueExpr)
        if let place = place(of: target) {
            if case .binary(let op, let a, let b) = valueExpr.kind, let l = numeric(a), let r = numeric(b), l.isTree || r.isTree,
               let number = numericBinary(op, l, r) {
                return { f in
                    if let d = number(f) {
                        place.pointer(f).pointee = .number(d)
                        return
                    }
                    let v = try value(f)
                    place.pointer(f).pointee = v
                }
            }
            return { f in
                let v = try value(f)
                place.pointer(f).pointee = v
            }
        }
        if case .name(_, let r) = target, let ref = ref(at: r) {
            let store = write(ref)
            return { f in store(f, try value(f)) }
        }
        let bind = binder(target)
        return { f in try bind(f, try value(f)) }
    }

    /// `if / else if / else` as a chain of closures built from the last branch backwards.
    func conditional(_ branches: [(condition: Expr, body: Block)], _ otherwise: Block?) -> Exec {
        var next: Exec = { _ in .normal(.null) }
        if let otherwise { next = block(otherwise) }
        for (condition, body) in branches.reversed() {
            let test = self.condition(condition), run = block(body), rest = next
            next = { f in try test(f) ? try run(f) : try rest(f) }
        }
        return next
    }

    func tryCatch(_ body: Block, _ name: String?, _ nameRange: SourceRange?, _ handler: Block) -> Exec {
        let run = block(body), recover = block(handler)
        let store = nameRange.flatMap { ref(at: $0) }.map(write)
        return { f in
            let depth = f.machine.pointee.depth, top = f.machine.pointee.top
            do {
                return try run(f)
            } catch let d as Diagnostic {
                if d.kind == .interrupted || d.isExitRequest { throw d }
                f.unwind(to: top, depth: depth)
                store?(f, .string(d.kind.message))
                return try recover(f)
            }
        }
    }

    func assertion(_ condition: Expr, _ message: Expr?) -> Exec {
        let test = expression(condition), text = message.map(expression)
        let range = condition.range
        return { f in
            if try truth(try test(f), at: range) { return done }
            let m = try text?(f).rendered() ?? ""
            throw Diagnostic(.assertionFailed(message: m), at: range)
        }
    }
}

/// What a loop does after one run of its body: nil to go on, or how to leave the loop.
@inline(__always)
func loopExit(after body: Completion) -> Completion? {
    switch body {
    case .breakLoop: return .normal(.null)
    case .returned(let v): return .returned(v)
    case .normal, .continueLoop: return nil
    }
}

extension Frame {
    /// After a caught error, drops frames that were live when it was thrown.
    func unwind(to savedTop: UnsafeMutablePointer<Value>, depth savedDepth: Int) {
        let extra = machine.pointee.top - savedTop
        if extra > 0 { savedTop.deinitialize(count: extra) }
        machine.pointee.top = savedTop
        machine.pointee.depth = savedDepth
    }
}
