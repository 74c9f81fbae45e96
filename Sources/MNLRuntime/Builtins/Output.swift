import MNLSyntax

extension CoreBuiltins {
    static let output: [Builtin] = [
        Builtin("print", [.variadic("values"), .keywords("options")], topic: "core",
                doc: "Writes the values separated by spaces (sep=\" \") and then a newline (end=\"\\n\"). Strings print without quotes; tensors print like NumPy.",
                example: "print(\"loss\", 0.25)") { a, ctx in
            var sep = " ", end = "\n"
            for (k, v) in a.extraKeywords {
                guard case .string(let s) = v else { throw Diagnostic(.badArgument(function: "print", position: 0, name: k, expected: "string", got: v.typeName), at: nil) }
                switch k {
                case "sep": sep = s
                case "end": end = s
                default: throw Diagnostic(.unknownKeyword(function: "print", name: k), at: nil)
                }
            }
            ctx.write(try a.allPositional.map { try $0.rendered(ctx) }.joined(separator: sep) + end)
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
