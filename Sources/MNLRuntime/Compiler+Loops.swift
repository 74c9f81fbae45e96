import MNLSyntax

private var done: Completion { .normal(.null) }

extension Compiler {
    func whileLoop(_ condition: Expr, _ body: Block) -> Exec {
        let test = self.condition(condition), run = block(body)
        return { f in
            while try test(f) {
                try f.tick()
                if let leave = loopExit(after: try run(f)) { return leave }
            }
            return done
        }
    }

    func forLoop(_ target: Pattern, _ iterable: Expr, _ body: Block) -> Exec {
        let run = block(body), bind = binder(target)
        let place = place(of: target)
        let counted = CountedLoop(place: place, bind: bind, run: run)
        if let rangeCall = rangeCall(iterable) { return rangeCall(counted) }
        let source = expression(iterable)
        return { f in
            let sequence = try source(f)
            if case .range(let r) = sequence { return try counted.run(f, start: r.start, count: r.count, step: r.step) }
            if case .list(let list) = sequence {
                // Lists are read live by index, as Python does (appending while looping is seen).
                var i = 0
                while i < list.items.count {
                    try f.tick()
                    try bind(f, list.items[i])
                    i += 1
                    if let leave = loopExit(after: try run(f)) { return leave }
                }
                return done
            }
            let iterator = try located(iterable.range) { try Iteration.iterator(sequence, CallContext(interp: f.interp)) }
            while let item = try located(iterable.range, { try iterator.next() }) {
                try f.tick()
                try bind(f, item)
                if let leave = loopExit(after: try run(f)) { return leave }
            }
            return done
        }
    }

    /// `for x in range(a, b, c)` with positional arguments: when `range` is still the core
    /// builtin and the arguments are integers, the loop counts without calling the builtin
    /// (no argument binding, no range object). Anything else calls `range` as usual, with
    /// the arguments evaluated once, so errors and side effects are the same.
    func rangeCall(_ iterable: Expr) -> ((CountedLoop) -> Exec)? {
        guard case .call(let calleeExpr, let arguments) = iterable.kind, case .name("range") = calleeExpr.kind,
              (1...3).contains(arguments.count), arguments.allSatisfy({ $0.label == nil }) else { return nil }
        let callee = operand(calleeExpr), range = iterable.range
        let first = operand(arguments[0].value)
        let second = arguments.count > 1 ? operand(arguments[1].value) : nil
        let third = arguments.count > 2 ? operand(arguments[2].value) : nil
        return { counted in
            { f in
                let c = try callee.load(f)
                let a = try first.load(f), b = try second?.load(f), s = try third?.load(f)
                if case .builtin(let builtin) = c, builtin.isCoreRange, let (start, count, step) = CountedLoop.bounds(a, b, s) {
                    return try counted.run(f, start: start, count: count, step: step)
                }
                let values = [a] + [b, s].compactMap { $0 }
                let sequence = try Compiler.generalCall(c, values, [], f, range)
                return try counted.runGeneral(f, sequence, range)
            }
        }
    }
}

/// A `for` loop over consecutive integers: binds each to the loop variable and runs the body.
struct CountedLoop {
    let place: Place?
    let bind: (Frame, Value) throws -> Void
    let run: Exec

    @inline(__always)
    func run(_ f: Frame, start: Int, count: Int, step: Int) throws -> Completion {
        let body = run
        var i = start
        if case .slot(let s) = place {
            // The common case, a local loop variable: its address is fixed for the loop.
            let variable = f.slots + s
            for _ in 0..<count {
                try f.tick()
                variable.pointee = .number(Double(i))
                i += step
                if let leave = loopExit(after: try body(f)) { return leave }
            }
            return .normal(.null)
        }
        for _ in 0..<count {
            try f.tick()
            if let place { place.pointer(f).pointee = .number(Double(i)) } else { try bind(f, .number(Double(i))) }
            i += step
            if let leave = loopExit(after: try body(f)) { return leave }
        }
        return .normal(.null)
    }

    /// The loop over whatever a redefined `range` returned.
    func runGeneral(_ f: Frame, _ sequence: Value, _ range: SourceRange) throws -> Completion {
        if case .range(let r) = sequence { return try run(f, start: r.start, count: r.count, step: r.step) }
        let iterator = try located(range) { try Iteration.iterator(sequence, CallContext(interp: f.interp)) }
        while let item = try located(range, { try iterator.next() }) {
            try f.tick()
            try bind(f, item)
            if let leave = loopExit(after: try run(f)) { return leave }
        }
        return .normal(.null)
    }

    /// Start, count and step of `range(...)`'s arguments when they are all integers and the
    /// step is not zero; nil sends the call to the builtin (which reports the error).
    static func bounds(_ a: Value, _ b: Value?, _ c: Value?) -> (Int, Int, Int)? {
        guard let x = integer(a) else { return nil }
        var start = 0, stop = x, step = 1
        if let b {
            guard let y = integer(b) else { return nil }
            (start, stop) = (x, y)
        }
        if let c {
            guard let z = integer(c), z != 0 else { return nil }
            step = z
        }
        return (start, RangeBox.count(start: start, stop: stop, step: step), step)
    }

    @inline(__always)
    private static func integer(_ v: Value) -> Int? {
        // The same integers the builtin's argument check accepts.
        guard case .number(let n) = v else { return nil }
        return IntegerConversion.exact(n)
    }
}

extension BuiltinFunction {
    /// The core `range` builtin, unbound (what `for` loops may count without calling).
    var isCoreRange: Bool { receiver == nil && builtin.name == "range" && builtin.topic == "core" }
}
