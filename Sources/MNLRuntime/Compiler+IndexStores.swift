import MNLSyntax

extension Compiler {
    /// Code that stores into `x[...]`. One or two plain index values take the element fast
    /// paths; the object is evaluated first, then the indices from left to right.
    func indexBinder(_ base: Expr, _ items: [IndexItem], _ range: SourceRange) -> (Frame, Value) throws -> Void {
        let object = operand(base)
        switch singleValues(items) {
        case let parts? where parts.count == 1:
            let index = parts[0]
            return { f, v in
                let o = try object.load(f), i = try index.load(f)
                if Indexing.setElement(o, i, to: v) { return }
                try located(range) { try Indexing.set(o, [.value(i)], v, CallContext(interp: f.interp)) }
            }
        case let parts? where parts.count == 2:
            let i0 = parts[0], i1 = parts[1]
            return { f, v in
                let o = try object.load(f), a = try i0.load(f), b = try i1.load(f)
                if Indexing.setElement(o, a, b, to: v) { return }
                try located(range) { try Indexing.set(o, [.value(a), .value(b)], v, CallContext(interp: f.interp)) }
            }
        default:
            let index = indexArguments(items)
            return { f, v in
                let o = try object.load(f), i = try index(f)
                try located(range) { try Indexing.set(o, i, v, CallContext(interp: f.interp)) }
            }
        }
    }

    /// `x[...] op= v`: the object, the indices, the current element, then `v`, then the store.
    /// One or two plain index values read and write through the element fast paths.
    func compoundIndex(_ op: BinaryOperator, _ base: Expr, _ items: [IndexItem], _ r: SourceRange, _ value: @escaping Code,
                       _ range: SourceRange) -> Exec {
        let object = operand(base), done = Completion.normal(.null)
        guard let parts = singleValues(items), parts.count == 1 || parts.count == 2 else {
            let index = indexArguments(items)
            return { f in
                let o = try object.load(f), i = try index(f)
                try Compiler.update(op, o, i, r, value, range, f)
                return done
            }
        }
        if parts.count == 1 {
            let index = parts[0]
            return { f in
                let o = try object.load(f), a = try index.load(f)
                if let current = Indexing.element(o, a) {
                    let updated = try Compiler.combine(op, current, try value(f), range, f)
                    if Indexing.setElement(o, a, to: updated) { return done }
                    try located(r) { try Indexing.set(o, [.value(a)], updated, f.context) }
                    return done
                }
                try Compiler.update(op, o, [.value(a)], r, value, range, f)
                return done
            }
        }
        let i0 = parts[0], i1 = parts[1]
        return { f in
            let o = try object.load(f), a = try i0.load(f), b = try i1.load(f)
            if let current = Indexing.element(o, a, b) {
                let updated = try Compiler.combine(op, current, try value(f), range, f)
                if Indexing.setElement(o, a, b, to: updated) { return done }
                try located(r) { try Indexing.set(o, [.value(a), .value(b)], updated, f.context) }
                return done
            }
            try Compiler.update(op, o, [.value(a), .value(b)], r, value, range, f)
            return done
        }
    }

    /// The general `o[items] op= v`.
    static func update(_ op: BinaryOperator, _ o: Value, _ items: [IndexArgument], _ r: SourceRange, _ value: Code,
                       _ range: SourceRange, _ f: Frame) throws {
        let current = try located(r) { try Indexing.get(o, items, f.context) }
        let updated = try combine(op, current, try value(f), range, f)
        try located(r) { try Indexing.set(o, items, updated, f.context) }
    }

    @inline(__always)
    static func combine(_ op: BinaryOperator, _ current: Value, _ v: Value, _ range: SourceRange, _ f: Frame) throws -> Value {
        try located(range) { try Operators.binary(op, current, v, f.context) }
    }
}
