#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MNLTestSupport
import Testing
@testable import MNLConsole

/// The whole console as a user meets it: this test binary re-runs itself on a pseudo-terminal
/// with `MNLCONSOLE_E2E_CHILD` set, and the child runs `ConsoleLauncher` with `SpinEngine`.
/// Ctrl-C here is a real keypress turned into SIGINT by the terminal.
@Suite struct EndToEndTests {
    static let childVariable = "MNLCONSOLE_E2E_CHILD"

    /// In the child, runs the console and exits; in a normal test run, does nothing.
    @Test func consoleChildProcess() {
        guard ProcessInfo.processInfo.environment[Self.childVariable] != nil else { return }
        ConsoleLauncher.run(engine: SpinEngine(), banner: "e2e console ready")
        exit(0)
    }

    @Test func aSessionOnARealTerminal() throws {
        let home = temporaryDirectory()
        try AtomicFile.write("set enable-bracketed-paste off\n", to: home + "/inputrc")  // plainer output
        let terminal = try PseudoTerminal(
            "/proc/self/exe", ["--testing-library", "swift-testing", "--filter", "consoleChildProcess"],
            environment: [Self.childVariable: "1", "HOME": home, "INPUTRC": home + "/inputrc"])
        defer { terminal.close() }
        try terminal.expect("e2e console ready", timeout: .seconds(20))
        try terminal.expect(">>> ")

        try terminal.sendLine("f(1,")
        try terminal.expect("... ")
        try terminal.sendLine("2)")
        try terminal.expect("f(1,\r\n2)\r\n>>> ")

        try terminal.send("x.sh\t")
        try terminal.expect("x.shape")
        try terminal.sendLine()
        try terminal.expect("x.shape\r\n>>> ")

        try terminal.sendLine("spin")
        try terminal.expect("spin\r\n")
        usleep(200_000)
        try terminal.sendControlC()
        try terminal.expect("interrupted\r\n>>> ")

        try terminal.send("half")
        try terminal.expect("half")
        try terminal.sendControlC()
        try terminal.expect("^C\r\n")
        try terminal.expect(">>> ")

        try terminal.sendLine(":save ~/s.mnl")
        try terminal.expect("saved 2 inputs")
        try terminal.expect(">>> ")
        try terminal.sendControlD()
        try terminal.expect("\r\n")  // the shell's prompt will start on a new line
        #expect(try terminal.waitForExit(timeout: .seconds(10)) == .exited(0))
        #expect(try AtomicFile.contents(of: home + "/s.mnl") == "f(1,\n2)\nx.shape\n")
        #expect(try AtomicFile.contents(of: home + "/.mnist_repl_history")
                == "f(1,\\n2)\nx.shape\nspin\n:save ~/s.mnl\n")
    }
}
