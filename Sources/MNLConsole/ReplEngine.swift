/// What the REPL front end needs from the language. The executable adapts a language
/// `Session` to this protocol; tests use a scripted fake.
public protocol ReplEngine: AnyObject {
    /// True when `source` is a complete unit of input; false when the parser hit the end of
    /// input inside an open brace, bracket, parenthesis or string (show a continuation prompt).
    func isComplete(_ source: String) -> Bool

    /// Runs one complete input. `name` is what errors call the input (e.g. `<repl:3>`).
    func evaluate(_ source: String, name: String) -> ReplOutcome

    /// Completion candidates for the word that ends at `cursor` in `line`: variables,
    /// builtins and keywords, or, after `expr.`, the members of that value.
    /// `cursor` counts Characters (`line.prefix(cursor)` is the text before it). Return bare
    /// words (`shape`, not `x.shape`); they replace only the identifier before the cursor,
    /// and the REPL keeps only those that extend it (see `CompletionCandidates`).
    func completions(line: String, cursor: Int) -> [String]

    /// The session's variables, for `:vars`.
    func variables() -> [ReplVariable]

    /// Documentation for `?name` / `:help name`; nil when the name is unknown.
    func help(for name: String) -> String?

    /// Forgets every variable (`:reset`).
    func reset()

    /// What `:save` should keep of an input that just failed (`source` is the input as the
    /// REPL records it): nil when the failure came before anything ran (a syntax error), else
    /// a form that replays the input's effects without stopping the saved script.
    func replayableForm(ofFailedInput source: String) -> String?

    /// The inputs `:save` writes, given which of them showed a value (and so set the REPL's
    /// last value, `_` in Python): an engine whose language has such a value rewrites the
    /// inputs that set it where later inputs read it, so that the script replays them.
    func savedScript(_ inputs: [String], showingValues: Set<Int>) -> [String]

    /// Runs `source` `times` times in a row for `:timeit`, stopping at the first outcome that
    /// is not a success; echoes are dropped. An engine that can compile once should.
    func evaluateRepeatedly(_ source: String, name: String, times: Int) -> ReplOutcome

    /// The message for a help topic that `help(for:)` does not know (with a suggestion).
    func unknownHelpTopic(_ topic: String) -> String
}

extension ReplEngine {
    public func replayableForm(ofFailedInput source: String) -> String? { nil }
    public func unknownHelpTopic(_ topic: String) -> String { "no help for '\(topic)'" }

    public func savedScript(_ inputs: [String], showingValues: Set<Int>) -> [String] { inputs }

    public func evaluateRepeatedly(_ source: String, name: String, times: Int) -> ReplOutcome {
        for _ in 0..<times {
            let outcome = evaluate(source, name: name)
            guard case .success = outcome else { return outcome }
        }
        return .success(echo: nil)
    }
}

/// The result of evaluating one input.
public enum ReplOutcome: Equatable, Sendable {
    /// Ran without error. `echo` is the rendered value of a final expression statement
    /// (nil for statements and for a `nil` value). Output printed by the code has already
    /// been written by the engine.
    case success(echo: String?)
    /// A diagnostic, fully rendered (file:line:col, source line, caret, message, call chain).
    case failure(rendered: String)
    /// Ctrl-C stopped the computation; the session's variables are intact.
    case interrupted
    /// The code asked to leave (`exit`, `quit`, `exit(n)`): the REPL ends with `status`.
    case exit(status: Int32)
}

/// One row of `:vars`.
public struct ReplVariable: Equatable, Sendable {
    public let name: String
    public let type: String
    /// Extra detail such as a tensor's shape, dtype and bytes; may be empty.
    public let detail: String

    public init(name: String, type: String, detail: String) {
        self.name = name
        self.type = type
        self.detail = detail
    }
}
