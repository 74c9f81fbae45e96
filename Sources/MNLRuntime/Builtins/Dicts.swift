import Foundation
import MNLSyntax

/// `dict` and `reversed`, for Python users, and the constants `pi`, `e`, `inf` and `nan`.
extension CoreBuiltins {
    static let dicts: [Builtin] = [
        Builtin("dict", [.optional("pairs", defaultText: "nil"), .keywords("fields")], topic: "core",
                doc: "A new record from a list of (key, value) pairs, another record, and/or keyword arguments (Python's dict). Keys may be numbers, strings, bools or tuples of them.",
                example: "dict([(1, \"a\"), (2, \"b\")], lr=0.1)") { a, ctx in
            let box = RecordBox()
            if let source = a[0] {
                if case .record(let r) = source {
                    for (k, v) in r.entries { box[k] = v }
                } else {
                    for pair in try Iteration.values(source, ctx) {
                        guard case .tuple(let t) = pair, t.items.count == 2 else {
                            throw a.invalid("each element must be a (key, value) pair, got \(pair.typeName == "tuple" ? "a tuple of another length" : "a " + pair.typeName)")
                        }
                        box[try RecordKey(t.items[0])] = t.items[1]
                    }
                }
            }
            for (k, v) in a.extraKeywords { box[k] = v }
            return .record(box)
        },
        Builtin("reversed", [.required("values")], topic: "core",
                doc: "The values of a list, tuple, string or record (its keys) in reverse order, as a new list; a range gives the reversed range (still lazy).",
                example: "reversed([1, 2, 3])") { a, ctx in
            let v = try a.value(0)
            switch v {
            case .range(let r):
                // The last element, stepping back past the first: range(0, 10, 3) reversed is range(9, -3, -3).
                let n = r.count
                guard n > 0 else { return .range(RangeBox(start: 0, stop: 0, step: 1)) }
                let last = r.element(n - 1)
                return .range(RangeBox(start: last, stop: r.start - r.step, step: -r.step))
            case .list, .tuple, .string, .record: return .list(try Iteration.values(v, ctx).reversed())
            default: throw a.bad(0, expected: "list, tuple, string, range or record", got: v)
            }
        },
    ]

    /// The closest name to an undefined variable, leaving out the constants: `e` is one
    /// letter away from every one-letter name, and suggesting it for `x` would be noise.
    static let constantNames: Set<String> = ["pi", "e", "inf", "nan"]

    /// Global constants a program may read and also reassign (`for e in edges` still works).
    static var constants: [(String, Value)] { [
        ("pi", .number(Double.pi)), ("e", .number(M_E)), ("inf", .number(Double.infinity)), ("nan", .number(Double.nan)),
    ] }
}

func closestVariable(to name: String, among candidates: some Sequence<String>) -> String? {
    closestName(to: name, among: candidates.filter { !CoreBuiltins.constantNames.contains($0) })
}
