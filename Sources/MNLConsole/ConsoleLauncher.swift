#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one call the executable makes to start an interactive session on the process's
/// terminal: it installs the SIGINT handler, then runs the REPL with readline when both
/// standard input and output are terminals (completion goes to `engine.completions`,
/// history to `~/.mnist_repl_history`), and with plain reads otherwise (pipes, no prompts).
public enum ConsoleLauncher {
    /// Runs until `:quit`, `exit(n)` or end of input; returns the exit status. Give the engine
    /// `InterruptSignal.process.interruptCheck` so that Ctrl-C stops computations.
    @discardableResult
    public static func run<Engine: ReplEngine>(engine: Engine, banner: String? = nil,
                                                historyFile: HistoryFile? = HistoryFile.defaultPath
                                                    .map { HistoryFile(path: $0) }) -> Int32 {
        InterruptSignal.install()
        let output = StandardReplOutput()
        guard isatty(0) == 1 && isatty(1) == 1 else {
            return REPL(reader: PlainLineReader(output: output), engine: engine, output: output).run()
        }
        if let banner { output.write(banner.withTrailingNewline) }
        let reader = ReadlineLineReader(historyFile: historyFile, completion: { line, cursor in
            ReplCompletion.candidates(line: line, cursor: cursor, engine: engine)
        }, errorOutput: output)
        return REPL(reader: reader, engine: engine, output: output).run()
    }
}
