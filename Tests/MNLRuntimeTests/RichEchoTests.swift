import MNLDisplay
import MNLImage
import MNLRuntime
@testable import MNLStdlib
import Testing

/// Images reach the display as rich values: real pixels on a terminal that draws them (with
/// the front end's encoder), text everywhere else.
@Suite struct RichEchoTests {
    final class Capture {
        var bytes = ""
    }

    func run(_ source: String, on caps: TerminalCapabilities) -> String {
        let capture = Capture()
        let display = TerminalDisplay(capabilities: caps, encoder: TerminalPictureEncoder()) { capture.bytes += $0 }
        let session = Stdlib.makeSession(display: display)
        if case .failure(let d) = session.run(source, name: "test") { Issue.record("\(d)") }
        return capture.bytes
    }

    @Test func showDrawsPixelsOnKittyAndSixelTerminals() {
        let kitty = run("imshow(eye(4)).show()", on: TerminalCapabilities(isTerminal: true, colors: .trueColor, images: .kitty))
        #expect(kitty.hasPrefix("\u{1B}_Ga=T,f=100,") && kitty.hasSuffix("\u{1B}\\\n"))
        let sixel = run("imshow(eye(4)).show()", on: TerminalCapabilities(isTerminal: true, colors: .ansi256, images: .sixel))
        #expect(sixel.hasPrefix("\u{1B}Pq") && sixel.hasSuffix("\u{1B}\\\n"))
        let iterm = run("imshow(eye(4)).show()", on: TerminalCapabilities(isTerminal: true, colors: .trueColor, images: .iterm2))
        #expect(iterm.hasPrefix("\u{1B}]1337;File=inline=1;"))
    }

    @Test func showDrawsTextElsewhere() {
        let blocks = run("imshow(eye(2)).show()", on: TerminalCapabilities(isTerminal: true, colors: .trueColor, images: .blocks))
        #expect(blocks == "\u{1B}[38;2;255;255;255m\u{1B}[48;2;0;0;0m▀\u{1B}[38;2;0;0;0m\u{1B}[48;2;255;255;255m▀\u{1B}[0m\n")
        var plain = ""
        let session = Stdlib.makeSession(output: { plain += $0 })
        _ = session.run("imshow(eye(2)).show()", name: "test")
        // One character cell holds two rows: each column is half white, a middle shade.
        #expect(plain == "++\n")
    }
}
