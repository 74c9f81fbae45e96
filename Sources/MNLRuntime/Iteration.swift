import MNLSyntax

/// What `for` loops, comprehensions and unpacking iterate over.
enum Iteration {
    /// An iterator over a value: list elements (read live, as Python does), tuple elements,
    /// range numbers, string characters, record keys, or whatever a native object yields.
    static func iterator(_ v: Value, _ ctx: CallContext) throws -> ValueIterator {
        switch v {
        case .list(let l):
            var i = 0
            return ValueIterator {
                guard i < l.items.count else { return nil }
                defer { i += 1 }
                return l.items[i]
            }
        case .tuple(let t): return ValueIterator(t.items)
        case .range(let r):
            var i = 0
            return ValueIterator {
                guard i < r.count else { return nil }
                defer { i += 1 }
                return .number(Double(r.element(i)))
            }
        case .string(let s):
            try Allocation.check(values: s.utf8.count)
            return ValueIterator(s.map { Value.string(String($0)) })
        case .record(let r): return ValueIterator(r.keys.map(\.value))
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
    static func collect(_ iterator: ValueIterator) throws -> [Value] {
        var out: [Value] = []
        while let v = try iterator.next() {
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

/// The values of one `for` loop (or comprehension, or unpacking). Its `next` may throw: a
/// native object's iteration can fail between values (a batch that does not fit in memory).
public struct ValueIterator {
    let step: () throws -> Value?

    public init(_ step: @escaping () throws -> Value?) { self.step = step }

    /// The elements of an array, in order.
    public init(_ values: [Value]) {
        var i = 0
        self.init {
            guard i < values.count else { return nil }
            defer { i += 1 }
            return values[i]
        }
    }

    /// The next value, or nil at the end.
    @inline(__always) public func next() throws -> Value? { try step() }
}
