import MNLTestSupport
import Testing

/// Figures go where the output goes: plain text into a pipe, real pixels (Cairo's picture,
/// as a kitty graphics escape) at a terminal that draws them.
@Suite(.serialized) struct FigureTerminalTests {
    @Test func showIntoAPipeIsPlainText80Wide() throws {
        let run = try runMnistRepl(["-e", "plot([1, 4, 9], label=\"squares\")\nshow()"], environment: ["MNL_IMAGES": "kitty", "COLORTERM": "truecolor"])
        #expect(run.status == 0, "\(run)")
        #expect(!run.stdout.contains("\u{1B}"), "\(run)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count > 8 && lines.allSatisfy { $0.count <= 80 }, "\(run)")
    }

    @Test func aFigureAtAKittyPromptIsAPicture() throws {
        let home = try TemporaryDirectory()
        let inputrc = try home.write("inputrc", "set enable-bracketed-paste off\n")
        let terminal = try PseudoTerminal(try Binary.require(), [],
                                          environment: ["HOME": home.path, "INPUTRC": inputrc, "COLORTERM": "truecolor", "MNL_IMAGES": "kitty"])
        defer { terminal.close() }
        try terminal.expect(">>> ", timeout: .seconds(30))
        try terminal.sendLine("bar([\"a\", \"b\"], [1, 2])")
        let shown = try terminal.expect(">>> ", timeout: .seconds(20))
        // The kitty graphics protocol: a PNG (f=100) sent in base64 chunks, shown at once (a=T).
        #expect(shown.contains("\u{1B}_Ga=T,f=100,"), "\(shown.prefix(200))")
        #expect(!shown.contains("┬"))
        try terminal.sendControlD()
        #expect(try terminal.waitForExit(timeout: .seconds(10)) == .exited(0))
    }
}
