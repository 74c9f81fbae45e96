import Foundation
import MNLDisplay
import MNLFuzzing
import MNLSyntax
import MNLRuntime
@testable import MNLStdlib
import Testing

/// `show()` without arguments goes through the session's display: text at the display's
/// width and colours, or pixels where the terminal draws them. With width= or color= it
/// prints text as asked.
@Suite struct FigureShowTests {
    /// Records the pictures a kitty terminal is asked to draw.
    final class RecordingEncoder: InlineImageEncoder {
        var images: [PixelImage] = []
        func escape(_ image: PixelImage, mode: TerminalCapabilities.ImageMode) -> String? {
            images.append(image)
            return "<\(mode.rawValue) \(image.width)x\(image.height)>"
        }
    }

    func run(_ code: String, on display: Display) throws {
        let session = Stdlib.makeSession(display: display)
        guard case .success = session.run(code, name: "<test>") else {
            Issue.record("\(code) failed")
            return
        }
    }

    @Test func aPipeGetsThePlainTextThatPrintShows() throws {
        var shown = "", printed = ""
        try run("plot([1, 4, 9], label=\"squares\")\nshow()", on: PlainDisplay { shown += $0 })
        try run("print(plot([1, 4, 9], label=\"squares\"))", on: PlainDisplay { printed += $0 })
        #expect(shown == printed)
        #expect(!shown.contains("\u{1B}"))
        #expect(shown.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func aColourTerminalGetsTextAtItsWidthInColour() throws {
        var bytes = ""
        let caps = TerminalCapabilities(isTerminal: true, width: 50, height: 30, colors: .trueColor, images: .blocks)
        try run("plot([1, 4, 9])\nshow()", on: TerminalDisplay(capabilities: caps) { bytes += $0 })
        #expect(bytes.contains("\u{1B}[38;2;31;119;180m"))  // C0, matplotlib's first colour
        let visible = bytes.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(visible.split(separator: "\n").allSatisfy { $0.count <= 50 })
    }

    @Test func aKittyTerminalIsHandedCairosPixels() throws {
        var bytes = ""
        let encoder = RecordingEncoder()
        let caps = TerminalCapabilities(isTerminal: true, width: 80, height: 24, colors: .trueColor, images: .kitty)
        let display = TerminalDisplay(capabilities: caps, encoder: encoder) { bytes += $0 }
        try run("f = bar([\"a\", \"b\"], [1, 2])\nshow()\nf.show()\nf.show(width=30)", on: display)
        // At most 8 × 16 pixels a cell: 640 × 384 allows 512 × 384 at the figure's 4:3.
        #expect(encoder.images.count == 2)
        #expect(encoder.images.first.map { "\($0.width)x\($0.height)" } == "512x384")
        #expect(bytes.hasPrefix("<kitty 512x384>\n<kitty 512x384>\n"))
        // The ground is white and the bars are matplotlib's first colour.
        let image = try #require(encoder.images.first)
        #expect(Array(image.rgb.prefix(3)) == [255, 255, 255])
        let c0 = stride(from: 0, to: image.rgb.count, by: 3).filter { image.rgb[$0] == 31 && image.rgb[$0 + 1] == 119 && image.rgb[$0 + 2] == 180 }
        #expect(c0.count > 10_000)
        // width= asks for text.
        #expect(bytes.contains("┬"))
    }

    /// The fuzzer's sandbox refuses savefig; a figure's and an axes' savefig go through it.
    @Test func figuresCannotWriteWhileFuzzing() throws {
        let path = "/tmp/mnl-figure-sandbox-\(getpid()).png"
        for code in ["plot([1, 2]).savefig(\"\(path)\")", "subplots(1, 2)[1][0].savefig(\"\(path)\")", "plot([1, 2])\nsavefig(\"\(path)\")"] {
            #expect(ScriptEntries.run(source: code, in: FuzzContext()) == nil)
            #expect(!FileManager.default.fileExists(atPath: path), "\(code) wrote a file")
        }
    }

    @Test func savefigAfterShowSavesTheFigureShown() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mnl-shown-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try run("scatter([1, 2, 3], [3, 1, 2], c=[0, 1, 1])\nshow()\nsavefig(\"\(path)\")", on: PlainDisplay { _ in })
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.contains("width=\"460.8pt\""))
    }
}

/// Every method of a figure and an axes has a doc paragraph and an example that runs (the
/// builtins' examples are run by DocumentationTests).
/// Every method of every native class (tensor, table, batches, image, figure, axes,
/// progress...) has a doc paragraph and an example that runs, as every builtin has.
@Suite struct NativeMethodExampleTests {
    static var methods: [String] {
        Stdlib.nativeClasses.flatMap { cls in cls.methods.map { "\(cls.name).\($0.name)" } }
    }

    @Test func everyClassIsListed() {
        #expect(Set(Stdlib.nativeClasses.map(\.name)).isSuperset(of: ["tensor", "image", "figure", "axes", "progress", "model", "optimizer", "scheduler"]))
    }

    @Test(arguments: methods)
    func methodIsDocumentedAndItsExampleRuns(_ qualified: String) throws {
        let (type, name) = (qualified.prefix { $0 != "." }, qualified.drop { $0 != "." }.dropFirst())
        let cls = try #require(Stdlib.nativeClasses.first { $0.name == type })
        let method = try #require(cls.methods.first { $0.name == name })
        #expect(method.doc.count > 20, "\(qualified) needs a doc paragraph")
        #expect(!method.example.isEmpty, "\(qualified) needs an example")
        let outcome = ScriptHarness.run(method.example, name: "example of \(qualified)")
        #expect(outcome.errors.isEmpty, "\(qualified): \(outcome.errors.map { DiagnosticRenderer().render($0) })")
    }
}
