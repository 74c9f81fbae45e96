#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MNLTestSupport
import Testing

/// Classes at the prompt: a class typed over several lines, the echo through `__repr__`,
/// `:vars`, completion after `d.`, `?Dense` and redefinition.
@Suite(.serialized) struct ClassesInteractiveTests {
    @Test func aClassAtThePrompt() throws {
        let home = try TemporaryDirectory()
        let repl = try ReplSession(home: home)
        try repl.terminal.sendLine("class Dense {")
        try repl.terminal.expect("class Dense {\r\n... ")
        try repl.terminal.sendLine("\"A fully connected layer.\"")
        try repl.terminal.expect("... ")
        try repl.terminal.sendLine("fn init(self, n_in, n_out) { self.W = zeros(n_in, n_out); self.name = \"dense\" }")
        try repl.terminal.expect("... ")
        try repl.terminal.sendLine("fn forward(self, x) { x @ self.W }")
        try repl.terminal.expect("... ")
        try repl.terminal.sendLine("fn __repr__(self) { \"<Dense {self.W.shape[0]}→{self.W.shape[1]}>\" }")
        try repl.terminal.expect("... ")
        try repl.terminal.sendLine("}")
        try repl.terminal.expect("}\r\n>>> ")
        try repl.enter("d = Dense(784, 128)")
        #expect(try repl.enter("d") == "<Dense 784→128>\n")
        #expect(try repl.enter("[d]") == "[<Dense 784→128>]\n")

        let vars = try repl.enter(":vars")
        #expect(vars.contains("Dense"), "\(vars)")
        #expect(vars.contains("W=(784, 128) float32"), "\(vars)")
        #expect(vars.contains("name=\"dense\""), "\(vars)")

        // Completion after `d.` offers the fields and the methods.
        try repl.terminal.send("d.fo")
        try repl.terminal.expect("d.fo")
        try repl.terminal.sendTab()
        try repl.terminal.expect("rward")
        try repl.terminal.sendLine("(zeros(2, 784)).shape")
        try repl.terminal.expect("\r\n(2, 128)\r\n>>> ", timeout: .seconds(20))

        let help = try repl.enter("?Dense")
        #expect(help.hasPrefix("class Dense\n  A fully connected layer.\n  constructor: Dense(n_in, n_out)\n"), "\(help)")
        #expect(help.contains("    forward(self, x)"), "\(help)")
        #expect(try repl.enter("?Dense.forward").hasPrefix("Dense.forward(self, x)\n"))

        // Redefining the class replaces the binding; the old instance keeps the old class.
        try repl.enter("class Dense { fn forward(self, x) { \"new\" } }")
        #expect(try repl.enter("Dense().forward(1)") == "\"new\"\n")
        #expect(try repl.enter("d.forward(zeros(1, 784)).shape") == "(1, 128)\n")
        #expect(try repl.quit() == .exited(0))
    }
}
