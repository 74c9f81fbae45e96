import MNLSyntax

extension Compiler {
    /// Code that stores a value into an assignment target (name, x[i], x.f, or a tuple of them).
    func binder(_ target: Pattern) -> (Frame, Value) throws -> Void {
        switch target {
        case .name(_, let r):
            guard let ref = ref(at: r) else { return { _, _ in } }
            let store = write(ref)
            return { f, v in store(f, v) }
        case .index(let base, let items, let range):
            return indexBinder(base, items, range)
        case .member(let base, let name, let range): return memberWrite(base, name, range)
        case .tuple(let parts, let range):
            let places = parts.compactMap(place(of:))
            if places.count == 2, case .slot(let s0) = places[0], case .slot(let s1) = places[1] {
                // `for (x, y) in pairs` in a function: two slots, no loop over places.
                return { f, v in
                    if case .tuple(let t) = v, t.items.count == 2 {
                        f.slots[s0] = t.items[0]
                        f.slots[s1] = t.items[1]
                        return
                    }
                    let items = try located(range) { try Iteration.unpack(v, count: 2, CallContext(interp: f.interp)) }
                    f.slots[s0] = items[0]
                    f.slots[s1] = items[1]
                }
            }
            if places.count == parts.count {
                // `(x, y) = pair` into plain variables: stored directly, no closure per part.
                let count = places.count
                return { f, v in
                    if case .tuple(let t) = v, t.items.count == count {
                        for i in 0..<count { places[i].pointer(f).pointee = t.items[i] }
                        return
                    }
                    let items = try located(range) { try Iteration.unpack(v, count: count, CallContext(interp: f.interp)) }
                    for i in 0..<count { places[i].pointer(f).pointee = items[i] }
                }
            }
            let binders = parts.map(binder)
            return { f, v in
                let items = try located(range) { try Iteration.unpack(v, count: binders.count, CallContext(interp: f.interp)) }
                for (b, item) in zip(binders, items) { try b(f, item) }
            }
        }
    }

    /// `x op= v`. A native object (a tensor) may update itself in place; otherwise this is
    /// `x = x op v` with the target's parts evaluated once.
    func compoundAssignment(_ op: BinaryOperator, _ target: Pattern, _ valueExpr: Expr, _ range: SourceRange) -> Exec {
        let value = expression(valueExpr)
        let done = Completion.normal(.null)
        switch target {
        case .name(let name, let r):
            if let place = place(of: target), let exec = compoundPlace(op, place, name, r, value, range) { return exec }
            guard let ref = ref(at: r) else { return { _ in done } }
            let load = read(ref, name: name, range: r), store = write(ref)
            return { f in
                let current = try load(f), v = try value(f)
                if case .native(let o) = current, try located(range, { try o.inPlace(op, v, f.context) }) { return done }
                store(f, try located(range) { try Operators.binary(op, current, v, f.context) })
                return done
            }
        case .index(let base, let items, let r):
            return compoundIndex(op, base, items, r, value, range)
        case .member(let base, let name, let r):
            let object = expression(base)
            let cache = MemberCache(name)   // instances' fields go through their slots
            return { f in
                let ctx = CallContext(interp: f.interp)
                let o = try object(f)
                let current = try located(r) { try Compiler.getMember(o, cache, f) }
                let v = try value(f)
                if case .native(let n) = current, try located(range, { try n.inPlace(op, v, ctx) }) { return done }
                let updated = try located(range) { try Operators.binary(op, current, v, ctx) }
                try located(r) { try Compiler.setMember(o, updated, cache, f) }
                return done
            }
        case .tuple(_, let r):
            return { _ in throw Diagnostic(.invalidAssignmentTarget, at: r) }
        }
    }

    /// `x[...]`. One or two plain index values take the element fast paths (no index array);
    /// the object is evaluated first, then the indices from left to right.
    func index(_ base: Expr, _ items: [IndexItem], _ range: SourceRange) -> Code {
        let object = operand(base)
        switch singleValues(items) {
        case let parts? where parts.count == 1:
            return Operand.specialise(object, parts[0], IndexReadBuilder(range: range))
        case let parts? where parts.count == 2:
            let i0 = parts[0], i1 = parts[1]
            return { f in
                let o = try object.load(f), a = try i0.load(f), b = try i1.load(f)
                if let v = Indexing.element(o, a, b) { return v }
                return try located(range) { try Indexing.get(o, [.value(a), .value(b)], CallContext(interp: f.interp)) }
            }
        default:
            let index = indexArguments(items)
            return { f in
                let o = try object.load(f), i = try index(f)
                return try located(range) { try Indexing.get(o, i, CallContext(interp: f.interp)) }
            }
        }
    }

    /// The operands of index items that are all plain values (no slices), else nil.
    func singleValues(_ items: [IndexItem]) -> [Operand]? {
        var parts: [Operand] = []
        for item in items {
            guard case .single(let e) = item else { return nil }
            parts.append(operand(e))
        }
        return parts
    }

    /// Evaluates index items: values, or slices whose bounds are integers or nil.
    func indexArguments(_ items: [IndexItem]) -> (Frame) throws -> [IndexArgument] {
        typealias Part = (Frame) throws -> IndexArgument
        let parts: [Part] = items.map { item in
            switch item {
            case .single(let e):
                let code = expression(e)
                return { f in .value(try code(f)) }
            case .slice(let a, let b, let c, let range):
                let codes = [a, b, c].map { $0.map(expression) }
                return { f in
                    var bounds: [Int?] = []
                    for code in codes {
                        guard let code else { bounds.append(nil); continue }
                        bounds.append(try located(range) { try Operators.sliceBound(try code(f)) })
                    }
                    if bounds[2] == 0 { throw Diagnostic(.invalidValue(function: "slice", message: "slice step cannot be zero"), at: range) }
                    return .slice(start: bounds[0], stop: bounds[1], step: bounds[2])
                }
            case .ellipsis:
                return { _ in .ellipsis }
            }
        }
        return { f in try parts.map { try $0(f) } }
    }

    func importFile(_ path: String, _ range: SourceRange) -> Exec {
        let directory = Session.directory(containing: file.name)
        return { f in
            try f.interp.session.importFile(path, relativeTo: directory, at: range)
            return .normal(.null)
        }
    }
}
