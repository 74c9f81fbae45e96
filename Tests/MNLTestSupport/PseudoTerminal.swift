#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// What went wrong while driving a program through a pseudo-terminal. Timeouts carry the
/// output seen so far, so a failing test shows what the program actually printed.
public enum PseudoTerminalError: Error, CustomStringConvertible {
    case system(call: String, errno: Int32)
    case timeout(waitingFor: String, output: String)
    case endOfOutput(waitingFor: String, output: String)

    public var description: String {
        switch self {
        case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
        case .timeout(let pattern, let output): "timed out waiting for \(pattern.debugDescription); output so far: \(output.debugDescription)"
        case .endOfOutput(let pattern, let output): "output ended before \(pattern.debugDescription); output: \(output.debugDescription)"
        }
    }
}

/// How a child process ended.
public enum ExitStatus: Equatable, Sendable {
    case exited(Int32)
    case signaled(Int32)

    public init(waitStatus: Int32) {
        let signal = waitStatus & 0x7f
        self = signal == 0 ? .exited((waitStatus >> 8) & 0xff) : .signaled(signal)
    }
}

/// Runs a program on a fresh pseudo-terminal, as a user at a terminal would, in the style
/// of pexpect: `send` keys, `expect` output, then `close` and read the exit status.
///
/// The child is spawned with `posix_spawnp` (no Swift code runs between fork and exec) as
/// the leader of a new session whose controlling terminal is the pty, so Ctrl-C reaches it
/// as SIGINT. Every wait has a timeout; on timeout, `close` and `deinit` kill the child's
/// whole process group with SIGKILL, so a test can fail but never hang or leak a process.
///
/// Driving `mnist-repl`: give it a temporary HOME (its history file lives there) and an
/// INPUTRC holding `set enable-bracketed-paste off`, so the output carries no `ESC[?2004h`
/// around prompts; `plainOutput` strips the remaining escape sequences. Lines end in
/// `\r\n` on a terminal. See `EndToEndTests` for a whole session.
public final class PseudoTerminal {
    /// The child's process id (also its process group and session id).
    public let pid: pid_t
    private let master: Int32
    private var transcript: [UInt8] = []
    private var consumed = 0
    /// True once the terminal reported that no process holds it open any more.
    public private(set) var outputEnded = false
    private var status: ExitStatus?

    /// Spawns `program` (looked up in PATH) with `arguments` on a `rows`×`columns` terminal.
    /// `environment` is added to (and overrides) this process's environment; TERM defaults
    /// to `xterm`. Set HOME and INPUTRC to keep user files out of a test.
    public init(_ program: String, _ arguments: [String] = [], environment: [String: String] = [:],
         rows: UInt16 = 24, columns: UInt16 = 80) throws(PseudoTerminalError) {
        let pair = try Self.openPair(rows: rows, columns: columns)
        master = pair.master
        defer { Glibc.close(pair.slave) }  // the child has its own; EIO on the master then means it exited
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm"
        env.merge(environment) { $1 }
        do {
            pid = try Self.spawn(program, arguments, env, slave: pair.path)
        } catch {
            Glibc.close(master)
            throw error
        }
    }

    deinit {
        if status == nil { _ = kill(-pid, SIGKILL); _ = reap(blocking: true) }
        Glibc.close(master)
    }

    /// Everything the program has written so far (with the terminal's `\r\n` line ends).
    public var output: String { String(decoding: transcript, as: UTF8.self) }

    /// Reaps the child if it has exited (or, when `blocking`, once it does).
    public func reap(blocking: Bool) -> ExitStatus? {
        if let status { return status }
        var raw: Int32 = 0
        while true {
            let result = waitpid(pid, &raw, blocking ? 0 : WNOHANG)
            if result == pid { status = ExitStatus(waitStatus: raw); return status }
            if result < 0 && errno == EINTR { continue }
            return nil
        }
    }

    // MARK: Input

    /// Types `text` (no newline added).
    public func send(_ text: String, timeout: Duration = .seconds(5)) throws(PseudoTerminalError) {
        try write(Array(text.utf8), timeout: timeout)
    }

    /// Types `text` and presses Enter (`\r`, as a terminal sends it).
    public func sendLine(_ text: String = "") throws(PseudoTerminalError) { try send(text + "\r") }

    /// Presses Ctrl-C; the terminal turns it into SIGINT for the foreground process group.
    public func sendControlC() throws(PseudoTerminalError) { try send("\u{03}") }

    /// Presses Ctrl-D (end of input at the start of a line).
    public func sendControlD() throws(PseudoTerminalError) { try send("\u{04}") }

    /// Presses Tab.
    public func sendTab() throws(PseudoTerminalError) { try send("\t") }

    private func write(_ bytes: [UInt8], timeout: Duration) throws(PseudoTerminalError) {
        let deadline = ContinuousClock.now + timeout
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
            if written > 0 { offset += written; continue }
            guard written < 0 && (errno == EAGAIN || errno == EINTR) else {
                throw .system(call: "write", errno: errno)
            }
            guard ContinuousClock.now < deadline else { throw .timeout(waitingFor: "input to be accepted", output: output) }
            readAvailable(waitingAtMost: .milliseconds(10))  // let the child make progress
        }
    }
}

extension PseudoTerminal {
    // MARK: Output

    /// Waits until `pattern` appears in output not yet matched; returns that output up to
    /// and including the match, and consumes it (pexpect's `before + after`).
    @discardableResult
    public func expect(_ pattern: String, timeout: Duration = .seconds(5)) throws(PseudoTerminalError) -> String {
        let needle = Array(pattern.utf8)
        return try expect(pattern, timeout: timeout) { [consumed] bytes in
            Self.find(needle, in: bytes, from: consumed)
        }
    }

    /// Like `expect(_:timeout:)` with a regular expression, matched on the decoded text by
    /// Unicode scalars (so `\r` and `\n` match separately, as in other regex engines).
    @discardableResult
    public func expect(regex pattern: String, timeout: Duration = .seconds(5)) throws -> String {
        let regex = try Regex(pattern).matchingSemantics(.unicodeScalar)  // so \r matches inside \r\n
        return try expect(pattern, timeout: timeout) { [consumed] bytes in
            let text = String(decoding: bytes[consumed...], as: UTF8.self)
            guard let match = text.firstMatch(of: regex) else { return nil }
            return consumed + text.utf8.distance(from: text.startIndex, to: match.range.upperBound)
        }
    }

    private func expect(_ pattern: String, timeout: Duration,
                        matchEnd: ([UInt8]) -> Int?) throws(PseudoTerminalError) -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let end = matchEnd(transcript) {
                let text = String(decoding: transcript[consumed..<end], as: UTF8.self)
                consumed = end
                return text
            }
            if outputEnded { throw .endOfOutput(waitingFor: pattern, output: output) }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw .timeout(waitingFor: pattern, output: output) }
            readAvailable(waitingAtMost: min(remaining, .milliseconds(50)))
        }
    }

    /// Reads whatever output is available, waiting at most `duration` for some.
    public func readAvailable(waitingAtMost duration: Duration) {
        guard !outputEnded else { return }
        var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&pfd, 1, max(0, milliseconds)) > 0 else { return }
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count > 0 { transcript.append(contentsOf: chunk[..<count]); continue }
            if count < 0 && errno == EINTR { continue }
            if count == 0 || errno != EAGAIN { outputEnded = true }  // EIO: the child closed the pty
            return
        }
    }

    /// `output` without terminal escape sequences (`ESC [ ... letter`) and carriage returns.
    public var plainOutput: String { Self.stripEscapes(output) }

    public static func stripEscapes(_ text: String) -> String {
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\r" { continue }
            guard scalar == "\u{1B}" else { result.unicodeScalars.append(scalar); continue }
            guard let next = scalars.next(), next == "[" else { continue }
            while let code = scalars.next(), !(code.properties.isAlphabetic || code == "~") {}
        }
        return result
    }

    public static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard haystack.count - start >= needle.count else { return nil }
        for index in start...(haystack.count - needle.count)
        where haystack[index] == needle[0] && haystack[index..<index + needle.count].elementsEqual(needle) {
            return index + needle.count
        }
        return nil
    }
}
