import MNLTestSupport
import Testing

/// Images print for where the output goes: ASCII shades into a pipe, half blocks in colour
/// when asked (MNL_IMAGES) or at a colour terminal's prompt.
@Suite(.serialized) struct ImageTerminalTests {
    @Test func aPipeGetsASCIIUnlessBlocksAreAsked() throws {
        let plain = try runMnistRepl(["-e", "print(imshow(eye(4)))"], unsetting: ["MNL_IMAGES"])
        #expect(plain.status == 0 && plain.stdout == "++\n  ++\n", "\(plain)")
        let blocks = try runMnistRepl(["-e", "print(imshow(eye(2)))"], environment: ["MNL_IMAGES": "blocks", "COLORTERM": "truecolor"])
        #expect(blocks.stdout == "\u{1B}[38;2;255;255;255m\u{1B}[48;2;0;0;0m▀\u{1B}[38;2;0;0;0m\u{1B}[48;2;255;255;255m▀\u{1B}[0m\n", "\(blocks)")
    }

    @Test func theEchoAtAColourPromptDrawsHalfBlocks() throws {
        let home = try TemporaryDirectory()
        let inputrc = try home.write("inputrc", "set enable-bracketed-paste off\n")
        let terminal = try PseudoTerminal(try Binary.require(), [],
                                          environment: ["HOME": home.path, "INPUTRC": inputrc, "COLORTERM": "truecolor", "MNL_IMAGES": "blocks"])
        defer { terminal.close() }
        try terminal.expect(">>> ", timeout: .seconds(30))
        try terminal.sendLine("imshow(eye(2))")
        let shown = try terminal.expect(">>> ", timeout: .seconds(20))
        #expect(shown.contains("\u{1B}[38;2;255;255;255m\u{1B}[48;2;0;0;0m▀\u{1B}[38;2;0;0;0m\u{1B}[48;2;255;255;255m▀\u{1B}[0m"), "\(shown)")
        try terminal.sendControlD()
        #expect(try terminal.waitForExit(timeout: .seconds(10)) == .exited(0))
    }
}
