import CCairo
import MemoryBudget

/// Drawings as pixels and pixels as PNG, through Cairo: terminals that draw real pixels
/// (kitty, iTerm2, sixel) are handed a `Picture`, which their encoder turns into PNG or
/// sixel. Figures and image grids draw through the same function as their files do.
public enum CairoRaster {
    /// What `draw` paints on a white `width` × `height` RGB surface, its context already
    /// scaled by `scale` (so a drawing laid out for a larger page fits), read back.
    public static func picture(width: Int, height: Int, scale: Double = 1,
                               draw: (OpaquePointer) throws(ImageError) -> Void) throws(ImageError) -> Picture {
        guard width > 0, height > 0, width <= FileLayout.maxSide, height <= FileLayout.maxSide,
              MemoryBudget.allows(bytes: width * height * 8) else { throw .tooLarge(width: width, height: height) }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw .cairo(format: "pixel", status: "no surface")
        }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface))
        guard let cr = cairo_create(surface) else { throw .cairo(format: "pixel", status: "no context") }
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        try draw(cr)
        try check(cairo_status(cr))
        cairo_surface_flush(surface)
        return read(surface, width: width, height: height)
    }

    /// `picture` as PNG bytes, encoded by Cairo.
    public static func png(_ picture: Picture) throws(ImageError) -> [UInt8] {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(picture.width), Int32(picture.height)) else {
            throw .cairo(format: "png", status: "no surface")
        }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface))
        write(picture, into: surface)
        let sink = ByteSink()
        try check(withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(surface, ByteSink.write, Unmanaged.passUnretained(sink).toOpaque())
        })
        return sink.bytes
    }

    /// Copies `picture` into an RGB24 surface of its size (one 32-bit word a pixel, `xRGB`).
    static func write(_ picture: Picture, into surface: OpaquePointer) {
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        guard let data = cairo_image_surface_get_data(surface) else { return }
        data.withMemoryRebound(to: UInt32.self, capacity: stride * picture.height) { words in
            for y in 0..<picture.height {
                for x in 0..<picture.width {
                    let p = picture[x, y]
                    words[y * stride + x] = UInt32(p.r) << 16 | UInt32(p.g) << 8 | UInt32(p.b)
                }
            }
        }
        cairo_surface_mark_dirty(surface)
    }

    static func read(_ surface: OpaquePointer, width: Int, height: Int) -> Picture {
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        var pixels = [RGB](repeating: RGB(255, 255, 255), count: width * height)
        if let data = cairo_image_surface_get_data(surface) {
            data.withMemoryRebound(to: UInt32.self, capacity: stride * height) { words in
                for y in 0..<height {
                    for x in 0..<width {
                        let w = words[y * stride + x]
                        pixels[y * width + x] = RGB(UInt8(w >> 16 & 0xFF), UInt8(w >> 8 & 0xFF), UInt8(w & 0xFF))
                    }
                }
            }
        }
        return Picture(width: width, height: height, pixels: pixels)
    }

    static func check(_ status: cairo_status_t) throws(ImageError) {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw .cairo(format: "pixel", status: String(cString: cairo_status_to_string(status)))
    }
}
