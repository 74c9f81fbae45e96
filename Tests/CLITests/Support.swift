#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MNLTestSupport
import Testing

/// Why a test could not run the program at all.
struct CLITestError: Error, CustomStringConvertible {
    let description: String
}

/// The built `mnist-repl` executable: it sits in the build products directory, next to the
/// test bundle (`.build/debug/mnist-replPackageTests.xctest`). `MNIST_REPL_BINARY` overrides.
enum Binary {
    static let path: Result<String, CLITestError> = locate()

    /// The executable's path, or a clear error naming the places searched.
    static func require() throws -> String { try path.get() }

    private static func locate() -> Result<String, CLITestError> {
        if let explicit = ProcessInfo.processInfo.environment["MNIST_REPL_BINARY"] {
            return FileManager.default.isExecutableFile(atPath: explicit)
                ? .success(explicit)
                : .failure(CLITestError(description: "MNIST_REPL_BINARY=\(explicit) is not an executable file"))
        }
        let starts = [URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL,
                      Bundle.main.bundleURL.standardizedFileURL,
                      URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()]
        var searched: [String] = []
        for start in starts {
            var directory = start
            for _ in 0..<6 {
                let candidate = directory.appendingPathComponent("mnist-repl").path
                if FileManager.default.isExecutableFile(atPath: candidate),
                   !FileManager.default.directoryExists(atPath: candidate) {
                    return .success(candidate)
                }
                searched.append(directory.path)
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return .failure(CLITestError(description:
            "the mnist-repl executable was not found (build it with `swift build --build-tests`); searched: "
            + Set(searched).sorted().joined(separator: ", ")))
    }
}

extension FileManager {
    func directoryExists(atPath path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// What a finished run of `mnist-repl` produced.
struct RunResult: CustomStringConvertible {
    /// The exit code, or the signal number when `signaled`.
    let status: Int32
    let signaled: Bool
    let stdout: String
    let stderr: String

    var description: String {
        "\(signaled ? "killed by signal" : "exit status") \(status)\nstdout: \(stdout.debugDescription)\nstderr: \(stderr.debugDescription)"
    }
}

/// Collects one pipe's bytes on a background thread until end of file.
private final class PipeReader: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            let all = handle.readDataToEndOfFile()
            self.lock.withLock { self.data = all }
            self.done.signal()
        }
    }

    func text(waitingUntil deadline: DispatchTime) -> String {
        _ = done.wait(timeout: deadline)
        return lock.withLock { String(decoding: data, as: UTF8.self) }
    }
}

/// Runs `mnist-repl arguments...` with pipes for its standard streams, feeding it `stdin`
/// (then end of file). Kills it and throws when it runs longer than `timeout`.
func runMnistRepl(_ arguments: [String], stdin: String = "", environment: [String: String] = [:],
                  unsetting: [String] = [], directory: String? = nil, timeout: Duration = .seconds(30)) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try Binary.require())
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env.merge(environment) { $1 }
    for name in unsetting { env[name] = nil }
    process.environment = env
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let input = Pipe(), output = Pipe(), errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    try process.run()
    let out = PipeReader(output.fileHandleForReading)
    let err = PipeReader(errors.fileHandleForReading)
    DispatchQueue.global().async {
        input.fileHandleForWriting.write(Data(stdin.utf8))  // SIGPIPE is ignored by the test runner
        try? input.fileHandleForWriting.close()
    }
    let (seconds, attoseconds) = timeout.components
    let deadline = DispatchTime.now() + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
    if exited.wait(timeout: deadline) == .timedOut {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        throw CLITestError(description: "mnist-repl \(arguments) did not finish within \(timeout); stdout so far: "
                           + out.text(waitingUntil: .now() + 1).debugDescription
                           + "; stderr so far: " + err.text(waitingUntil: .now() + 1).debugDescription)
    }
    process.waitUntilExit()
    let pipesDeadline = DispatchTime.now() + 5
    return RunResult(status: process.terminationStatus,
                     signaled: process.terminationReason == .uncaughtSignal,
                     stdout: out.text(waitingUntil: pipesDeadline),
                     stderr: err.text(waitingUntil: pipesDeadline))
}

/// A fresh empty directory, removed when the value is dropped.
final class TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/mnl-cli-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, let made = mkdtemp(base) else { return nil }
            return String(cString: made)
        }
        guard let made else { throw CLITestError(description: "mkdtemp failed: errno \(errno)") }
        path = made
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` inside the directory; returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: path + "/" + name, encoding: .utf8)
    }
}

/// `mnist-repl` started with no arguments on a pseudo-terminal, with HOME set to a temporary
/// directory (the history file goes there) and an INPUTRC that turns bracketed paste off.
final class ReplSession {
    let terminal: PseudoTerminal
    let home: String

    init(home: TemporaryDirectory, arguments: [String] = [], columns: UInt16 = 80) throws {
        self.home = home.path
        let inputrc = try home.write("inputrc", "set enable-bracketed-paste off\n")
        terminal = try PseudoTerminal(try Binary.require(), arguments,
                                      environment: ["HOME": home.path, "INPUTRC": inputrc], columns: columns)
        try terminal.expect("mnist-repl 0.1.0", timeout: .seconds(30))
        try terminal.expect(">>> ", timeout: .seconds(10))
    }

    deinit { terminal.close() }

    /// Types `line`, presses Enter and waits for the next primary prompt. Returns what the
    /// program printed in between (escape sequences and carriage returns removed), without
    /// the echo of `line` and without the prompt.
    @discardableResult
    func enter(_ line: String, timeout: Duration = .seconds(20)) throws -> String {
        try terminal.sendLine(line)
        try terminal.expect(line + "\r\n", timeout: timeout)
        let raw = try terminal.expect(">>> ", timeout: timeout)
        return PseudoTerminal.stripEscapes(String(raw.dropLast(4)))
    }

    /// Presses Ctrl-D at an empty prompt and returns how the program exited.
    func quit() throws -> MNLTestSupport.ExitStatus {
        try terminal.sendControlD()
        return try terminal.waitForExit(timeout: .seconds(10))
    }
}
