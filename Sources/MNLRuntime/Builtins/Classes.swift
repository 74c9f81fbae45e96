import MNLSyntax

extension CoreBuiltins {
    static let classes: [Builtin] = [
        Builtin("isinstance", [.required("value"), .required("kind")], topic: "core",
                doc: "True when value is an instance of the class kind or of a class that inherits from it. kind may also be a type name as type() gives it (\"number\", \"tensor\"), or a tuple of classes and names (true when any matches).",
                example: "class Point { }\nisinstance(Point(), Point)") { a, _ in
            let value = try a.value(0), kind = try a.value(1)
            if case .tuple(let t) = kind {
                for k in t.items where try matches(value, k, a) { return .bool(true) }
                return .bool(false)
            }
            return .bool(try matches(value, kind, a))
        },
    ]

    private static func matches(_ value: Value, _ kind: Value, _ a: Arguments) throws -> Bool {
        switch kind {
        case .classType(let k):
            guard case .instance(let i) = value else { return false }
            return i.cls.isSubclass(of: k)
        case .string(let name): return value.typeName == name
        default: throw a.bad(1, expected: "class, type name or tuple of them", got: kind)
        }
    }
}
