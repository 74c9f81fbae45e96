#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CReadline

/// GNU readline: line editing, in-memory history (multi-line inputs stay one entry) kept
/// in a `HistoryFile`, tab completion through a provider, and Ctrl-C at the prompt, which
/// abandons the line and returns `.interrupted`.
///
/// readline is one per process, so create one of these and call it from one thread.
/// It installs `InterruptSignal.process`'s SIGINT handler and turns readline's own signal
/// handling off: the handler only sets a flag, which the key reader polls.
public final class ReadlineLineReader: LineReader {
    /// Completion candidates for (line, cursor); the cursor counts Characters.
    public typealias CompletionProvider = (_ line: String, _ cursor: Int) -> [String]

    private let historyFile: HistoryFile?
    private let errorOutput: any ReplOutput
    private var lastEntry: String?
    private var reportedHistoryError = false

    /// - Parameters:
    ///   - historyFile: where history persists (`~/.mnist_repl_history` by default); nil keeps
    ///     it in memory only. A file that cannot be read or written gives one warning.
    ///   - completion: the candidates for the word at the cursor (see `CompletionCandidates`).
    ///   - errorOutput: where warnings go.
    public init(historyFile: HistoryFile? = HistoryFile.defaultPath.map { HistoryFile(path: $0) },
                completion: CompletionProvider? = nil,
                errorOutput: any ReplOutput = StandardReplOutput()) {
        self.historyFile = historyFile
        self.errorOutput = errorOutput
        InterruptSignal.install()
        mnl_rl_configure(readlineNextKey, readlineComplete, readlineWordBreaks)
        stifle_history(1000)
        ReadlineBridge.setProvider(completion)
        loadHistory()
    }

    /// Ctrl-D at a continuation prompt cancels the input; the next read goes on.
    public var endOfInputIsAKey: Bool { true }

    /// Replaces the completion provider.
    public func setCompletionProvider(_ provider: CompletionProvider?) {
        ReadlineBridge.setProvider(provider)
    }

    public func readLine(prompt: String) -> LineReadResult {
        fflush(nil)
        ReadlineBridge.promptInterrupted.store(false, ordering: .relaxed)
        let raw = readline(prompt)
        let interrupted = ReadlineBridge.promptInterrupted.exchange(false, ordering: .relaxed)
        defer { free(raw) }
        if interrupted { return .interrupted }
        guard let raw else {
            mnl_rl_end_line_after_eof()
            return .endOfInput
        }
        return .line(String(cString: raw))
    }

    public func addHistory(_ entry: String) {
        guard !entry.isEmpty, entry != lastEntry else { return }
        lastEntry = entry
        add_history(entry)
        do {
            try historyFile?.append(entry)
        } catch {
            warnOnce("history not saved: \(error)")
        }
    }

    private func loadHistory() {
        do {
            for entry in try historyFile?.load() ?? [] { add_history(entry) }
        } catch {
            warnOnce("history not loaded: \(error)")
        }
    }

    private func warnOnce(_ message: String) {
        guard !reportedHistoryError else { return }
        reportedHistoryError = true
        errorOutput.writeError("warning: \(message)\n")
    }

    /// Points readline at other streams (tests drive it through a pseudo-terminal).
    static func useStreams(input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>) {
        mnl_rl_set_streams(input, output)
    }
}
