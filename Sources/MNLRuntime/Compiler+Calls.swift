import MNLSyntax

extension Compiler {
    /// A call. Calls of user functions with positional arguments evaluate the arguments
    /// straight into the callee's new frame; everything else goes through `Interpreter.call`.
    func call(_ calleeExpr: Expr, _ arguments: [Argument], _ range: SourceRange) -> Code {
        let callee = expression(calleeExpr)
        let positional = arguments.filter { $0.label == nil }.map { expression($0.value) }
        let keywords = arguments.compactMap { a in a.label.map { ($0, expression(a.value)) } }
        let n = positional.count
        if keywords.isEmpty {
            return { f in
                let c = try callee(f)
                if case .closure(let cl) = c, n <= cl.function.parameters.count {
                    return try Compiler.fastCall(cl, positional, f, range)
                }
                var values: [Value] = []
                values.reserveCapacity(n)
                for p in positional { values.append(try p(f)) }
                return try Compiler.generalCall(c, values, [], f, range)
            }
        }
        return { f in
            let c = try callee(f)
            var values: [Value] = []
            for p in positional { values.append(try p(f)) }
            var named: [(String, Value)] = []
            for (k, code) in keywords { named.append((k, try code(f))) }
            return try Compiler.generalCall(c, values, named, f, range)
        }
    }

    static func fastCall(_ cl: Closure, _ arguments: [Code], _ f: Frame, _ range: SourceRange) throws -> Value {
        let interp = f.interp
        let count = cl.function.slotCount
        let base = try located(range) { try interp.pushFrame(count) }
        var i = 0
        do {
            for a in arguments { base[i] = try a(f); i += 1 }
        } catch {
            interp.popFrame(base, count)
            throw error
        }
        do {
            return try interp.invoke(cl, frame: base, given: i)
        } catch var d as Diagnostic {
            if d.range == nil { d.range = range } else { d.addTrace(TraceEntry(function: cl.name, callSite: range)) }
            throw d
        }
    }

    static func generalCall(_ c: Value, _ values: [Value], _ named: [(String, Value)], _ f: Frame,
                            _ range: SourceRange) throws -> Value {
        do {
            return try f.interp.call(c, values, named)
        } catch var d as Diagnostic {
            if d.range == nil {
                d.range = range
            } else if case .closure(let cl) = c {
                d.addTrace(TraceEntry(function: cl.name, callSite: range))
            }
            throw d
        }
    }
}

extension Diagnostic {
    /// Records one more call in the trace; a runaway recursion keeps only the innermost calls.
    mutating func addTrace(_ entry: TraceEntry) {
        if trace.count < 20 { trace.append(entry) }
    }
}
