import MNLConsole
import MNLDisplay
import MNLRuntime
import MNLStdlib
import MNLSyntax

/// Adapts a language `Session` to the console's `ReplEngine`.
final class SessionEngine: ReplEngine {
    let session: Session
    let renderer: DiagnosticRenderer
    /// The terminal's width for echoed values, asked at each echo (nil: not a terminal).
    let lineWidth: () -> Int?
    /// The last failure's diagnostic, for `replayableForm(ofFailedInput:)`.
    private var lastFailure: (diagnostic: Diagnostic, ran: Bool)?

    init(session: Session, renderer: DiagnosticRenderer, lineWidth: @escaping () -> Int? = { nil }) {
        self.session = session
        self.renderer = renderer
        self.lineWidth = lineWidth
    }

    /// Echoes summarise long values and use the terminal's width.
    var echoStyle: EchoStyle { EchoStyle(lineWidth: lineWidth()) }

    /// Complete when the parser accepts the input, or when it found an error other than
    /// "unexpected end of input" and every bracket is closed. An error inside an open block
    /// waits for the block's end, so the whole block is rejected once instead of its last
    /// lines running as new inputs (a cascade of errors).
    func isComplete(_ source: String) -> Bool {
        let file = SourceFile(name: "<input>", text: source)
        let (_, diagnostics) = Parser.parse(file)
        if diagnostics.contains(where: \.isIncompleteInput) { return false }
        return diagnostics.isEmpty || Self.openBrackets(file) <= 0
    }

    /// Opening minus closing brackets, braces and parentheses. From the tokens when the text
    /// lexes; otherwise (a bad string or character somewhere) from the characters, skipping
    /// strings and comments, so that a lexical error inside a block also waits for its end.
    static func openBrackets(_ file: SourceFile) -> Int {
        guard let tokens = try? Lexer.tokenize(file) else { return openBrackets(inCharactersOf: file.text) }
        return tokens.reduce(0) { depth, token in
            guard case .op(let op) = token.kind else { return depth }
            switch op {
            case .leftParen, .leftBracket, .leftBrace: return depth + 1
            case .rightParen, .rightBracket, .rightBrace: return depth - 1
            default: return depth
            }
        }
    }

    static func openBrackets(inCharactersOf text: String) -> Int {
        var depth = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var inString = false, escaped = false
            for c in line {
                if inString {
                    if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                    continue
                }
                if c == "#" { break }
                switch c {
                case "\"": inString = true
                case "(", "[", "{": depth += 1
                case ")", "]", "}": depth -= 1
                default: break
                }
            }
        }
        return depth
    }

    func evaluate(_ source: String, name: String) -> ReplOutcome {
        if let word = Self.exitWord(source), case .builtin? = session.global(word) { return .exit(status: 0) }
        switch session.run(source, name: name) {
        case .success(let echo):
            lastFailure = nil
            guard let echo else { return .success(echo: nil) }
            session.rememberLastValue(echo)
            // A figure or image at the prompt is drawn, as a notebook cell shows it.
            if case .native(let object) = echo, let rich = object as? RichValue {
                session.display.show(rich)
                return .success(echo: nil)
            }
            // Instances print through their own __repr__, which needs the interpreter.
            let text = Self.holdsInstances(echo) ? session.echoText(echo) : echo.echoed(style: echoStyle)
            return .success(echo: text)
        case .failure(let diagnostics):
            return outcome(of: diagnostics, source: source, name: name)
        }
    }

    /// An exit request, an interrupt, or the first error, rendered. One error per input, as
    /// Python shows: later syntax errors in the same input are mostly the parser's recovery
    /// stumbling over what the first one left behind.
    private func outcome(of diagnostics: [Diagnostic], source: String, name: String) -> ReplOutcome {
        if let status = diagnostics.first?.exitStatus { return .exit(status: Int32(status)) }
        if diagnostics.first?.kind == .interrupted { return .interrupted }
        lastFailure = diagnostics.first.map { ($0, session.check(SourceFile(name: name, text: source)).isEmpty) }
        return .failure(rendered: diagnostics.prefix(1).map(renderer.render).joined() + "\n")
    }

    func evaluateRepeatedly(_ source: String, name: String, times: Int) -> ReplOutcome {
        switch session.runRepeatedly(source, name: name, times: times) {
        case .success: return .success(echo: nil)
        case .failure(let diagnostics): return outcome(of: diagnostics, source: source, name: name)
        }
    }

    /// `exit` or `quit` typed alone (Python's REPL accepts them without parentheses too).
    static func exitWord(_ source: String) -> String? {
        let words = source.split(whereSeparator: \.isWhitespace)
        guard words.count == 1, let word = words.first, word == "exit" || word == "quit" else { return nil }
        return String(word)
    }

    /// A failed input that ran (a runtime error, not a syntax error) may have changed
    /// variables before failing, so `:save` keeps it inside `try { } catch { }`: the replay
    /// repeats its effects and its failure, and the saved script goes on.
    func replayableForm(ofFailedInput source: String) -> String? {
        guard let failure = lastFailure, failure.ran else { return nil }
        let message = failure.diagnostic.kind.message.split(separator: "\n").first.map(String.init) ?? ""
        return "# failed at the prompt (\(message)); kept for the variables it set\n"
            + "try {\n\(source)\n} catch {}"
    }

    func completions(line: String, cursor: Int) -> [String] {
        SessionCompletion(session: session).candidates(line: line, cursor: cursor)
    }

    func variables() -> [ReplVariable] {
        session.userVariables.compactMap { name, value in
            // `_` is the last value (or a throwaway name), not one of the session's variables.
            if name == "_" { return nil }
            return ReplVariable(name: name, type: value.typeName, detail: Self.detail(of: value))
        }
    }

    /// Whether the value is an instance of a user class or directly holds one.
    static func holdsInstances(_ value: Value) -> Bool {
        func isInstance(_ v: Value) -> Bool { if case .instance = v { true } else { false } }
        switch value {
        case .instance: return true
        case .list(let l): return l.items.contains(where: isInstance)
        case .tuple(let t): return t.items.contains(where: isInstance)
        case .record(let r): return r.entries.contains { isInstance($0.1) }
        default: return false
        }
    }

    static func detail(of value: Value) -> String {
        switch value {
        case .native(let o): return o.summary()
        case .closure(let c): return c.signature
        case .record(let r): return "fields: " + r.keys.map(\.text).joined(separator: ", ")
        case .list(let l): return "\(l.items.count) items"
        case .instance(let i): return i.fieldSummary
        default:
            let text = value.repr()
            return text.count > 60 ? String(text.prefix(57)) + "..." : text
        }
    }

    /// Help on the topic, with each example's output; for an unknown topic, the closest one.
    func help(for topic: String) -> String? {
        if let method = ClassHelp.method(named: topic, in: session) { return Help.text(for: method, session: session) }
        let style = echoStyle
        return Help.text(forTopic: topic, session: session, runExample: { code in
            Self.exampleOutput(code, echoStyle: style)
        })
    }

    func unknownHelpTopic(_ topic: String) -> String {
        Help.unknown(topic, session)
    }

    /// What an example prints and shows, run in a scratch session (never the user's).
    static func exampleOutput(_ code: String, echoStyle: EchoStyle) -> String {
        var printed = ""
        let scratch = Stdlib.makeSession(output: { printed += $0 })
        switch scratch.run(code, name: "<example>") {
        case .success(let echo): return printed + (echo.map { $0.echoed(style: echoStyle) + "\n" } ?? "")
        case .failure(let diagnostics): return printed + diagnostics.map { "error: \($0.kind.message)\n" }.joined()
        }
    }

    func reset() { session.reset() }
}
