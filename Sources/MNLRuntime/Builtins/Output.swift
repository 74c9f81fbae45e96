import MNLSyntax

extension CoreBuiltins {
    static let output: [Builtin] = [
        Builtin("print", [.variadic("values"), .optional("sep", defaultText: "\" \""), .optional("end", defaultText: "\"\\n\""),
                          .optional("flush", defaultText: "false")], topic: "core",
                doc: "Writes the values separated by sep and then end. Strings print without quotes; tensors print like NumPy. Output is written at once, so flush=true (accepted, as in Python) changes nothing.",
                example: "print(\"loss\", 0.25)\nprint(1, 2, sep=\", \", end=\"!\\n\")") { a, ctx in
            let sep = try a.string(0, default: " "), end = try a.string(1, default: "\n")
            _ = try a.bool(2, default: false)
            ctx.write(try a.rest.map { try $0.rendered(ctx) }.joined(separator: sep) + end)
            return .null
        },
        Builtin("help", [.optional("name", defaultText: "nil")], topic: "core",
                doc: "Shows the documentation of a builtin (its signature, what it does and an example), given by value or by name. help() lists every builtin by topic.",
                example: "help(\"len\")") { a, ctx in
            ctx.write(Help.text(for: a[0], session: ctx.session) + "\n")
            return .null
        },
        Builtin("error", [.required("message")], topic: "core",
                doc: "Stops with an error carrying message; try { } catch e { } catches it, with e holding the message.",
                example: "try { error(\"bad input\") } catch e { print(e) }") { a, ctx in
            throw Diagnostic(.userError(message: try a.value(0).rendered(ctx)), at: nil)
        },
    ]
}
