import CCairo
import Foundation
import MNLImage
import MNLPlot
import MNLTestSupport
import Testing
@testable import MNLFigureFile

/// Figures written by Cairo and read back: PNGs decoded by Cairo with their pixels checked
/// where the drawing must be, SVGs parsed as XML, PDFs' header and pages.
@Suite struct FigureFileTests {
    /// The PNG decoded by Cairo, through a temporary file; pixels as 0xRRGGBB.
    func decodePNG(_ bytes: [UInt8]) throws -> DecodedPNG {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mnl-figure-test-\(UUID().uuidString).png").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        if let preview = ProcessInfo.processInfo.environment["MNL_FIGURE_PREVIEW"] {
            try? Data(bytes).write(to: URL(fileURLWithPath: preview + "/\(bytes.count).png"))
        }
        let surface = try #require(cairo_image_surface_create_from_png(path))
        defer { cairo_surface_destroy(surface) }
        #expect(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        let (w, h) = (Int(cairo_image_surface_get_width(surface)), Int(cairo_image_surface_get_height(surface)))
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        let data = try #require(cairo_image_surface_get_data(surface))
        let words = Array(UnsafeBufferPointer(start: UnsafeRawPointer(data).assumingMemoryBound(to: UInt32.self), count: stride * h))
        return DecodedPNG(width: w, height: h, words: words.map { $0 & 0xFFFFFF }, stride: stride)
    }

    func figure(_ build: (inout Axes) throws -> Void) throws -> Figure {
        var f = try Figure()
        try build(&f.axes[0])
        return f
    }

    static func hex(_ c: MNLPlot.RGB) -> UInt32 { UInt32(c.r) << 16 | UInt32(c.g) << 8 | UInt32(c.b) }

    @Test func aPNGIs640By480AtTheDefaultDPIWithWhiteMargins() throws {
        let f = try figure { try $0.plot(x: nil, y: [1, 3, 2]) }
        let png = try FigureFile.encode(f, as: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let image = try decodePNG(png)
        #expect(image.width == 640 && image.height == 480)
        #expect(image.pixel(2, 2) == 0xFFFFFF && image.pixel(637, 477) == 0xFFFFFF)
        let big = try decodePNG(try FigureFile.encode(f, as: .png, dpi: 200))
        #expect(big.width == 1280 && big.height == 960)
    }

    @Test func aLineOfAKnownColourCrossesTheMiddleOfThePlot() throws {
        // A horizontal line at y = 0 from x = 0 to 10, with limits putting it in the middle.
        let f = try figure {
            try $0.plot(x: [0, 10], y: [0, 0], color: PlotColor(named: "red"))
            try $0.setLimits("y", -1, 1)
        }
        let image = try decodePNG(try FigureFile.encode(f, as: .png))
        let plot = try #require(image.plotArea())
        let midY = (plot.top + plot.bottom) / 2
        let column = (plot.left + plot.right) / 2
        let reds = (midY - 3...midY + 3).filter { image.pixel(column, $0) == 0xFF0000 }
        #expect(!reds.isEmpty, "no pure red around row \(midY) in column \(column)")
        #expect(image.pixel(column, plot.top + 10) == 0xFFFFFF)  // above the line: white
    }

    @Test func aBarIsFilledWithItsColour() throws {
        let f = try figure { try $0.bar(labels: ["a", "b"], values: [1, 2]) }
        let image = try decodePNG(try FigureFile.encode(f, as: .png))
        let plot = try #require(image.plotArea())
        // Bar "b" (2 high, the top of the data) spans from x = 0.6 to 1.4 of -0.4...1.4 plus margins;
        // its middle, at three quarters across, is filled with C0 from near the top to the bottom.
        let x = plot.left + (plot.right - plot.left) * 3 / 4
        let c0 = Self.hex(PlotColor.cycle(0).rgb)
        #expect(image.pixel(x, plot.bottom - 5) == c0)
        #expect(image.pixel(x, (plot.top + plot.bottom) / 2) == c0)
        // Between the bars: white.
        #expect(image.pixel((plot.left + plot.right) / 2, plot.bottom - 5) == 0xFFFFFF)
    }

    @Test func aHeatmapCellHasItsColourmapColourAndAContrastingCount() throws {
        let f = try figure { try $0.heatmap([[0, 10], [5, 5]], annotate: true) }
        let image = try decodePNG(try FigureFile.encode(f, as: .png))
        let darkest = Self.hex(RGB.blues(1)), lightest = Self.hex(RGB.blues(0))
        // Find the cells: the lightest colour (0) at the top left, the darkest (10) at the top right.
        let light = image.points { $0 == lightest }, dark = image.points { $0 == darkest }
        #expect(light.count > 10_000 && dark.count > 10_000)
        let lightCentre = light.centre, darkCentre = dark.centre
        #expect(lightCentre.x < darkCentre.x)
        // The count "10" in a dark cell is written in white, "0" in a light cell in black.
        #expect(image.points(near: darkCentre, radius: 12) { $0 & 0xFF > 0xE0 && $0 >> 16 > 0xE0 } > 5)
        #expect(image.points(near: lightCentre, radius: 12) { $0 & 0xFF < 0x40 && $0 >> 16 < 0x40 } > 5)
        // The white margin around the cells.
        #expect(image.pixel(3, 3) == 0xFFFFFF)
    }

    @Test func scatterPointsTakeTheirClassColours() throws {
        let f = try figure { try $0.scatter(x: [0, 1], y: [0, 1], classes: [0, 3]) }
        let image = try decodePNG(try FigureFile.encode(f, as: .png))
        #expect(image.points { $0 == Self.hex(PlotColor.cycle(0).rgb) }.count > 20)
        #expect(image.points { $0 == Self.hex(PlotColor.cycle(3).rgb) }.count > 20)
    }

    @Test func limitsClipTheLineToThePlotArea() throws {
        let f = try figure {
            try $0.plot(x: [0, 10], y: [0, 10], color: PlotColor(named: "red"))
            try $0.setLimits("x", 2, 4)
        }
        let image = try decodePNG(try FigureFile.encode(f, as: .png))
        let plot = try #require(image.plotArea())
        let reds = image.points { $0 == 0xFF0000 }
        #expect(!reds.isEmpty)
        #expect(reds.allSatisfy { $0.x >= plot.left - 2 && $0.x <= plot.right + 2 && $0.y >= plot.top - 2 && $0.y <= plot.bottom + 2 })
    }

    @Test func aDashedLineHasGapsAndASolidOneNone() throws {
        func runs(_ style: LineStyle) throws -> Int {
            let f = try figure {
                try $0.plot(x: [0, 1], y: [0.5, 0.5], color: PlotColor(named: "red"), style: style)
                try $0.setLimits("y", 0, 1)
            }
            let image = try decodePNG(try FigureFile.encode(f, as: .png))
            let plot = try #require(image.plotArea())
            let row = try #require((plot.top...plot.bottom).max { r1, r2 in
                (plot.left...plot.right).filter { image.pixel($0, r1) == 0xFF0000 }.count
                    < (plot.left...plot.right).filter { image.pixel($0, r2) == 0xFF0000 }.count
            })
            // Runs of red along the line's row: one for a solid line, many for a dashed one.
            let red = ((plot.left + 30)...(plot.right - 30)).map { image.pixel($0, row) == 0xFF0000 }
            return zip(red, red.dropFirst()).filter { !$0 && $1 }.count + (red.first == true ? 1 : 0)
        }
        #expect(try runs(.solid) == 1)
        #expect(try runs(.dashed) > 10)
        #expect(try runs(.dotted) > 30)
    }

    @Test func titlesAndALegendAreWrittenWhereTheyBelong() throws {
        var f = try Figure()
        f.title = "Suptitle"
        try f.axes[0].plot(x: nil, y: [1, 2, 3], label: "train")
        f.axes[0].legend = true
        let image = try decodePNG(try FigureFile.encode(f, as: .png))
        let plot = try #require(image.plotArea())
        // The suptitle: dark pixels in the band above the frame, around the middle.
        let title = image.points { $0 & 0xFF < 0x40 && $0 >> 16 < 0x40 }.filter { $0.y < plot.top - 4 }
        #expect(title.count > 20 && abs(title.centre.x - 320) < 40)
        // A rising line leaves the upper left corner free: the legend goes there, its text
        // dark, its handle in C0.
        let corner = (x: plot.left + 50, y: plot.top + 20)
        #expect(image.points(near: corner, radius: 40) { $0 == Self.hex(PlotColor.cycle(0).rgb) } > 20)
        #expect(image.points(near: (corner.x + 50, corner.y), radius: 30) { $0 & 0xFF < 0x40 } > 10)
    }

    @Test func aHeatmapHasAColourBarFromLightToDark() throws {
        let f = try figure { try $0.heatmap([[0, 4], [2, 8]]) }
        let image = try decodePNG(try FigureFile.encode(f, as: .png))
        // Right of the cells, a column that is dark at the top and light at the bottom.
        let cells = image.points { $0 == Self.hex(RGB.blues(1)) }.filter { $0.y > 240 }
        let right = try #require(cells.map(\.x).max())
        let column = try #require(((right + 5)..<image.width).first { x in
            image.pixel(x, 100) != 0xFFFFFF && image.pixel(x, 400) != 0xFFFFFF
        })
        let (top, bottom) = (image.pixel(column + 3, 30), image.pixel(column + 3, 420))
        #expect(top & 0xFF < bottom & 0xFF && top >> 16 < bottom >> 16)
    }

    @Test func anEmptyFigureIsAFrameFromZeroToOne() throws {
        let image = try decodePNG(try FigureFile.encode(try Figure(), as: .png))
        let plot = try #require(image.plotArea())
        #expect(plot.right - plot.left > 400 && plot.bottom - plot.top > 300)
    }

    @Test func thePicturesShapeIsTheFiguresAtMostTheSizeAsked() throws {
        let f = try figure { try $0.plot(x: nil, y: [1, 2]) }
        let full = try FigureFile.picture(f)
        #expect(full.width == 640 && full.height == 480)
        let small = try FigureFile.picture(f, maxWidth: 320, maxHeight: 400)
        #expect(small.width == 320 && small.height == 240)
        #expect(small[1, 1] == MNLImage.RGB(255, 255, 255))
        #expect(FigureFile.pixelSize(maxWidth: 0, maxHeight: 0) == (1, 1))
    }

    @Test func anSVGIsXMLWithPathsAndTextInPoints() throws {
        var f = try Figure(rows: 1, cols: 2)
        try f.axes[0].plot(x: nil, y: [1, 2, 3], label: "train")
        f.axes[0].legend = true
        f.axes[1].title = "accuracy"
        f.title = "training"
        let svg = try FigureFile.encode(f, as: .svg)
        let root = SVGOutline(svg)
        #expect(root.parsed)
        #expect(root.root == "svg")
        #expect(root.width == "460.8pt" && root.height == "345.6pt")
        // Cairo draws text as glyphs (symbols used where the text goes) and lines as paths.
        #expect(root.elements.contains("path") && root.elements.contains("use") && root.elements.contains("symbol"))
    }

    @Test func aPDFHasAHeaderAndOnePage() throws {
        let f = try figure { try $0.hist([1, 2, 2, 3, 3, 3], bins: 3) }
        let text = String(decoding: try FigureFile.encode(f, as: .pdf), as: UTF8.self)
        #expect(text.hasPrefix("%PDF-1."))
        #expect(text.contains("/Type /Pages") && text.contains("/Count 1"))
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("%%EOF"))
    }
}

/// A decoded PNG and the searches the tests make in it.
struct DecodedPNG {
    let width: Int
    let height: Int
    let words: [UInt32]
    let stride: Int

    func pixel(_ x: Int, _ y: Int) -> UInt32 { words[y * stride + x] }

    /// Every pixel whose colour passes `test`.
    func points(_ test: (UInt32) -> Bool) -> [(x: Int, y: Int)] {
        var out: [(x: Int, y: Int)] = []
        for y in 0..<height { for x in 0..<width where test(pixel(x, y)) { out.append((x, y)) } }
        return out
    }

    func points(near c: (x: Int, y: Int), radius r: Int, _ test: (UInt32) -> Bool) -> Int {
        var n = 0
        for y in max(0, c.y - r)..<min(height, c.y + r) { for x in max(0, c.x - r)..<min(width, c.x + r) where test(pixel(x, y)) { n += 1 } }
        return n
    }

    /// The axes frame: the columns and rows that are dark along most of the figure's height
    /// or width (the spines), inset past their anti-aliased edges.
    func plotArea() -> (left: Int, right: Int, top: Int, bottom: Int)? {
        func dark(_ p: UInt32) -> Bool {
            let (r, g, b) = (Int(p >> 16 & 0xFF), Int(p >> 8 & 0xFF), Int(p & 0xFF))
            return r < 0xC0 && abs(r - g) < 8 && abs(g - b) < 8
        }
        let xs = (0..<width).filter { x in (0..<height).filter { dark(pixel(x, $0)) }.count > height / 2 }
        let ys = (0..<height).filter { y in (0..<width).filter { dark(pixel($0, y)) }.count > width / 2 }
        guard let left = xs.first, let right = xs.last, let top = ys.first, let bottom = ys.last else { return nil }
        return (left + 2, right - 2, top + 2, bottom - 2)
    }
}

extension Array where Element == (x: Int, y: Int) {
    var centre: (x: Int, y: Int) {
        guard !isEmpty else { return (0, 0) }
        return (map(\.x).reduce(0, +) / count, map(\.y).reduce(0, +) / count)
    }
}
