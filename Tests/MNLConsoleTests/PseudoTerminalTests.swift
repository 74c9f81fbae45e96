#if canImport(Glibc)
import Glibc
#endif
import MNLTestSupport
import Testing

/// The harness itself, proved on real programs.
@Suite struct PseudoTerminalTests {
    @Test func catEchoesThroughTheTerminalAndExitsOnControlD() throws {
        let terminal = try PseudoTerminal("cat")
        try terminal.sendLine("hello pty")
        let seen = try terminal.expect("hello pty\r\nhello pty\r\n")
        #expect(seen == "hello pty\r\nhello pty\r\n")
        try terminal.sendControlD()
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func controlCSendsSIGINTToTheChild() throws {
        let terminal = try PseudoTerminal("cat")
        try terminal.send("partial")
        try terminal.expect("partial")
        try terminal.sendControlC()
        #expect(try terminal.waitForExit() == .signaled(SIGINT))
    }

    @Test func drivesAnInteractiveShell() throws {
        let terminal = try PseudoTerminal("bash", ["--norc", "--noprofile", "-i"],
                                          environment: ["PS1": "pty$ ", "INPUTRC": "/dev/null"])
        try terminal.expect("pty$ ")
        try terminal.sendLine("echo $((6 * 7))")
        let seen = try terminal.expect(regex: #"[\r\n]42\r\n"#)
        #expect(seen.contains("echo $((6 * 7))"))
        try terminal.expect("pty$ ")
        try terminal.sendLine("sleep 30")
        try terminal.expect("sleep 30\r\n")
        usleep(200_000)  // let bash start sleep
        try terminal.sendControlC()
        try terminal.expect("pty$ ", timeout: .seconds(3))  // Ctrl-C stopped sleep, not bash
        try terminal.sendLine("exit 3")
        #expect(try terminal.waitForExit() == .exited(3))
    }

    @Test func expectTimesOutWithTheOutputSoFar() throws {
        let terminal = try PseudoTerminal("bash", ["--norc", "--noprofile", "-c", "echo ready; sleep 30"])
        let start = ContinuousClock.now
        #expect(throws: PseudoTerminalError.self) { try terminal.expect("never", timeout: .milliseconds(300)) }
        #expect(ContinuousClock.now - start < .seconds(2))
        do {
            try terminal.expect("never", timeout: .milliseconds(50))
        } catch {
            #expect(error.description.contains("ready"))
        }
        #expect(terminal.close() != .exited(0))
    }

    @Test func closeKillsAChildThatIgnoresHangUp() throws {
        let terminal = try PseudoTerminal("bash", ["--norc", "--noprofile", "-c", "trap '' HUP INT; echo armed; sleep 30"])
        try terminal.expect("armed")
        let start = ContinuousClock.now
        #expect(terminal.close(timeout: .milliseconds(300)) == .signaled(SIGKILL))
        #expect(ContinuousClock.now - start < .seconds(3))
    }

    @Test func endOfOutputIsReportedAndNotAHang() throws {
        let terminal = try PseudoTerminal("bash", ["--norc", "--noprofile", "-c", "echo bye"])
        #expect(throws: PseudoTerminalError.self) { try terminal.expect("never", timeout: .seconds(10)) }
        #expect(terminal.output.contains("bye"))
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func aMissingProgramThrows() {
        #expect(throws: PseudoTerminalError.self) { try PseudoTerminal("/nonexistent/program") }
    }

    @Test func droppingTheHarnessKillsTheChild() throws {
        var pid: pid_t = 0
        do {
            let terminal = try PseudoTerminal("sleep", ["30"])
            pid = terminal.pid
        }
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
    }

    @Test func plainOutputDropsEscapesAndCarriageReturns() {
        #expect(PseudoTerminal.stripEscapes("\u{1B}[?2004h>>> 1\r\n\u{1B}[K\u{1B}[3~ok") == ">>> 1\nok")
    }
}
