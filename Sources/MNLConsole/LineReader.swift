#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one call to `LineReader.readLine(prompt:)` produced.
public enum LineReadResult: Equatable, Sendable {
    /// A line of input, without its newline.
    case line(String)
    /// End of input (Ctrl-D at an empty prompt, or the end of a pipe).
    case endOfInput
    /// Ctrl-C at the prompt: the caller discards any partial input and prompts afresh.
    case interrupted
}

/// A source of input lines for the REPL: GNU readline on a terminal, plain reads for pipes
/// and tests.
public protocol LineReader {
    /// Shows `prompt` (when the reader echoes prompts) and reads one line.
    mutating func readLine(prompt: String) -> LineReadResult
    /// Records one complete input (possibly several lines) in the history.
    mutating func addHistory(_ entry: String)
    /// True when end of input is a key the user pressed (Ctrl-D on a terminal) and reading
    /// may go on after it; false when it is the real end (a pipe or a file).
    var endOfInputIsAKey: Bool { get }
}

extension LineReader {
    public var endOfInputIsAKey: Bool { false }
}

/// Reads lines from a file descriptor (standard input by default) without line editing.
/// Prompts are written only when the input is a terminal, so piped scripts produce clean
/// output. History is kept in memory only.
public struct PlainLineReader: LineReader {
    private var source: FileLineSource
    private let echoPrompts: Bool
    private let output: any ReplOutput
    /// The inputs recorded with `addHistory`, oldest first.
    public private(set) var history: [String] = []

    /// - Parameters:
    ///   - fileDescriptor: where lines come from (0, standard input, by default).
    ///   - echoPrompts: whether to write prompts; by default, only when the descriptor is a tty.
    ///   - output: where prompts go.
    ///   - interrupt: Ctrl-C while waiting for a line makes `readLine` return `.interrupted`.
    public init(fileDescriptor: Int32 = 0, echoPrompts: Bool? = nil,
                output: any ReplOutput = StandardReplOutput(),
                interrupt: InterruptSignal = .process) {
        self.source = FileLineSource(fileDescriptor: fileDescriptor, interrupt: interrupt)
        self.echoPrompts = echoPrompts ?? (isatty(fileDescriptor) == 1)
        self.output = output
    }

    public mutating func readLine(prompt: String) -> LineReadResult {
        if echoPrompts {
            output.write(prompt)
            output.flush()
        }
        return source.nextLine()
    }

    public mutating func addHistory(_ entry: String) {
        history.append(entry)
    }
}
