import MNLTestSupport
import Testing

/// The REPL's echo is where a tensor shows its `shape (…) dtype` line and a scalar its dtype;
/// `print` at the same prompt shows values alone.
@Suite(.serialized) struct EchoFooterTests {
    @Test func echoAddsTheFooterAndPrintDoesNot() throws {
        let home = try TemporaryDirectory()
        let repl = try ReplSession(home: home)
        try repl.enter("t = tensor([1.5, 2.5])")
        #expect(try repl.enter("t") == "[1.5 2.5]\nshape (2,) float32\n")
        #expect(try repl.enter("print(\"t\", t, \"!\")") == "t [1.5 2.5] !\n")
        #expect(try repl.enter("t.sum()") == "float32(4)\n")
        #expect(try repl.enter("argmax(t)") == "int64(1)\n")
        #expect(try repl.enter("t[0] > 1") == "bool(true)\n")
        #expect(try repl.enter("[t[0], 2]") == "[1.5, 2]\n")
        #expect(try repl.quit() == .exited(0))
    }
}
