#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Where the REPL writes: normal output and error output. Tests capture it.
public protocol ReplOutput: Sendable {
    /// Writes `text` as is to normal output.
    func write(_ text: String)
    /// Writes `text` as is to error output.
    func writeError(_ text: String)
    /// Makes everything written so far visible.
    func flush()
}

/// The process's standard output and standard error. Normal output goes through the C
/// `stdout` stream, the one `print` and readline use, so the order of output is kept;
/// errors flush it first.
public struct StandardReplOutput: ReplOutput {
    /// Creates the sink.
    public init() {}

    public func write(_ text: String) {
        print(text, terminator: "")
    }

    public func writeError(_ text: String) {
        fflush(nil)
        _ = writeAll(fileDescriptor: 2, Array(text.utf8))
    }

    public func flush() {
        fflush(nil)
    }
}

/// Keeps everything written, for tests and for embedding the REPL.
public final class CapturedReplOutput: ReplOutput {
    private let state = Mutex<(out: String, err: String)>(("", ""))

    /// Creates an empty capture.
    public init() {}

    /// All normal output so far.
    public var standardOutput: String { state.withLock { $0.out } }
    /// All error output so far.
    public var standardError: String { state.withLock { $0.err } }

    public func write(_ text: String) { state.withLock { $0.out += text } }
    public func writeError(_ text: String) { state.withLock { $0.err += text } }
    public func flush() {}
}
