#if canImport(Glibc)
import Glibc
#endif
import MNLConsole

/// A `LineReader` that plays back a script, then reports end of input.
struct ScriptedLineReader: LineReader {
    var script: [LineReadResult]
    private(set) var prompts: [String] = []
    private(set) var history: [String] = []
    /// As on a terminal, where Ctrl-D is a key and reading may go on.
    var endOfInputIsAKey = false

    init(_ lines: [String]) { script = lines.map { .line($0) } }
    init(results: [LineReadResult]) { script = results }

    mutating func readLine(prompt: String) -> LineReadResult {
        prompts.append(prompt)
        return script.isEmpty ? .endOfInput : script.removeFirst()
    }

    mutating func addHistory(_ entry: String) { history.append(entry) }
}

/// A tiny pretend language: brackets must balance; `name = value` defines a variable;
/// anything containing `fail` fails (and `:save` keeps it when it also contains `partly`);
/// `spin` is interrupted; `leave` asks to exit with status 3; `nap` takes 100 ms; other
/// input echoes itself.
final class FakeEngine: ReplEngine {
    private(set) var evaluated: [(source: String, name: String)] = []
    private(set) var resetCount = 0
    var variablesTable: [ReplVariable] = []

    func isComplete(_ source: String) -> Bool {
        var depth = 0
        for character in source {
            if "([{".contains(character) { depth += 1 }
            if ")]}".contains(character) { depth -= 1 }
        }
        return depth <= 0
    }

    func evaluate(_ source: String, name: String) -> ReplOutcome {
        evaluated.append((source, name))
        if source.contains("fail") { return .failure(rendered: "\(name):1:1: error: boom") }
        if source.contains("spin") { return .interrupted }
        if source.contains("leave") { return .exit(status: 3) }
        if source.contains("nap") { usleep(100_000) }
        if let equals = source.firstIndex(of: "=") {
            let name = source[..<equals].trimmingCharacters(in: " ")
            variablesTable.append(ReplVariable(name: name, type: "number", detail: ""))
            return .success(echo: nil)
        }
        return .success(echo: source)
    }

    func completions(line: String, cursor: Int) -> [String] { ["shape", "sum"] }

    func variables() -> [ReplVariable] { variablesTable }

    func help(for name: String) -> String? { name == "sum" ? "sum(t): adds the elements" : nil }

    func replayableForm(ofFailedInput source: String) -> String? {
        source.contains("partly") ? "# kept\n" + source : nil
    }


    func reset() {
        resetCount += 1
        variablesTable = []
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}

/// Runs a REPL over `lines` and returns it with its captured output.
func runREPL(_ lines: [String], engine: FakeEngine = FakeEngine())
    -> (repl: REPL<ScriptedLineReader, FakeEngine>, output: CapturedReplOutput) {
    let output = CapturedReplOutput()
    let repl = REPL(reader: ScriptedLineReader(lines), engine: engine, output: output,
                    interrupt: .standalone())
    repl.run()
    return (repl, output)
}

/// A fresh empty directory under /tmp.
func temporaryDirectory() -> String {
    var template = Array("/tmp/mnlconsole-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { buffer in
        guard let base = buffer.baseAddress, let made = mkdtemp(base) else { return "/tmp" }
        return String(cString: made)
    }
}
