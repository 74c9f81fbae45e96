import MNLSyntax

/// What `help(Dense)` and `?Dense` show: the class line, its doc, how to construct it and
/// each method with its signature and doc (inherited ones say where they come from).
public enum ClassHelp {
    static func text(_ k: ClassType) -> String {
        var lines = ["class \(k.name)" + (k.base.map { "(\($0.name))" } ?? "")]
        if let doc = k.doc { lines.append("  " + doc) }
        lines.append("  constructor: \(k.signature)")
        if !k.fieldNames.isEmpty { lines.append("  fields: " + k.fieldNames.joined(separator: ", ")) }
        lines.append("  methods:")
        for name in k.methods.keys.sorted() {
            guard let m = k.methods[name] else { continue }
            let owner = definingClass(of: name, in: k)
            let inherited = owner === k ? "" : " (from \(owner.name))"
            lines.append("    " + plainSignature(m) + inherited + (m.function.doc.map { ": " + $0 } ?? ""))
        }
        return lines.joined(separator: "\n")
    }

    /// A function's signature and doc, and where it was defined.
    static func function(_ c: Closure) -> String {
        var text = c.signature
        if let doc = c.function.doc { text += "\n  " + doc }
        return text + "\n  a function defined in \(c.function.range)"
    }

    /// `forward(self, x)`, without the class name the compiled function carries.
    static func plainSignature(_ m: Closure) -> String {
        let name = m.name.split(separator: ".").last.map(String.init) ?? m.name
        return "\(name)(\(m.function.parameters.joined(separator: ", ")))"
    }

    /// The class, from `k` up, that declares method `name`.
    static func definingClass(of name: String, in k: ClassType) -> ClassType {
        var c = k
        while !c.ownMethodNames.contains(name), let base = c.base { c = base }
        return c
    }
}

extension ClassHelp {
    /// `Dense.forward` for `?Dense.forward`: the method of a global class, found without
    /// running anything; nil for any other name.
    public static func method(named dotted: String, in session: Session) -> Value? {
        let parts = dotted.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, case .classType(let k)? = session.global(String(parts[0])),
              let m = k.methods[String(parts[1])] else { return nil }
        return .closure(m)
    }
}
