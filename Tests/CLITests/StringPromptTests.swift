import Foundation
import MNLTestSupport
import Testing

/// Strings at the prompt (issue 9): a `"` string ends on its line, so an unclosed one is
/// reported at once; a triple-quoted one may continue on the next lines.
@Suite(.serialized) struct StringPromptTests {
    @Test func anUnclosedQuoteIsAnErrorAndATripleQuoteAsksForMore() throws {
        let home = try TemporaryDirectory()
        let repl = try ReplSession(home: home)
        try repl.terminal.sendLine("s = \"open")
        try repl.terminal.expect("unterminated string", timeout: .seconds(20))
        try repl.terminal.expect(">>> ")
        try repl.terminal.sendLine("t = \"\"\"a")
        try repl.terminal.expect("t = \"\"\"a\r\n... ")
        try repl.terminal.sendLine("b\"\"\"")
        try repl.terminal.expect("b\"\"\"\r\n>>> ")
        #expect(try repl.enter("t") == "\"a\\nb\"\n")
        #expect(try repl.quit() == .exited(0))
    }
}
