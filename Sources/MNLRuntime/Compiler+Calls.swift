import MNLSyntax

extension Compiler {
    /// A call. Calls of user functions with positional arguments evaluate the arguments
    /// straight into the callee's new frame; everything else goes through `Interpreter.call`.
    func call(_ calleeExpr: Expr, _ arguments: [Argument], _ range: SourceRange) -> Code {
        if arguments.allSatisfy({ $0.label == nil }) {
            if case .member(let base, let name, let nameRange) = calleeExpr.kind {
                return methodCall(base, name, nameRange, arguments.map(\.value), range)
            }
            return positionalCall(operand(calleeExpr), arguments.map(\.value), range)
        }
        let callee = expression(calleeExpr)
        let positional = arguments.filter { $0.label == nil }.map { expression($0.value) }
        let keywords = arguments.compactMap { a in a.label.map { ($0, expression(a.value)) } }
        return { f in
            let c = try callee(f)
            var values: [Value] = []
            for p in positional { values.append(try p(f)) }
            var named: [(String, Value)] = []
            for (k, code) in keywords { named.append((k, try code(f))) }
            return try Compiler.generalCall(c, values, named, f, range)
        }
    }

    /// Calls with positional arguments only; arities 0 to 3 are specialised so that no
    /// argument closure is fetched from an array on the hot path. The callee is evaluated
    /// first, then the arguments from left to right, then the call is made.
    func positionalCall(_ callee: Operand, _ argumentExprs: [Expr], _ range: SourceRange) -> Code {
        // Each argument closure is compiled straight into the call's closure; taking one back
        // out of an array would cost a reabstraction thunk on every call.
        switch argumentExprs.count {
        case 0:
            return { f in
                let c = try callee.load(f)
                if case .closure(let cl) = c {
                    if cl.function.directArity == 0 { return try Compiler.enterDirect(cl, f, range, given: 0) { _ in } }
                    return try Compiler.enter(cl, f, range, given: 0) { _ in }
                }
                if case .builtin(let b) = c, let v = try Compiler.fastCall(b, f, range) { return v }
                return try Compiler.generalCall(c, [], [], f, range)
            }
        case 1:
            let a0 = expression(argumentExprs[0])
            let general: Code = { f in
                let c = try callee.load(f)
                let v0 = try a0(f)
                if case .closure(let cl) = c {
                    if cl.function.directArity == 1 {
                        let base = try Compiler.pushDirect(cl, f, range, given: 1)
                        base.initialize(to: consume v0)
                        return try Compiler.runDirect(cl, f, base, range)
                    }
                    if cl.function.parameters.count >= 1 { return try Compiler.enter(cl, f, range, given: 1) { $0[0] = v0 } }
                } else if case .builtin(let b) = c, let v = try Compiler.fastCall(b, v0, f, range) {
                    return v
                }
                return try Compiler.generalCall(c, [v0], [], f, range)
            }
            guard case .global(let p, let defined, _) = callee else { return general }
            if case .code(let number)? = numeric(argumentExprs[0]) {
                return Compiler.globalCall(p, defined, NumberArgument(number: number, general: a0), range, general: general)
            }
            return Compiler.globalCall(p, defined, CodeArgument(code: a0), range, general: general)
        case 2:
            let a0 = expression(argumentExprs[0]), a1 = expression(argumentExprs[1])
            return { f in
                let c = try callee.load(f)
                let v0 = try a0(f), v1 = try a1(f)
                if case .closure(let cl) = c {
                    if cl.function.directArity == 2 {
                        let base = try Compiler.pushDirect(cl, f, range, given: 2)
                        base.initialize(to: consume v0)
                        (base + 1).initialize(to: consume v1)
                        return try Compiler.runDirect(cl, f, base, range)
                    }
                    if cl.function.parameters.count >= 2 {
                        return try Compiler.enter(cl, f, range, given: 2) { base in
                            base[0] = v0
                            base[1] = v1
                        }
                    }
                } else if case .builtin(let b) = c, let v = try Compiler.fastCall(b, v0, v1, f, range) {
                    return v
                }
                return try Compiler.generalCall(c, [v0, v1], [], f, range)
            }
        case 3:
            let a0 = expression(argumentExprs[0]), a1 = expression(argumentExprs[1]), a2 = expression(argumentExprs[2])
            return { f in
                let c = try callee.load(f)
                let v0 = try a0(f), v1 = try a1(f), v2 = try a2(f)
                if case .closure(let cl) = c {
                    if cl.function.directArity == 3 {
                        return try Compiler.enterDirect(cl, f, range, given: 3) { base in
                            base.initialize(to: v0)
                            (base + 1).initialize(to: v1)
                            (base + 2).initialize(to: v2)
                        }
                    }
                    if cl.function.parameters.count >= 3 {
                        return try Compiler.enter(cl, f, range, given: 3) { base in
                            base[0] = v0
                            base[1] = v1
                            base[2] = v2
                        }
                    }
                }
                return try Compiler.generalCall(c, [v0, v1, v2], [], f, range)
            }
        default:
            let args = argumentExprs.map(expression)
            let n = args.count
            return { f in
                let c = try callee.load(f)
                let values = try args.map { try $0(f) }
                if case .closure(let cl) = c {
                    if cl.function.directArity == n {
                        return try Compiler.enterDirect(cl, f, range, given: n) { base in
                            for (i, v) in values.enumerated() { (base + i).initialize(to: v) }
                        }
                    }
                    if cl.function.parameters.count >= n {
                        return try Compiler.enter(cl, f, range, given: n) { base in
                            for (i, v) in values.enumerated() { base[i] = v }
                        }
                    }
                }
                return try Compiler.generalCall(c, values, [], f, range)
            }
        }
    }

    /// The direct path: every parameter is given and the callee has no cells. Pushes the
    /// frame, lets `arguments` initialise the parameter slots (the rest start as nil), runs
    /// the body and records this call in the trace of any error that escapes.
    @inline(__always)
    static func enterDirect(_ cl: Closure, _ f: Frame, _ range: SourceRange, given: Int,
                            arguments: (UnsafeMutablePointer<Value>) -> Void) throws -> Value {
        let fn = cl.function, count = fn.slotCount
        let base = try located(range) { try f.pushFrame(count, leaving: given) }
        arguments(base)
        defer { f.popFrame(base, count) }
        do {
            try f.tick()
            switch try fn.body(f.callee(base, cells: nil)) {
            case .normal(let v), .returned(let v): return v
            case .breakLoop, .continueLoop: return .null
            }
        } catch var d as Diagnostic {
            if d.range == nil { d.range = range } else { d.addTrace(TraceEntry(function: cl.name, callSite: range)) }
            throw d
        }
    }

    /// A one-argument call of a global: when it holds a function that takes the direct
    /// path, the closure is matched in place (no copy of the callee value); anything else,
    /// including an undefined global, goes to `general` before any argument is evaluated.
    static func globalCall<A: ArgumentLoader>(_ p: UnsafeMutablePointer<Value>, _ defined: UnsafeMutablePointer<Bool>, _ a0: A,
                                              _ range: SourceRange, general: @escaping Code) -> Code {
        { f in
            guard defined.pointee, case .closure(let cl) = p.pointee, cl.function.directArity == 1 else { return try general(f) }
            let v0 = try a0.load(f)
            let base = try Compiler.pushDirect(cl, f, range, given: 1)
            base.initialize(to: consume v0)
            return try Compiler.runDirect(cl, f, base, range)
        }
    }

    /// The direct path in two steps, so that the caller can move its arguments into the
    /// frame in between: pushes the frame with the first `given` slots left for the caller.
    @inline(__always)
    static func pushDirect(_ cl: Closure, _ f: Frame, _ range: SourceRange, given: Int) throws -> UnsafeMutablePointer<Value> {
        try located(range) { try f.pushFrame(cl.function.slotCount, leaving: given) }
    }

    /// Runs the body in the frame `pushDirect` made (its arguments now set) and pops it.
    @inline(__always)
    static func runDirect(_ cl: Closure, _ f: Frame, _ base: UnsafeMutablePointer<Value>, _ range: SourceRange) throws -> Value {
        // The frame is popped on each way out rather than in a `defer`, which the compiler
        // outlines into a function of its own.
        let fn = cl.function
        let result: Value
        do {
            try f.tick()
            let frame = f.callee(base, cells: nil)
            if fn.isExpression {
                result = try fn.value(frame)
            } else {
                switch try fn.body(frame) {
                case .normal(let v), .returned(let v): result = v
                case .breakLoop, .continueLoop: result = .null
                }
            }
        } catch {
            f.popFrame(base, fn.slotCount)
            throw Compiler.traced(error, cl, range)
        }
        f.popFrame(base, fn.slotCount)
        return result
    }

    /// An error leaving a call to `cl` made at `range`: located there when it has no place
    /// yet, else with this call added to its trace.
    static func traced(_ error: any Error, _ cl: Closure, _ range: SourceRange) -> any Error {
        guard var d = error as? Diagnostic else { return error }
        if d.range == nil { d.range = range } else { d.addTrace(TraceEntry(function: cl.name, callSite: range)) }
        return d
    }

    /// The general path: pushes the callee's frame, lets `fill` store the given arguments,
    /// then `invoke` fills in defaults and cells and runs the body.
    @inline(__always)
    static func enter(_ cl: Closure, _ f: Frame, _ range: SourceRange, given: Int,
                      fill: (UnsafeMutablePointer<Value>) -> Void) throws -> Value {
        let count = cl.function.slotCount
        let base = try located(range) { try f.pushFrame(count) }
        fill(base)
        do {
            return try f.invoke(cl, frame: base, given: given)
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

/// How a specialised call evaluates an argument.
protocol ArgumentLoader {
    func load(_ f: Frame) throws -> Value
}

struct CodeArgument: ArgumentLoader {
    let code: Code
    @inline(__always) func load(_ f: Frame) throws -> Value { try code(f) }
}

/// An arithmetic argument such as `n - 1`: computed on doubles, else by the general code
/// (the numeric form has no side effects, so the general code evaluates it afresh).
struct NumberArgument: ArgumentLoader {
    let number: NumberCode
    let general: Code
    @inline(__always) func load(_ f: Frame) throws -> Value {
        if let d = number(f) { return .number(d) }
        return try general(f)
    }
}

extension Diagnostic {
    /// Records one more call in the trace; a runaway recursion keeps only the innermost calls.
    mutating func addTrace(_ entry: TraceEntry) {
        if trace.count < 20 { trace.append(entry) }
    }
}
