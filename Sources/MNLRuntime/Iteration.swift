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
        case .tuple(let t): return AnyIterator(t.makeIterator())
        case .range(let r):
            var i = 0
            return AnyIterator {
                guard i < r.count else { return nil }
                defer { i += 1 }
                return .number(Double(r.element(i)))
            }
        case .string(let s): return AnyIterator(s.map { Value.string(String($0)) }.makeIterator())
        case .record(let r): return AnyIterator(r.keys.map { Value.string($0) }.makeIterator())
        case .native(let o): return try o.iterate(ctx)
        default: throw Diagnostic(.notIterable(type: v.typeName), at: nil)
        }
    }

    static func values(_ v: Value, _ ctx: CallContext) throws -> [Value] {
        switch v {
        case .list(let l): return l.items
        case .tuple(let t): return t
        default: return Array(try iterator(v, ctx))
        }
    }

    /// `(a, b) = v`: exactly `count` values.
    static func unpack(_ v: Value, count: Int, _ ctx: CallContext) throws -> [Value] {
        let items = try values(v, ctx)
        guard items.count == count else { throw Diagnostic(.unpackMismatch(expected: count, got: items.count), at: nil) }
        return items
    }
}
