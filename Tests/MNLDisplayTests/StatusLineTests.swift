import Testing
@testable import MNLDisplay

/// A fake terminal: keeps the bytes written and replays them onto a grid of rows, so tests
/// check both the escape sequences and what a person would see.
final class FakeTerminal {
    var bytes = ""
    lazy var display = TerminalDisplay(capabilities: TerminalCapabilities(isTerminal: true, width: 20, height: 10,
                                                                          colors: .ansi256, images: .blocks)) { [unowned self] in
        self.bytes += $0
    }

    /// The screen's rows after interpreting `\n`, `\r`, ESC[K (clear to end) and ESC[1A (up).
    var screen: [String] {
        var rows = [""], row = 0, col = 0
        var chars = Array(bytes)[...]
        while let c = chars.popFirst() {
            switch c {
            case "\n": row += 1; col = 0; if row == rows.count { rows.append("") }
            case "\r": col = 0
            case "\u{1B}":
                var seq = ""
                while let d = chars.popFirst() { seq.append(d); if d.isLetter { break } }
                if seq == "[K" { rows[row] = String(rows[row].prefix(col)) }
                if seq == "[1A" { row = max(row - 1, 0) }
            default:
                var line = Array(rows[row])
                while line.count < col { line.append(" ") }
                if col < line.count { line[col] = c } else { line.append(c) }
                rows[row] = String(line)
                col += 1
            }
        }
        return rows
    }
}

struct StatusLineTests {
    @Test func printedTextAppearsAboveTheStatusLine() {
        let t = FakeTerminal()
        t.display.write("start\n")
        t.display.setStatus(["bar 1"])
        t.display.write("hello\n")
        t.display.setStatus(["bar 2"])
        t.display.write("world\n")
        #expect(t.screen == ["start", "hello", "world", "bar 2"])
        t.display.setStatus([])
        #expect(t.screen == ["start", "hello", "world", ""])
    }

    @Test func aLineWithoutItsNewlineWaitsBelowNothing() {
        let t = FakeTerminal()
        t.display.setStatus(["bar"])
        t.display.write("abc")
        #expect(t.screen == ["bar"])  // held back: the bar is never drawn inside the line
        t.display.write("def\nghi")
        #expect(t.screen == ["abcdef", "bar"])
        t.display.setStatus([])
        #expect(t.screen == ["abcdef", "ghi"])
    }

    @Test func nestedStatusLinesOuterAboveInner() {
        let t = FakeTerminal()
        t.display.setStatus(["epoch 1/3", "batch 5/10"])
        t.display.write("loss 0.5\n")
        #expect(t.screen == ["loss 0.5", "epoch 1/3", "batch 5/10"])
        t.display.setStatus(["epoch 2/3"])
        #expect(t.screen == ["loss 0.5", "epoch 2/3", ""])
    }

    @Test func aStatusAfterAnUnfinishedLineStartsOnTheNextRow() {
        let t = FakeTerminal()
        t.display.write("prompt> ")
        t.display.setStatus(["bar"])
        #expect(t.screen == ["prompt> ", "bar"])
    }

    @Test func longStatusLinesAreCutToOneRow() {
        let t = FakeTerminal()
        t.display.setStatus([String(repeating: "x", count: 50)])
        #expect(t.screen == [String(repeating: "x", count: 19)])
    }

    @Test func anUnchangedStatusWritesNothing() {
        let t = FakeTerminal()
        t.display.setStatus(["same"])
        let before = t.bytes
        t.display.setStatus(["same"])
        #expect(t.bytes == before)
    }

    struct Picture: RichValue {
        func text(for c: TerminalCapabilities) -> String { c.images == .ascii ? "ascii\n" : "blocks\n" }
        func pixels(maxWidth: Int, maxHeight: Int) -> PixelImage? { PixelImage(width: 1, height: 1, rgb: [0, 0, 0]) }
    }

    /// Frames a pretend PNG (its 4-byte signature), as the front end's Cairo encoder would.
    struct SignatureEncoder: InlineImageEncoder {
        func escape(_ image: PixelImage, mode: TerminalCapabilities.ImageMode) -> String? {
            InlineImage.escape(png: [0x89, 0x50, 0x4E, 0x47], mode: mode)
        }
    }

    @Test func richValuesUseTheTerminalsBestRendering() {
        let t = FakeTerminal()
        t.display.show(Picture())
        #expect(t.bytes == "blocks\n")
        let kittyCaps = TerminalCapabilities(isTerminal: true, colors: .trueColor, images: .kitty)
        let kitty = TerminalDisplay(capabilities: kittyCaps, encoder: SignatureEncoder()) { t.bytes = $0 }
        kitty.show(Picture())
        #expect(t.bytes == "\u{1B}_Ga=T,f=100,m=0;iVBORw==\u{1B}\\\n")
        // Without an encoder a kitty terminal still gets the text.
        TerminalDisplay(capabilities: kittyCaps) { t.bytes = $0 }.show(Picture())
        #expect(t.bytes == "blocks\n")
        var plain = ""
        PlainDisplay { plain += $0 }.show(Picture())
        #expect(plain == "ascii\n")
    }

    @Test func kittyPayloadsAreChunked() {
        let escape = InlineImage.kitty(String(repeating: "A", count: 5000))
        #expect(escape.hasPrefix("\u{1B}_Ga=T,f=100,m=1;"))
        #expect(escape.contains("\u{1B}\\\u{1B}_Gm=0;"))
    }
}
