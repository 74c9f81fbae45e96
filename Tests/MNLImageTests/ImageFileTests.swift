import CCairo
import Foundation
import MNLTestSupport
import Testing
@testable import MNLImage

/// File output read back: the PNG decoded by Cairo, the SVG parsed as XML, the PDF's header
/// and pages.
@Suite struct ImageFileTests {
    /// A 2×2 digit-like picture: black, white / white, black.
    func checker() throws -> Picture {
        let raster = try #require(Raster(width: 2, height: 2, values: [0, 1, 1, 0]))
        return Picture(raster, scaling: Scaling.fitting(raster))
    }

    /// The PNG bytes decoded by Cairo, through a temporary file.
    func decodePNG(_ bytes: [UInt8]) throws -> (width: Int, height: Int, pixel: (Int, Int) -> UInt32) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mnl-image-test-\(UUID().uuidString).png").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let surface = try #require(cairo_image_surface_create_from_png(path))
        #expect(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        let (w, h) = (Int(cairo_image_surface_get_width(surface)), Int(cairo_image_surface_get_height(surface)))
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        let data = try #require(cairo_image_surface_get_data(surface))
        let words = Array(UnsafeBufferPointer(start: UnsafeRawPointer(data).assumingMemoryBound(to: UInt32.self), count: stride * h))
        cairo_surface_destroy(surface)
        return (w, h, { x, y in words[y * stride + x] & 0xFFFFFF })
    }

    @Test func aPNGHasTheScaledPixels() throws {
        let png = try ImageFile.encode(ImageGrid(try checker()), as: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let image = try decodePNG(png)
        // A lone picture is scaled towards 448 pixels (224 per source pixel) inside 12-pixel margins.
        #expect(image.width == 12 + 448 + 12 && image.height == 12 + 448 + 12)
        #expect(image.pixel(0, 0) == 0xFFFFFF)               // the white margin
        #expect(image.pixel(12 + 100, 12 + 100) == 0x000000)   // top-left source pixel: black
        #expect(image.pixel(12 + 300, 12 + 100) == 0xFFFFFF)   // top-right: white
        #expect(image.pixel(12 + 100, 12 + 300) == 0xFFFFFF)
        #expect(image.pixel(12 + 300, 12 + 300) == 0x000000)
        // Nearest-neighbour: the edge between two source pixels stays sharp.
        #expect(image.pixel(12 + 223, 12 + 100) == 0x000000 && image.pixel(12 + 224, 12 + 100) == 0xFFFFFF)
    }

    @Test func aGridWithTitlesHasTextUnderEachPicture() throws {
        let p = try checker()
        let grid = ImageGrid(pictures: [p, p, p], titles: ["Pred: 7, True: 7", "b", "c"], columns: 2)
        let image = try decodePNG(try ImageFile.encode(grid, as: .png))
        let layout = try FileLayout(grid)
        #expect(layout.scale == 84)  // 168 / 2
        #expect(image.width == layout.width && image.height == layout.height)
        #expect(layout.cellWidth == 168 && layout.height == 12 + 2 * (168 + 24) + 12 + 12)
        // Some dark (text) pixels in the band under the first picture, none under the empty third cell's right.
        let band = (12 + 168 + 2)..<(12 + 168 + 22)
        let dark = band.flatMap { y in (12..<(12 + 168)).map { x in image.pixel(x, y) } }.filter { $0 & 0xFF < 0x80 }
        #expect(dark.count > 20)
        let (x3, y3) = layout.origin(of: 3)
        #expect(image.pixel(x3 + 50, y3 + 50) == 0xFFFFFF)
    }

    @Test func anSVGIsXMLOfTheRightSize() throws {
        let p = try checker()
        let svg = try ImageFile.encode(ImageGrid(pictures: [p, p], titles: ["a", "b"], columns: 2), as: .svg)
        let delegate = SVGOutline(svg)
        #expect(delegate.parsed)
        #expect(delegate.root == "svg")
        #expect(delegate.width == "372pt" && delegate.height == "216pt")  // 12 + 168 + 12 + 168 + 12; 12 + 168 + 24 + 12
        #expect(delegate.elements.contains("image") && delegate.elements.contains("use"))  // pictures and title glyphs
        #expect(delegate.style == "image-rendering:pixelated")
    }

    @Test func aPDFHasAHeaderAndOnePage() throws {
        let pdf = try ImageFile.encode(ImageGrid(try checker()), as: .pdf)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-1."))
        #expect(text.contains("/Type /Pages") && text.contains("/Count 1"))
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("%%EOF"))
    }

    @Test func anEnormousGridIsRefused() throws {
        let raster = try #require(Raster(width: 20000, height: 1, values: [Double](repeating: 0, count: 20000)))
        let p = Picture(raster, scaling: Scaling(low: 0, high: 1))
        #expect(throws: ImageError.tooLarge(width: 20024, height: 25)) { try ImageFile.encode(ImageGrid(p), as: .png) }
    }
}
