#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MNLTestSupport
import Testing

/// `mnist-repl` with no arguments on a pseudo-terminal: the interactive REPL as a user
/// meets it, with readline, Ctrl-C, Tab and the `:` commands. Serialized because every test
/// starts the whole program and the machine is small.
@Suite(.serialized) struct InteractiveTests {
    @Test func promptEchoAndExitOnControlD() throws {
        let home = try TemporaryDirectory()
        let repl = try ReplSession(home: home)
        #expect(try repl.enter("1 + 2") == "3\n")
        #expect(try repl.enter("nil") == "")
        #expect(try repl.enter("x = 5") == "")
        #expect(try repl.enter("\"a\" + \"b\"") == "\"ab\"\n")
        #expect(try repl.enter("print(x, x * 2)") == "5 10\n")
        #expect(try repl.quit() == .exited(0))
    }

    @Test func multiLineInputUsesTheContinuationPrompt() throws {
        let home = try TemporaryDirectory()
        let repl = try ReplSession(home: home)
        try repl.terminal.sendLine("fn f(x) {")
        try repl.terminal.expect("fn f(x) {\r\n... ")
        try repl.terminal.sendLine("x * 2")
        try repl.terminal.expect("x * 2\r\n... ")
        try repl.terminal.sendLine("}")
        try repl.terminal.expect("}\r\n>>> ")
        #expect(try repl.enter("f(4)") == "8\n")
        #expect(try repl.quit() == .exited(0))
    }

    @Test func tabCompletesVariablesBuiltinsAndMembers() throws {
        let home = try TemporaryDirectory()
        let repl = try ReplSession(home: home)
        try repl.enter("zebra_count = 7")
        try repl.terminal.send("zebra_c")
        try repl.terminal.expect("zebra_c")
        try repl.terminal.sendTab()
        try repl.terminal.expect("ount")
        try repl.terminal.sendLine()
        try repl.terminal.expect("\r\n7\r\n>>> ", timeout: .seconds(20))

        try repl.terminal.send("permu")
        try repl.terminal.expect("permu")
        try repl.terminal.sendTab()
        try repl.terminal.expect("tation")
        try repl.terminal.send("(3).shape")
        try repl.terminal.sendLine()
        let builtin = try repl.terminal.expect(">>> ", timeout: .seconds(20))
        #expect(PseudoTerminal.stripEscapes(builtin).contains("permutation(3).shape\n(3,)\n"), "\(builtin.debugDescription)")

        try repl.enter("t = tensor([1, 2])")
        try repl.terminal.send("t.sh")
        try repl.terminal.expect("t.sh")
        try repl.terminal.sendTab()
        try repl.terminal.expect("ape")
        try repl.terminal.sendLine()
        let shown = try repl.terminal.expect(">>> ", timeout: .seconds(20))
        #expect(PseudoTerminal.stripEscapes(shown).contains("t.shape\n(2,)\n"), "\(shown.debugDescription)")
        #expect(try repl.quit() == .exited(0))
    }
}
