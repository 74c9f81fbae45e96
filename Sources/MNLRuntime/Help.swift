import MNLSyntax

/// The text `help(x)`, `?name`, `name?` and `:help name` show.
public enum Help {
    /// Runs an example in a scratch session and returns what it printed and showed; the
    /// REPL passes one so that help shows each example's output.
    public typealias ExampleRunner = (_ code: String) -> String

    public static func text(for value: Value?, session: Session) -> String {
        switch value {
        case nil: return overview(session)
        case .string(let name)?: return text(forTopic: name, session: session) ?? unknown(name, session)
        case .builtin(let b)?:
            guard case .native(let o)? = b.receiver else { return entry(b.builtin) }
            return entry(b.builtin, method: o.typeName)
        case .closure(let c)?: return ClassHelp.function(c)
        case .classType(let k)?: return ClassHelp.text(k)
        case .instance(let i)?: return ClassHelp.text(i.cls) + "\n  fields: " + i.fieldSummary
        case .boundMethod(let m)?: return ClassHelp.function(m.method)
        case .native(let o)?: return classText(o)
        case let v?: return "\(v.typeName) value; methods: " + Members.names(of: v).joined(separator: ", ")
        }
    }

    /// Help on a topic: a keyword (`for`), a builtin (`sum`), a variable (`x`), or a member of
    /// a value found without side effects (`x.sum`, `data.train.shape`, `Dense.fit`). nil
    /// when there is no such topic.
    public static func text(forTopic topic: String, session: Session, runExample: ExampleRunner? = nil) -> String? {
        if let keyword = KeywordHelp.text(for: topic) {
            return keyword + exampleSection(KeywordHelp.example(for: topic), runExample)
        }
        if let b = session.builtins[topic] { return entry(b, runExample: runExample) }
        if let dot = topic.lastIndex(of: "."), let owner = Inspection.value(of: String(topic[..<dot]), in: session) {
            let name = String(topic[topic.index(after: dot)...])
            switch Inspection.member(name, of: owner, in: session) {
            case .method(let m)?: return "method of \(owner.typeName)\n" + entry(m, runExample: runExample)
            case .value(let v)?: return memberValue(topic, v, of: owner, session)
            case nil: return nil
            }
        }
        if let v = session.global(topic) { return text(for: v, session: session) }
        return nil
    }

    /// A field or property: its type and value, or the help of the object it holds.
    static func memberValue(_ topic: String, _ v: Value, of owner: Value, _ session: Session) -> String {
        switch v {
        case .native, .closure, .builtin: return "\(topic): member of \(owner.typeName)\n" + text(for: v, session: session)
        default: return "\(topic): \(v.typeName) member of \(owner.typeName), now \(v.echoed(style: EchoStyle()))"
        }
    }

    /// `no help for 'randm' (did you mean 'randn'?)`
    public static func unknown(_ topic: String, _ session: Session) -> String {
        let names = Array(session.builtins.keys) + KeywordHelp.words + session.userVariables.map(\.0)
        let hint = closestName(to: topic, among: names).map { " (did you mean '\($0)'?)" } ?? ""
        return "no help for '\(topic)'\(hint)"
    }

    /// Signature, description and example of one builtin; with a runner, the example's output.
    /// For a method (`method` is the class name), the signature reads `tensor.sum(axis=nil, ...)`.
    public static func entry(_ b: Builtin, method: String? = nil, runExample: ExampleRunner? = nil) -> String {
        "\(method.map { b.methodSignature(of: $0) } ?? b.signature)\n  \(b.doc)" + exampleSection((b.example, true), runExample)
    }

    /// `  Example:` with the code indented, then `  Output:` with what it printed and showed.
    static func exampleSection(_ example: (code: String, runs: Bool)?, _ runExample: ExampleRunner?) -> String {
        guard let example, !example.code.isEmpty else { return "" }
        var text = "\n  Example:\n" + indented(example.code)
        if example.runs, let runExample {
            let output = runExample(example.code)
            if !output.isEmpty { text += "\n  Output:\n" + indented(output) }
        }
        return text
    }

    private static func indented(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { "    " + $0 }.joined(separator: "\n")
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
        lines.append("Keywords (?for, help(\"for\")): " + KeywordHelp.words.joined(separator: " "))
        return lines.joined(separator: "\n")
    }
}
