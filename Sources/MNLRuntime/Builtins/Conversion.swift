import Foundation
import MNLSyntax

extension CoreBuiltins {
    static let conversion: [Builtin] = [
        Builtin("type", [.required("value")], topic: "core",
                doc: "The name of a value's type: number, string, bool, nil, list, record, tuple, range, function, a library type such as tensor, the class name of an instance, class, or method.",
                example: "type([1, 2])") { a, _ in .string(try a.value(0).typeName) },
        Builtin("str", [.required("value")], topic: "core", doc: "The value as print shows it.", example: "str(3) + \"!\"") { a, ctx in
            .string(try a.value(0).rendered(ctx))
        },
        Builtin("int", [.required("value")], topic: "core",
                doc: "A number truncated toward zero, or a string parsed as an integer. A one-element tensor gives its value.",
                example: "int(3.9)", fast1: { v, _ in
            guard case .number(let n) = v, n.isFinite else { return nil }
            return .number(n.rounded(.towardZero))
        }) { a, ctx in
            let v = try numberArgument(a, ctx, function: "int")
            guard v.isFinite else { throw Diagnostic(.numberTooLarge(function: "int"), at: nil) }
            return .number(v.rounded(.towardZero))
        },
        Builtin("float", [.required("value")], topic: "core",
                doc: "A number from a number, bool, numeric string or one-element tensor.", example: "float(\"2.5\")",
                fast1: { v, _ in if case .number = v { v } else { nil } }) { a, ctx in
            .number(try numberArgument(a, ctx, function: "float"))
        },
        Builtin("bool", [.required("value")], topic: "core", doc: "The truth value: nil, false, 0, \"\" and empty collections are false.",
                example: "bool([])") { a, _ in .bool(try a.value(0).truthValue()) },
        Builtin("list", [.optional("values", defaultText: "[]")], topic: "core",
                doc: "A new list of the values of an iterable (a range, tuple, string, list, or a tensor's rows).",
                example: "list(range(3))") { a, ctx in
            guard let v = a[0] else { return .list([]) }
            return .list(try Iteration.values(v, ctx))
        },
    ]

    static func numberArgument(_ a: Arguments, _ ctx: CallContext, function: String) throws -> Double {
        let v = try a.value(0)
        switch v {
        case .number(let n): return n
        case .bool(let b): return b ? 1 : 0
        case .string(let s):
            guard let n = Double(s.trimmingCharacters(in: .whitespaces)) else { throw a.invalid("cannot convert \"\(s)\" to a number") }
            return n
        case .native(let o):
            if let n = try o.number() { return n }
            throw a.bad(0, expected: "number", got: v)
        default: throw a.bad(0, expected: "number", got: v)
        }
    }
}
