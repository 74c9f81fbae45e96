import MNLSyntax

extension Compiler {
    /// `x.name(args)` with positional arguments. On an instance, the method comes from the
    /// site's cache and is called with the instance in its first slot: no bound method is
    /// made and no name is looked up. Anything else (a tensor's method, a record's function
    /// field, an instance's function-valued field) takes the general path. As in Python, the
    /// method is found before the arguments are evaluated.
    func methodCall(_ base: Expr, _ name: String, _ nameRange: SourceRange, _ argumentExprs: [Expr], _ range: SourceRange) -> Code {
        let object = operand(base)
        let cache = MemberCache(name)
        let args = argumentExprs.map(expression)
        // Everything but an instance's method takes the usual call path, with the object
        // evaluated here handed over to it (nothing runs between the hand-over and its use).
        let handoff = Handoff()
        let callee: Code = { f in
            let o = handoff.take()
            return try located(nameRange) { try Members.get(o, name, f.context) }
        }
        let generalCall = positionalCall(.code(callee), argumentExprs, range)
        let general: (Value, Frame) throws -> Value = { o, f in
            handoff.value = o
            return try generalCall(f)
        }
        // Arities 0 to 2 are spelled out so that the arguments need no array.
        switch args.count {
        case 0:
            return { f in
                let o = try object.load(f)
                guard case .instance(let instance) = o, let m = cache.method(of: instance) else { return try general(o, f) }
                return try Compiler.callMethod(m, consume o, given: 0, f, range) { _ in }
            }
        case 1:
            let a0 = args[0]
            return { f in
                let o = try object.load(f)
                guard case .instance(let instance) = o, let m = cache.method(of: instance) else { return try general(o, f) }
                let v0 = try a0(f)
                return try Compiler.callMethod(m, consume o, given: 1, f, range) { $0.initialize(to: v0) }
            }
        case 2:
            let a0 = args[0], a1 = args[1]
            return { f in
                let o = try object.load(f)
                guard case .instance(let instance) = o, let m = cache.method(of: instance) else { return try general(o, f) }
                let v0 = try a0(f), v1 = try a1(f)
                return try Compiler.callMethod(m, consume o, given: 2, f, range) { slots in
                    slots.initialize(to: v0)
                    (slots + 1).initialize(to: v1)
                }
            }
        default:
            return { f in
                let o = try object.load(f)
                guard case .instance(let instance) = o, let m = cache.method(of: instance) else { return try general(o, f) }
                var values: [Value] = []
                for a in args { values.append(try a(f)) }
                return try Compiler.callMethod(m, consume o, given: values.count, f, range) { slots in
                    for (i, v) in values.enumerated() { (slots + i).initialize(to: v) }
                }
            }
        }
    }

    /// Calls method `m` with `receiver` in slot 0; `arguments` initialises the `given` slots
    /// after it. (On the general path those slots already hold nil, which has nothing to
    /// release, so initialising over it is safe.)
    @inline(__always)
    static func callMethod(_ m: Closure, _ receiver: consuming Value, given: Int, _ f: Frame, _ range: SourceRange,
                           arguments: (UnsafeMutablePointer<Value>) -> Void) throws -> Value {
        let fn = m.function, count = given + 1
        if fn.directArity == count {
            // The receiver moves into the frame (no copy to retain and release).
            let base = try pushDirect(m, f, range, given: count)
            base.initialize(to: receiver)
            arguments(base + 1)
            return try runDirect(m, f, base, range)
        }
        guard fn.parameters.count >= count else { throw Diagnostic(MethodArity.tooMany(fn, given: given), at: range) }
        return try enter(m, f, range, given: count) { base in
            base[0] = receiver
            arguments(base + 1)
        }
    }
}

/// The object of `x.name(...)`, passed from the method path to the general call path.
final class Handoff {
    @exclusivity(unchecked) var value: Value = .null

    func take() -> Value {
        let v = value
        value = .null
        return v
    }
}

/// Argument counts of methods as the caller sees them: without the instance.
enum MethodArity {
    static func tooMany(_ fn: CompiledFunction, given: Int) -> DiagnosticKind {
        let n = fn.parameters.count - 1
        let expected = n == 0 ? "no arguments" : "at most \(n) argument\(n == 1 ? "" : "s")"
        return .argumentCount(function: fn.name, expected: expected, got: given)
    }
}
