/// The read-eval-print loop. It reads lines from a `LineReader`, gathers continuation
/// lines until `engine.isComplete` accepts the input, evaluates it, prints the outcome,
/// and runs the `:` commands. The loop ends at `:quit`, `exit` (an `.exit` outcome, whose
/// status `run` returns) and end of input; Ctrl-D at a continuation prompt only cancels
/// the input being gathered, as in Python.
public final class REPL<Reader: LineReader, Engine: ReplEngine> {
    /// The prompt for a fresh input.
    public static var primaryPrompt: String { ">>> " }
    /// The prompt for the next line of an incomplete input.
    public static var continuationPrompt: String { "... " }

    /// The line source (exposed so tests can inspect a fake's history).
    public private(set) var reader: Reader
    /// The language behind the loop.
    public let engine: Engine
    let output: any ReplOutput
    let interrupt: InterruptSignal

    /// What `:save` writes, in order: every input that ran without error, and every input
    /// that failed after it started running, in the engine's replayable form (see
    /// `ReplEngine.replayableForm(ofFailedInput:)`), so that the script reproduces every variable.
    public internal(set) var inputsToSave: [String] = []
    /// The indexes in `inputsToSave` of inputs that showed a value (see `ReplEngine.savedScript`).
    var inputsShowingValues: Set<Int> = []
    /// How many inputs have been evaluated; input N is named `<repl:N>`.
    public private(set) var inputCount = 0
    private var pendingLines: [String] = []
    private var blankLinesInARow = 0
    /// Set by an `.exit` outcome: the status the process should end with.
    var exitRequest: Int32?

    /// - Parameters:
    ///   - reader: where lines come from.
    ///   - engine: the language.
    ///   - output: where results (stdout) and errors (stderr) go.
    ///   - interrupt: cleared before each evaluation; use `.process` for Ctrl-C.
    public init(reader: Reader, engine: Engine, output: any ReplOutput = StandardReplOutput(),
                interrupt: InterruptSignal = .process) {
        self.reader = reader
        self.engine = engine
        self.output = output
        self.interrupt = interrupt
    }

    /// Runs until `:quit`, `exit` or end of input; returns the exit status (0 unless `exit(n)`).
    @discardableResult
    public func run() -> Int32 {
        while step() {}
        output.flush()
        return exitRequest ?? 0
    }

    /// Reads and handles one line; returns false when the loop should end.
    public func step() -> Bool {
        let prompt = pendingLines.isEmpty ? Self.primaryPrompt : Self.continuationPrompt
        output.flush()
        switch reader.readLine(prompt: prompt) {
        case .endOfInput where !pendingLines.isEmpty && reader.endOfInputIsAKey:
            discardPendingInput()
            output.writeError("(incomplete input discarded)\n")
            return true
        case .endOfInput:
            finishPendingInput()
            return false
        case .interrupted:
            discardPendingInput()
            return true
        case .line(let line):
            return handle(line) && exitRequest == nil
        }
    }

    private func handle(_ line: String) -> Bool {
        if pendingLines.isEmpty {
            let trimmed = line.trimmedWhitespace
            if trimmed.isEmpty { return true }
            if trimmed.hasPrefix(":") {
                reader.addHistory(trimmed)
                return runCommand(trimmed)
            }
            if let topic = Self.helpTopic(trimmed) {
                reader.addHistory(trimmed)
                showHelp(for: topic)
                return true
            }
        } else if line.trimmedWhitespace.isEmpty {
            blankLinesInARow += 1
            if blankLinesInARow >= 2 {
                discardPendingInput()
                output.writeError("(incomplete input discarded)\n")
                return true
            }
        } else {
            blankLinesInARow = 0
        }
        pendingLines.append(line)
        submitIfComplete()
        return true
    }

    private func submitIfComplete() {
        let source = pendingLines.joined(separator: "\n")
        guard engine.isComplete(source) else { return }
        discardPendingInput()
        reader.addHistory(source)
        _ = evaluate(source, name: nextInputName())
    }

    /// At end of input, an incomplete input is still evaluated so its error is shown.
    private func finishPendingInput() {
        guard !pendingLines.isEmpty else { return }
        let source = pendingLines.joined(separator: "\n")
        discardPendingInput()
        _ = evaluate(source, name: nextInputName())
    }

    private func discardPendingInput() {
        pendingLines.removeAll()
        blankLinesInARow = 0
    }

    func nextInputName() -> String {
        inputCount += 1
        return "<repl:\(inputCount)>"
    }

    /// Evaluates `source`, prints the outcome and keeps what `:save` should write of it
    /// (`record`, or the source itself).
    func evaluate(_ source: String, name: String, record: String? = nil) -> ReplOutcome {
        interrupt.clear()
        let outcome = engine.evaluate(source, name: name)
        interrupt.clear()
        report(outcome)
        switch outcome {
        case .success(let echo):
            if echo != nil { inputsShowingValues.insert(inputsToSave.count) }
            inputsToSave.append(record ?? source)
        case .failure: engine.replayableForm(ofFailedInput: record ?? source).map { inputsToSave.append($0) }
        case .exit(let status): exitRequest = status
        case .interrupted: break
        }
        return outcome
    }

    func report(_ outcome: ReplOutcome) {
        switch outcome {
        case .success(let echo):
            if let echo { output.write(echo.withTrailingNewline) }
        case .failure(let rendered):
            output.writeError(rendered.withTrailingNewline)
        case .interrupted:
            output.writeError("interrupted\n")
        case .exit:
            break
        }
        output.flush()
    }

    /// The topic of `?name` or `name?` (Python's and IPython's spellings), or nil when the
    /// line is not a help request. The suffix form takes only names (`x.sum?`), so that a
    /// line of code ending in `?` still reaches the language.
    static func helpTopic(_ line: String) -> String? {
        if line.hasPrefix("?") { return line.dropFirst().trimmedWhitespace }
        guard line.hasSuffix("?") else { return nil }
        let body = line.dropLast().trimmedWhitespace
        let isName = body.first.map { $0.isLetter || $0 == "_" } ?? false
            && body.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        return isName ? body : nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmedWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }

    /// The text with exactly one newline at the end (none added if it already ends in one).
    var withTrailingNewline: String {
        hasSuffix("\n") ? String(self) : String(self) + "\n"
    }
}
