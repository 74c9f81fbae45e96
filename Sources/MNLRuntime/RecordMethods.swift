import MNLSyntax

/// The methods of records (`d.keys()`, `d.get(k, 0)`, `d.pop(k)`), Python's dict methods.
/// A field with the same name as a method wins: `{keys: 1}.keys` is 1.
enum RecordMethods {
    static func recordBox(_ a: Arguments) throws -> RecordBox {
        guard case .record(let r) = try a.value(0) else { throw a.bad(0, expected: "record", got: try a.value(0)) }
        return r
    }

    static let table: [String: Builtin] = Dictionary(uniqueKeysWithValues: [
        CoreMethods.method("keys", [], "The keys, in insertion order.", "{a: 1, b: 2}.keys()") { a, _ in
            .list(try recordBox(a).keys.map(\.value))
        },
        CoreMethods.method("values", [], "The values, in insertion order.", "{a: 1, b: 2}.values()") { a, _ in
            .list(try recordBox(a).entries.map(\.1))
        },
        CoreMethods.method("items", [], "(key, value) tuples, in insertion order.", "{a: 1, 3: \"x\"}.items()") { a, _ in
            .list(try recordBox(a).entries.map { .tuple([$0.0.value, $0.1]) })
        },
        CoreMethods.method("get", [.required("key"), .optional("default", defaultText: "nil")],
                           "The value for key, or default when the key is absent.", "{a: 1}.get(\"b\", 0)") { a, _ in
            try recordBox(a)[try RecordKey(try a.value(1))] ?? (a[2] ?? .null)
        },
        CoreMethods.method("has", [.required("key")], "True when the record has the key (the same as `key in d`).",
                           "{a: 1}.has(\"a\")") { a, _ in
            .bool(try recordBox(a)[try RecordKey(try a.value(1))] != nil)
        },
        CoreMethods.method("pop", [.required("key"), .optional("default", defaultText: "none")],
                           "Removes the key and returns its value; without a default, a missing key is an error.",
                           "d = {a: 1, b: 2}\nd.pop(\"a\")\nd") { a, _ in
            let r = try recordBox(a), key = try RecordKey(try a.value(1))
            guard let v = r[key] else {
                if let fallback = try? a.value(2) { return fallback }
                throw Indexing.missing(key, in: r)
            }
            r[key] = nil
            return v
        },
        CoreMethods.method("update", [.required("other")], "Copies every key and value of another record into this one.",
                           "d = {a: 1}\nd.update({b: 2, a: 0})\nd") { a, _ in
            let r = try recordBox(a)
            guard case .record(let other) = try a.value(1) else { throw a.bad(1, expected: "record", got: try a.value(1)) }
            for (k, v) in other.entries { r[k] = v }
            return .null
        },
        CoreMethods.method("copy", [], "A shallow copy of the record.", "{a: [1]}.copy()") { a, _ in
            .record(RecordBox(entries: try recordBox(a).entries))
        },
    ])
}
