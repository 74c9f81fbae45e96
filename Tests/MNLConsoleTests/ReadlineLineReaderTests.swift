#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization
import MNLTestSupport
import Testing
@testable import MNLConsole

final class Unchecked<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}

/// The pty, the reader and the completion calls seen.
final class Rig: @unchecked Sendable {
    let master: Int32
    let reader: ReadlineLineReader
    let historyPath: String
    let completionCalls = Unchecked<[String]>([])
    var transcript = ""

    init() throws {
        let pair = try PseudoTerminal.openPair(rows: 24, columns: 80)
        master = pair.master
        guard let input = fdopen(pair.slave, "r"), let output = fdopen(dup(pair.slave), "w") else {
            throw PseudoTerminalError.system(call: "fdopen", errno: errno)
        }
        ReadlineLineReader.useStreams(input: input, output: output)
        historyPath = temporaryDirectory() + "/history"
        try HistoryFile(path: historyPath).append("from an earlier session")
        let calls = completionCalls
        reader = ReadlineLineReader(historyFile: HistoryFile(path: historyPath), completion: { line, cursor in
            calls.value.append("\(line)|\(cursor)")
            return ["shape", "size", "sum"]
        }, errorOutput: CapturedReplOutput())
    }

    /// Starts `readLine`, waits for the prompt, types `keys`, and returns the result.
    /// With `interrupt`, waits until the keys are echoed and then raises SIGINT.
    func read(typing keys: String, interrupt: Bool = false) throws -> LineReadResult? {
        let result = Mutex<LineReadResult?>(nil)
        let box = Unchecked(reader)
        Thread { let value = box.value.readLine(prompt: "in> "); result.withLock { $0 = value } }.start()
        try waitFor { self.drain(); return self.transcript.hasSuffix("in> ") }
        _ = writeAll(fileDescriptor: master, Array(keys.utf8))
        if interrupt {
            try waitFor { self.drain(); return self.transcript.hasSuffix(keys) }
            kill(getpid(), SIGINT)
        }
        try waitFor { result.withLock { $0 } != nil }
        drain()
        return result.withLock { $0 }
    }

    func drain() {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            transcript += String(decoding: chunk[..<count], as: UTF8.self)
        }
    }

    func waitFor(_ condition: () -> Bool) throws {
        let deadline = ContinuousClock.now + .seconds(5)
        while !condition() {
            guard ContinuousClock.now < deadline else {
                throw PseudoTerminalError.timeout(waitingFor: "readline", output: transcript)
            }
            usleep(5_000)
        }
    }
}


/// Drives the real GNU readline inside this process through a pseudo-terminal: readline
/// reads the pty's slave side on a background thread while the test types on the master.
/// readline is one per process, so these tests run one at a time.
@Suite(.serialized) struct ReadlineLineReaderTests {
    @Test func editsCompletesRecallsAndInterrupts() throws {
        let rig = try Rig()
        #expect(try rig.read(typing: "1 +\u{7F}+ 2\r") == .line("1 + 2"))

        #expect(try rig.read(typing: "x.sh\t\r") == .line("x.shape"))
        #expect(rig.completionCalls.value == ["x.sh|4"])

        rig.reader.addHistory("f(1,\n2)")
        #expect(try rig.read(typing: "\u{1B}[A\r") == .line("f(1,\n2)"))
        #expect(try rig.read(typing: "\u{1B}[A\u{1B}[A\r") == .line("from an earlier session"))
        #expect(try AtomicFile.contents(of: rig.historyPath) == "from an earlier session\nf(1,\\n2)\n")

        let interrupted = try rig.read(typing: "half typed", interrupt: true)
        #expect(interrupted == .interrupted)
        #expect(rig.transcript.contains("half typed^C"))
        #expect(!InterruptSignal.process.isRequested)

        #expect(try rig.read(typing: "\u{04}") == .endOfInput)
    }

    @Test func controlCDuringAComputationStopsItAndTheLoopGoesOn() throws {
        let rig = try Rig()
        let engine = SpinEngine()
        let output = CapturedReplOutput()
        let repl = Unchecked(REPL(reader: rig.reader, engine: engine, output: output, interrupt: .process))
        let finished = Flag()
        // Release and acquire: the REPL's writes (its inputs, its output) must be visible to
        // this thread once it sees the flag (ThreadSanitizer caught the relaxed version).
        Thread { repl.value.run(); finished.value.store(true, ordering: .releasing) }.start()

        try rig.waitFor { rig.drain(); return rig.transcript.hasSuffix(">>> ") }
        _ = writeAll(fileDescriptor: rig.master, Array("spin\r".utf8))
        try rig.waitFor { engine.spinning.load(ordering: .relaxed) }
        kill(getpid(), SIGINT)
        try rig.waitFor { output.standardError == "interrupted\n" }

        try rig.waitFor { rig.drain(); return rig.transcript.hasSuffix(">>> ") }
        _ = writeAll(fileDescriptor: rig.master, Array("after\r\u{04}".utf8))
        try rig.waitFor { finished.value.load(ordering: .acquiring) }
        #expect(output.standardOutput == "after\n")
        #expect(repl.value.inputsToSave == ["after"])
    }
}

/// A flag to share between threads.
final class Flag: Sendable {
    let value = Atomic<Bool>(false)
}

/// Spins on `spin` until the process interrupt flag is set (at most 5 s); echoes the rest;
/// brackets must balance; completes `shape`, `size` and `sum`.
final class SpinEngine: ReplEngine, @unchecked Sendable {
    let spinning = Atomic<Bool>(false)
    let check = InterruptSignal.process.interruptCheck

    func isComplete(_ source: String) -> Bool { FakeEngine().isComplete(source) }
    func evaluate(_ source: String, name: String) -> ReplOutcome {
        guard source == "spin" else { return .success(echo: source) }
        spinning.store(true, ordering: .relaxed)
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            if check() { return .interrupted }
        }
        return .success(echo: "never interrupted")
    }
    func completions(line: String, cursor: Int) -> [String] { ["shape", "size", "sum"] }
    func variables() -> [ReplVariable] { [] }
    func help(for name: String) -> String? { nil }
    func reset() {}
}
