import MNLDisplay
import MNLImage
import MNLPlot
@testable import MNLStdlib
import Testing

/// Figures and images take their styles from the display channel's one reading of the
/// terminal (TerminalCapabilities), so the three never disagree.
@Suite struct TerminalStyleTests {
    func caps(_ env: [String: String], terminal: Bool = true) -> TerminalCapabilities {
        TerminalCapabilities.detect(environment: env, isTerminal: terminal)
    }

    @Test func imagesDrawAsTheTerminalAllows() {
        #expect(caps([:], terminal: false).imageStyle == .ascii)
        #expect(caps(["TERM": "xterm-256color"]).imageStyle == .colour256)
        #expect(caps(["TERM": "xterm-256color", "COLORTERM": "truecolor"]).imageStyle == .trueColour)
        #expect(caps(["TERM": "xterm"]).imageStyle == .ascii)  // 16 colours have no grey ramp
        #expect(caps(["COLORTERM": "truecolor", "NO_COLOR": "1"]).imageStyle == .ascii)
        #expect(caps(["MNL_IMAGES": "blocks"], terminal: false).imageStyle == .colour256)
        // Forced blocks keep the depth COLORTERM names where colour is otherwise off; figures stay plain.
        #expect(caps(["MNL_IMAGES": "blocks", "COLORTERM": "truecolor"], terminal: false).imageStyle == .trueColour)
        let noColor = caps(["MNL_IMAGES": "blocks", "COLORTERM": "truecolor", "NO_COLOR": "1"])
        #expect(noColor.imageStyle == .trueColour && noColor.figureColors == .none)
        #expect(caps(["MNL_IMAGES": "none"]).imageStyle == .none)
        #expect(caps(["MNL_IMAGES": "ascii", "COLORTERM": "24bit"]).imageStyle == .ascii)
        #expect(caps(["KITTY_WINDOW_ID": "1", "COLORTERM": "truecolor"]).imageStyle == .trueColour)
    }

    @Test func figuresUseTheTerminalsColours() {
        #expect(caps([:], terminal: false).figureColors == .none)
        #expect(caps(["TERM": "xterm"]).figureColors == .ansi16)
        #expect(caps(["TERM": "xterm-256color"]).figureColors == .ansi256)
        #expect(caps(["COLORTERM": "truecolor"]).figureColors == .truecolor)
        #expect(caps(["COLORTERM": "truecolor", "NO_COLOR": "1"]).figureColors == .none)
        #expect(caps(["TERM": "dumb"]).figureColors == .none)
    }
}
