import MNLSyntax

extension CoreBuiltins {
    static let collections: [Builtin] = [
        Builtin("len", [.required("value")], topic: "core",
                doc: "The number of elements of a list, tuple, string, record, range, or of a tensor's first axis.",
                example: "len([1, 2, 3])", fast1: { v, _ in length(v) }) { a, _ in
            let v = try a.value(0)
            if let n = length(v) { return n }
            throw a.bad(0, expected: "collection", got: v)
        },
        Builtin("range", [.required("start"), .optional("stop", defaultText: "nil"), .optional("step", defaultText: "1")], topic: "core",
                doc: "The integers from start (0 when only one argument is given) up to but not including stop, by step.",
                example: "list(range(2, 10, 3))") { a, _ in
            let hasStop = a[1] != nil
            let start = hasStop ? try a.int(0) : 0, stop = hasStop ? try a.int(1) : try a.int(0)
            let step = try a.int(2, default: 1)
            guard step != 0 else { throw a.invalid("step must not be zero") }
            return .range(RangeBox(start: start, stop: stop, step: step))
        },
        Builtin("map", [.required("fn"), .required("values")], topic: "core",
                doc: "A list of fn(value) for each value of an iterable.", example: "map(fn(x) { x * x }, [1, 2, 3])") { a, ctx in
            let f = try a.value(0)
            return .list(try Iteration.values(try a.value(1), ctx).map { try ctx.call(f, [$0]) })
        },
        Builtin("filter", [.required("fn"), .required("values")], topic: "core",
                doc: "A list of the values for which fn(value) is true.", example: "filter(fn(x) { x % 2 == 0 }, range(6))") { a, ctx in
            let f = try a.value(0)
            return .list(try Iteration.values(try a.value(1), ctx).filter { try ctx.call(f, [$0]).truthValue() })
        },
        Builtin("enumerate", [.required("values"), .optional("start", defaultText: "0")], topic: "core",
                doc: "A list of (index, value) tuples.", example: "for (i, x) in enumerate([\"a\", \"b\"]) { print(i, x) }") { a, ctx in
            let start = try a.int(1, default: 0)
            return .list(try Iteration.values(try a.value(0), ctx).enumerated().map { .tuple([.number(Double($0.offset + start)), $0.element]) })
        },
        Builtin("zip", [.variadic("iterables")], topic: "core",
                doc: "A list of tuples pairing the i-th values of each iterable, as long as the shortest.",
                example: "zip([1, 2], [\"a\", \"b\"])") { a, ctx in
            let lists = try a.allPositional.map { try Iteration.values($0, ctx) }
            let n = lists.map(\.count).min() ?? 0
            return .list((0..<n).map { i in .tuple(lists.map { $0[i] }) })
        },
        Builtin("keys", [.required("record")], topic: "core", doc: "The field names of a record, in insertion order.",
                example: "keys({lr: 0.1, epochs: 3})") { a, _ in
            guard case .record(let r) = try a.value(0) else { throw a.bad(0, expected: "record", got: try a.value(0)) }
            return .list(r.keys.map(\.value))
        },
        Builtin("values", [.required("record")], topic: "core", doc: "The field values of a record, in insertion order.",
                example: "values({lr: 0.1, epochs: 3})") { a, _ in
            guard case .record(let r) = try a.value(0) else { throw a.bad(0, expected: "record", got: try a.value(0)) }
            return .list(r.entries.map(\.1))
        },
    ]

    /// `len(v)`, or nil when `v` has no length.
    static func length(_ v: Value) -> Value? {
        switch v {
        case .list(let l): .number(Double(l.items.count))
        case .tuple(let t): .number(Double(t.items.count))
        case .string(let s): .number(Double(s.count))
        case .record(let r): .number(Double(r.count))
        case .range(let r): .number(Double(r.count))
        case .native(let o): o.length.map { .number(Double($0)) }
        default: nil
        }
    }
}
