import MNLConsole
import MNLRuntime
import MNLSyntax

/// Adapts a language `Session` to the console's `ReplEngine`.
final class SessionEngine: ReplEngine {
    let session: Session
    let renderer: DiagnosticRenderer

    init(session: Session, renderer: DiagnosticRenderer) {
        self.session = session
        self.renderer = renderer
    }

    func isComplete(_ source: String) -> Bool {
        let (_, diagnostics) = Parser.parse(SourceFile(name: "<input>", text: source))
        return !diagnostics.contains { $0.isIncompleteInput }
    }

    func evaluate(_ source: String, name: String) -> ReplOutcome {
        switch session.run(source, name: name) {
        case .success(let echo): return .success(echo: echo.map { $0.repr() })
        case .failure(let diagnostics):
            if diagnostics.first?.kind == .interrupted { return .interrupted }
            return .failure(rendered: diagnostics.map(renderer.render).joined(separator: "\n") + "\n")
        }
    }

    /// Names that start with the word before the cursor: after `a.b.`, the members of that
    /// value (found without running anything); otherwise variables, builtins and keywords.
    func completions(line: String, cursor: Int) -> [String] {
        let head = String(line.prefix(cursor))
        let word = String(head.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }.reversed())
        let parts = word.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let prefix = parts.last ?? ""
        if parts.count > 1 {
            guard var value = session.global(parts[0]) else { return [] }
            for name in parts.dropFirst().dropLast() {
                guard case .record(let r) = value, let next = r[name] else { return [] }
                value = next
            }
            return Members.names(of: value).filter { $0.hasPrefix(prefix) }
        }
        let names = Set(session.userVariables.map(\.0)).union(session.builtins.keys).union(Keyword.allCases.map(\.rawValue))
        return names.filter { $0.hasPrefix(prefix) }.sorted()
    }

    func variables() -> [ReplVariable] {
        session.userVariables.map { name, value in
            let detail: String
            switch value {
            case .native(let o): detail = o.summary()
            case .closure(let c): detail = c.signature
            case .record(let r): detail = "fields: " + r.keys.map(\.text).joined(separator: ", ")
            case .list(let l): detail = "\(l.items.count) items"
            default:
                let text = value.repr()
                detail = text.count > 60 ? String(text.prefix(57)) + "..." : text
            }
            return ReplVariable(name: name, type: value.typeName, detail: detail)
        }
    }

    func help(for name: String) -> String? {
        guard session.builtins[name] != nil || session.global(name) != nil else { return nil }
        return Help.text(for: .string(name), session: session)
    }

    func reset() { session.reset() }
}
