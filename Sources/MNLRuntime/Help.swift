import MNLSyntax

/// The text `help(x)`, `?name` and `:help name` show.
public enum Help {
    public static func text(for value: Value?, session: Session) -> String {
        switch value {
        case nil: return overview(session)
        case .string(let name)?:
            if let b = session.builtins[name] { return entry(b) }
            if let v = session.global(name) { return text(for: v, session: session) }
            return "no help for '\(name)'"
        case .builtin(let b)?: return entry(b.builtin)
        case .closure(let c)?: return ClassHelp.function(c)
        case .classType(let k)?: return ClassHelp.text(k)
        case .instance(let i)?: return ClassHelp.text(i.cls) + "\n  fields: " + i.fieldSummary
        case .boundMethod(let m)?: return ClassHelp.function(m.method)
        case .native(let o)?:
            return "\(o.typeName): \(o.summary())\n  members: " + o.members.names.joined(separator: ", ")
        case let v?: return "\(v.typeName) value; methods: " + Members.names(of: v).joined(separator: ", ")
        }
    }

    /// Signature, description and example of one builtin.
    public static func entry(_ b: Builtin) -> String {
        let example = b.example.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        return "\(b.signature)\n  \(b.doc)\n  Example:\n\(example)"
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
