import MNLSyntax

/// What `for` loops, comprehensions and unpacking iterate over.
enum Iteration {
    /// An iterator over a value: list elements (read live, as Python does), tuple elements,
    /// range numbers, string characters, record keys, or whatever a native object yields.
    static func iterator(_ v: Value, _ ctx: CallContext) throws -> AnyIterator<Value> {
        switch v {
        case .list(let l):
            var i = 0
            return AnyIterator {
                guard i < l.items.count else { return nil }
                defer { i += 1 }
                return l.items[i]
            }
        case .tuple(let t): return AnyIterator(t.items.makeIterator())
        case .range(let r):
            var i = 0
            return AnyIterator {
                guard i < r.count else { return nil }
                defer { i += 1 }
                return .number(Double(r.element(i)))
            }
        case .string(let s):
            try Allocation.check(values: s.utf8.count)
            return AnyIterator(s.map { Value.string(String($0)) }.makeIterator())
        case .record(let r): return AnyIterator(r.keys.map(\.value).makeIterator())
        case .native(let o): return try o.iterate(ctx)
        default: throw Diagnostic(.notIterable(type: v.typeName), at: nil)
        }
    }

    static func values(_ v: Value, _ ctx: CallContext) throws -> [Value] {
        switch v {
        case .list(let l): return l.items
        case .tuple(let t): return t.items
        case .range(let r):
            try Allocation.check(values: r.count)
            return (0..<r.count).map { .number(Double(r.element($0))) }
        default: return try collect(try iterator(v, ctx))
        }
    }

    /// Every value an iterator yields, growing the list only as the memory budget allows.
    static func collect(_ iterator: AnyIterator<Value>) throws -> [Value] {
        var out: [Value] = []
        while let v = iterator.next() {
            try Allocation.checkGrowth(of: out)
            out.append(v)
        }
        return out
    }

    /// `(a, b) = v`: exactly `count` values.
    static func unpack(_ v: Value, count: Int, _ ctx: CallContext) throws -> [Value] {
        let items = try values(v, ctx)
        guard items.count == count else { throw Diagnostic(.unpackMismatch(expected: count, got: items.count), at: nil) }
        return items
    }
}
