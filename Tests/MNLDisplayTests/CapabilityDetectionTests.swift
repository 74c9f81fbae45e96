import Testing
@testable import MNLDisplay

/// Detection from environment dictionaries: one fake terminal of each kind.
struct CapabilityDetectionTests {
    typealias Caps = TerminalCapabilities

    func detect(_ env: [String: String], terminal: Bool = true) -> Caps {
        Caps.detect(environment: env, isTerminal: terminal, size: (100, 30))
    }

    @Test func kittyIsRecognisedByItsWindowIdOrTerm() {
        #expect(detect(["KITTY_WINDOW_ID": "1", "TERM": "xterm-256color"]).images == .kitty)
        #expect(detect(["TERM": "xterm-kitty"]).images == .kitty)
        #expect(detect(["TERM": "xterm-kitty"]).colors == .ansi256)
    }

    @Test func iTermAndWezTermTakeInlineImages() {
        #expect(detect(["TERM_PROGRAM": "iTerm.app", "TERM": "xterm-256color", "COLORTERM": "truecolor"]).images == .iterm2)
        #expect(detect(["TERM_PROGRAM": "WezTerm", "TERM": "xterm-256color"]).images == .iterm2)
    }

    @Test func sixelTerminalsByTerm() {
        #expect(detect(["TERM": "foot"]).images == .sixel)
        #expect(detect(["TERM": "mlterm"]).images == .sixel)
        #expect(detect(["TERM": "xterm-sixel"]).images == .sixel)
    }

    @Test func colourDepthFromColortermAndTerm() {
        #expect(detect(["TERM": "xterm-256color", "COLORTERM": "truecolor"]).colors == .trueColor)
        #expect(detect(["TERM": "xterm", "COLORTERM": "24bit"]).colors == .trueColor)
        #expect(detect(["TERM": "xterm-256color"]).colors == .ansi256)
        #expect(detect(["TERM": "xterm"]).colors == .ansi16)
        #expect(detect(["TERM": "dumb"]).colors == .none)
    }

    @Test func plainTerminalsGetBlocksOrAscii() {
        #expect(detect(["TERM": "xterm-256color"]).images == .blocks)
        #expect(detect(["TERM": "xterm"]).images == .ascii)
        #expect(detect(["TERM": "dumb"]).images == .ascii)
    }

    @Test func noColorMeansPlainTextEverywhere() {
        let c = detect(["TERM": "xterm-kitty", "KITTY_WINDOW_ID": "3", "COLORTERM": "truecolor", "NO_COLOR": "1"])
        #expect(c.colors == .none)
        #expect(c.images == .ascii)
        #expect(c.isTerminal)
        // no-color.org: an empty NO_COLOR does not count.
        #expect(detect(["TERM": "xterm-256color", "NO_COLOR": ""]).colors == .ansi256)
    }

    @Test func pipesArePlain() {
        let c = detect(["TERM": "xterm-kitty", "COLORTERM": "truecolor"], terminal: false)
        #expect(c == Caps(isTerminal: false, width: 100, height: 30, colors: .none, images: .ascii))
    }

    @Test func mnlImagesOverridesDetection() {
        #expect(detect(["TERM": "xterm-256color", "MNL_IMAGES": "kitty"]).images == .kitty)
        #expect(detect(["TERM": "xterm-kitty", "MNL_IMAGES": "none"]).images == .none)
        #expect(detect(["TERM": "xterm-kitty", "MNL_IMAGES": "BLOCKS"]).images == .blocks)
        #expect(detect(["TERM": "xterm", "MNL_IMAGES": "sixel"], terminal: false).images == .sixel)
        // An unknown value is ignored, not an error at startup.
        #expect(detect(["TERM": "xterm-256color", "MNL_IMAGES": "pictures"]).images == .blocks)
    }

    @Test func sizeFallsBackToColumnsAndLinesThen80x24() {
        let fromEnv = Caps.detect(environment: ["COLUMNS": "132", "LINES": "50"], isTerminal: false)
        #expect((fromEnv.width, fromEnv.height) == (132, 50))
        let unknown = Caps.detect(environment: ["COLUMNS": "zero"], isTerminal: false)
        #expect((unknown.width, unknown.height) == (80, 24))
    }
}
