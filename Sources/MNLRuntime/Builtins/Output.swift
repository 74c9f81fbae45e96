import MNLSyntax

extension CoreBuiltins {
    static let output: [Builtin] = [
        Builtin("print", [.variadic("values"), .keywords("options")], topic: "core",
                doc: "Writes the values separated by spaces (sep=\" \") and then a newline (end=\"\\n\"). Strings print without quotes; tensors print like NumPy. flush=true is accepted (output is never held back).",
                example: "print(\"loss\", 0.25)") { a, ctx in
            var sep = " ", end = "\n"
            for (k, v) in a.extraKeywords {
                // The name first, then the type: `flush=true` is not "string expected".
                switch (k, v) {
                case ("sep", .string(let s)): sep = s
                case ("end", .string(let s)): end = s
                case ("flush", .bool): break  // every print is written out at once already
                case ("sep", _), ("end", _), ("flush", _):
                    let expected = k == "flush" ? "bool" : "string"
                    throw Diagnostic(.badArgument(function: "print", position: 0, name: k, expected: expected, got: v.typeName), at: nil)
                default: throw Diagnostic(.unknownKeyword(function: "print", name: k), at: nil)
                }
            }
            ctx.write(a.allPositional.map { $0.rendered() }.joined(separator: sep) + end)
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
                example: "try { error(\"bad input\") } catch e { print(e) }") { a, _ in
            throw Diagnostic(.userError(message: try a.value(0).rendered()), at: nil)
        },
    ]
}
