import CCairo
import Foundation
import Testing
@testable import MNLImage

/// Pictures for terminals that draw real pixels: the grid rendered to fit, PNG through Cairo
/// and sixel through libsixel, each read back.
@Suite struct TerminalPixelTests {
    func checker() throws -> Picture {
        let raster = try #require(Raster(width: 2, height: 2, values: [0, 1, 1, 0]))
        return Picture(raster, scaling: Scaling.fitting(raster))
    }

    @Test func aGridIsShrunkToFitButNeverEnlarged() throws {
        let grid = ImageGrid(try checker())
        let full = try ImageFile.picture(grid, maxWidth: 10_000, maxHeight: 10_000)
        #expect(full.width == 472 && full.height == 472)  // as the PNG file: 448 + 2 × 12
        #expect(full[0, 0] == RGB(255, 255, 255) && full[12 + 100, 12 + 100] == RGB(0, 0, 0))
        let small = try ImageFile.picture(grid, maxWidth: 236, maxHeight: 1000)
        #expect(small.width == 236 && small.height == 236)
        #expect(small[6 + 50, 6 + 50] == RGB(0, 0, 0) && small[6 + 150, 6 + 50] == RGB(255, 255, 255))
    }

    @Test func pngBytesDecodeToThePicture() throws {
        let picture = try ImageFile.picture(ImageGrid(try checker()), maxWidth: 100, maxHeight: 100)
        let png = try CairoRaster.png(picture)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mnl-pixels-\(UUID().uuidString).png").path
        try Data(png).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let surface = try #require(cairo_image_surface_create_from_png(path))
        defer { cairo_surface_destroy(surface) }
        #expect(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        #expect(Int(cairo_image_surface_get_width(surface)) == picture.width)
        #expect(CairoRaster.read(surface, width: picture.width, height: picture.height) == picture)
    }

    @Test func sixelHasTheFramingAndExactColours() throws {
        let picture = try ImageFile.picture(ImageGrid(try checker()), maxWidth: 60, maxHeight: 60)
        let text = String(decoding: try SixelEncoding.encode(picture), as: UTF8.self)
        #expect(text.hasPrefix("\u{1B}Pq\"1;1;\(picture.width);\(picture.height)"))
        #expect(text.hasSuffix("\u{1B}\\"))
        // Two colours, each defined exactly in the palette (percentages of 255).
        #expect(text.contains("#0;2;0;0;0") && text.contains("#1;2;100;100;100"))
        #expect(!text.contains("#2;"))
    }

    @Test func manyColoursGoThroughMedianCut() throws {
        // A gradient of 4096 colours: red across, green down, blue along the diagonal.
        var values: [Double] = []
        for y in 0..<64 {
            for x in 0..<64 { values += [Double(x) / 63, Double(y) / 63, Double(x + y) / 126] }
        }
        let raster = try #require(Raster(width: 64, height: 64, channels: 3, values: values))
        let picture = Picture(raster, scaling: Scaling(low: 0, high: 1))
        #expect(SixelEncoding.exactPalette(picture) == nil)
        let text = String(decoding: try SixelEncoding.encode(picture), as: UTF8.self)
        #expect(text.hasPrefix("\u{1B}Pq\"1;1;64;64") && text.hasSuffix("\u{1B}\\"))
        #expect(text.contains("#255;2;"))  // a full palette of 256
    }
}
