import Foundation
import MNLSyntax

/// Methods of the language's own types (`xs.append(4)`, `s.split(",")`, `r.keys()`).
/// Each is an ordinary builtin whose first argument is the receiver.
enum CoreMethods {
    static func table(for v: Value) -> [String: Builtin] {
        switch v {
        case .list: list
        case .string: string
        case .record: record
        case .number, .bool: number
        default: [:]
        }
    }

    static func method(_ name: String, _ params: [BuiltinParameter], _ doc: String, _ example: String,
                       _ body: @escaping (Arguments, CallContext) throws -> Value) -> (String, Builtin) {
        (name, Builtin(name, [.required("self")] + params, topic: "methods", doc: doc, example: example, body: body))
    }

    static func listBox(_ a: Arguments) throws -> ListBox {
        guard case .list(let l) = try a.value(0) else { throw a.bad(0, expected: "list", got: try a.value(0)) }
        return l
    }

    /// A number answers `.item()` as a scalar tensor does, so code that calls it on whatever a
    /// computation returned works for both.
    static let number: [String: Builtin] = Dictionary(uniqueKeysWithValues: [
        method("item", [], "The number itself (as a scalar tensor's item() gives its number).", "(2.5).item()") { a, _ in
            try a.value(0)
        },
    ])

    static let list: [String: Builtin] = Dictionary(uniqueKeysWithValues: [
        method("append", [.required("value")], "Adds a value at the end of the list.", "xs = [1]\nxs.append(2)\nxs") { a, _ in
            let l = try listBox(a)
            try Allocation.checkGrowth(of: l.items)
            l.items.append(try a.value(1)); return .null
        },
        method("pop", [.optional("index", defaultText: "-1")], "Removes and returns the element at index (the last by default).",
               "xs = [1, 2]\nxs.pop()") { a, _ in
            let l = try listBox(a)
            let i = try Indexing.position(.number(try a.number(1, default: -1)), count: l.items.count)
            return l.items.remove(at: i)
        },
        method("extend", [.required("values")], "Appends every value of an iterable.", "xs = [1]\nxs.extend([2, 3])\nxs") { a, ctx in
            let l = try listBox(a), more = try Iteration.values(try a.value(1), ctx)
            try Allocation.check(values: l.items.count &+ more.count)
            l.items.append(contentsOf: more); return .null
        },
        method("insert", [.required("index"), .required("value")], "Inserts a value before index.", "xs = [1, 3]\nxs.insert(1, 2)\nxs") { a, _ in
            let l = try listBox(a)
            let i = Swift.min(Swift.max(try a.int(1) < 0 ? try a.int(1) + l.items.count : try a.int(1), 0), l.items.count)
            try Allocation.checkGrowth(of: l.items)
            l.items.insert(try a.value(2), at: i); return .null
        },
        method("index", [.required("value")], "The position of the first element equal to value.", "[5, 6, 7].index(6)") { a, _ in
            let v = try a.value(1)
            guard let i = try listBox(a).items.firstIndex(where: { try Operators.equal($0, v) }) else {
                throw a.invalid("value not in list")
            }
            return .number(Double(i))
        },
        method("reverse", [], "Reverses the list in place.", "xs = [1, 2, 3]\nxs.reverse()\nxs") { a, _ in
            try listBox(a).items.reverse(); return .null
        },
        method("copy", [], "A shallow copy of the list.", "[1, 2].copy()") { a, _ in .list(ListBox(try listBox(a).items)) },
    ])

    static let string: [String: Builtin] = Dictionary(uniqueKeysWithValues: [
        method("split", [.optional("separator", defaultText: "whitespace")], "Splits the string into a list of strings.",
               "\"a,b,c\".split(\",\")") { a, _ in
            let s = try a.string(0)
            if a[1] != nil, try a.string(1).isEmpty { throw a.invalid("empty separator") }
            let parts: [String] = a[1] == nil ? s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
                : s.components(separatedBy: try a.string(1))
            return .list(parts.map { .string($0) })
        },
        method("join", [.required("values")], "Joins strings with this string between them.", "\", \".join([\"a\", \"b\"])") { a, ctx in
            let separator = try a.string(0), parts = try Iteration.values(try a.value(1), ctx).map { $0.rendered() }
            let (gaps, o1) = separator.utf8.count.multipliedReportingOverflow(by: Swift.max(parts.count - 1, 0))
            var total = gaps
            for p in parts where !o1 { total = total &+ p.utf8.count }
            try Allocation.check(bytes: o1 || total < 0 ? nil : total)
            return .string(parts.joined(separator: separator))
        },
        method("strip", [], "The string without leading and trailing white space.", "\"  hi \".strip()") { a, _ in
            .string(try a.string(0).trimmingCharacters(in: .whitespacesAndNewlines))
        },
        method("upper", [], "The string in upper case.", "\"mnist\".upper()") { a, _ in .string(try a.string(0).uppercased()) },
        method("lower", [], "The string in lower case.", "\"MNIST\".lower()") { a, _ in .string(try a.string(0).lowercased()) },
        method("replace", [.required("old"), .required("new")], "Replaces every occurrence of old with new.",
               "\"a-b\".replace(\"-\", \"+\")") { a, _ in
            let old = try a.string(1)
            guard !old.isEmpty else { throw a.invalid("cannot replace an empty string") }
            let s = try a.string(0), new = try a.string(2)
            // At most every stretch of old's length is replaced: the result's largest size.
            let (most, o) = (s.utf8.count / old.utf8.count).multipliedReportingOverflow(by: new.utf8.count)
            try Allocation.check(bytes: o ? nil : most &+ s.utf8.count)
            return .string(s.replacingOccurrences(of: old, with: new))
        },
        method("startswith", [.required("prefix")], "True when the string starts with prefix.", "\"mnist\".startswith(\"mn\")") { a, _ in
            .bool(try a.string(0).hasPrefix(try a.string(1)))
        },
        method("endswith", [.required("suffix")], "True when the string ends with suffix.", "\"run.mnl\".endswith(\".mnl\")") { a, _ in
            .bool(try a.string(0).hasSuffix(try a.string(1)))
        },
        method("contains", [.required("part")], "True when part occurs in the string.", "\"kmeans\".contains(\"mean\")") { a, _ in
            .bool(try a.string(0).contains(try a.string(1)))
        },
    ])

    static var record: [String: Builtin] { RecordMethods.table }
}
