import MNLSyntax

/// The text `help(x)`, `?name` and `:help name` show.
public enum Help {
    public static func text(for value: Value?, session: Session) -> String {
        switch value {
        case nil: return overview(session)
        case .string(let name)?:
            if let b = session.builtins[name] { return entry(b) }
            if let v = session.global(name) { return text(for: v, session: session) }
            let known = Array(session.builtins.keys) + session.userVariables.map(\.0)
            return "no help for '\(name)'" + (closestName(to: name, among: known).map { " (did you mean '\($0)'?)" } ?? "")
        case .builtin(let b)?:
            guard case .native(let o)? = b.receiver else { return entry(b.builtin) }
            return entry(b.builtin, method: o.typeName)
        case .closure(let c)?: return "\(c.signature)\n  a function defined in \(c.function.range)"
        case .native(let o)?: return classText(o)
        case let v?: return "\(v.typeName) value; methods: " + Members.names(of: v).joined(separator: ", ")
        }
    }

    /// Signature, description and example of one builtin.
    /// For a method (`method` is the class name), the signature reads `tensor.sum(axis=nil, ...)`.
    public static func entry(_ b: Builtin, method: String? = nil) -> String {
        let example = b.example.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        return "\(method.map { b.methodSignature(of: $0) } ?? b.signature)\n  \(b.doc)\n  Example:\n\(example)"
    }

    /// A native object's class: its doc, properties (marked settable where they are) and methods.
    static func classText(_ o: NativeObject) -> String {
        let c = o.nativeClass
        var lines = ["\(c.name): \(o.summary())", "  \(c.doc)"]
        if let make = c.constructor { lines.append("  made by: \(make.signature)") }
        let properties = c.properties.map { $0.isSettable ? "\($0.name) (settable)" : $0.name }
        if !properties.isEmpty { lines.append("  properties: " + properties.joined(separator: ", ")) }
        let methods = c.methods.map(\.name)
        if !methods.isEmpty { lines.append("  methods: " + methods.joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }

    static func overview(_ session: Session) -> String {
        var byTopic: [String: [String]] = [:]
        for b in session.builtins.values { byTopic[b.topic, default: []].append(b.name) }
        var lines = ["Builtins by topic (help(\"name\") or ?name for one):"]
        for topic in byTopic.keys.sorted() {
            lines.append("  \(topic): " + (byTopic[topic] ?? []).sorted().joined(separator: ", "))
        }
        lines.append("Keywords: " + Keyword.allCases.map(\.rawValue).joined(separator: " "))
        return lines.joined(separator: "\n")
    }
}
