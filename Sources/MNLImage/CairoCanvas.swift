import CCairo
import MemoryBudget

/// The one place that makes a Cairo surface for a file format, hands its context to a
/// drawing function and collects the encoded bytes: image grids (`ImageFile`) and figures
/// (MNLFigureFile) both draw through it (and through `CairoRaster` for terminal pixels). Cairo writes into memory, never to the file system,
/// so a failed render leaves no file behind and the caller writes the bytes atomically.
public enum CairoCanvas {
    /// Draws on a `width` × `height` surface (pixels for PNG, points for SVG and PDF) and
    /// returns the file's bytes.
    public static func encode(as format: ImageFormat, width: Double, height: Double,
                              draw: (OpaquePointer) throws(ImageError) -> Void) throws(ImageError) -> [UInt8] {
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let surface: OpaquePointer?
        switch format {
        case .png:
            let (w, h) = try pixelSize(width, height)
            surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(w), Int32(h))
        case .svg: surface = cairo_svg_surface_create_for_stream(ByteSink.write, closure, width, height)
        case .pdf: surface = cairo_pdf_surface_create_for_stream(ByteSink.write, closure, width, height)
        }
        guard let surface else { throw .cairo(format: format.rawValue, status: "no surface") }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface), format)
        try drawing(on: surface, format, draw)
        if format == .png {
            cairo_surface_flush(surface)
            try check(cairo_surface_write_to_png_stream(surface, ByteSink.write, closure), format)
        }
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), format)
        return withExtendedLifetime(sink) { sink.bytes }
    }

    /// A pixel size Cairo and the memory budget allow (at least 1 × 1).
    static func pixelSize(_ width: Double, _ height: Double) throws(ImageError) -> (Int, Int) {
        guard width.isFinite, height.isFinite, width <= Double(FileLayout.maxSide), height <= Double(FileLayout.maxSide) else {
            throw .tooLarge(width: width.isFinite ? Int(width) : Int.max, height: height.isFinite ? Int(height) : Int.max)
        }
        let (w, h) = (Swift.max(1, Int(width.rounded())), Swift.max(1, Int(height.rounded())))
        guard MemoryBudget.allows(bytes: w * h * 4) else { throw .tooLarge(width: w, height: h) }
        return (w, h)
    }

    private static func drawing(on surface: OpaquePointer, _ format: ImageFormat,
                                _ draw: (OpaquePointer) throws(ImageError) -> Void) throws(ImageError) {
        guard let cr = cairo_create(surface) else { throw .cairo(format: format.rawValue, status: "no context") }
        defer { cairo_destroy(cr) }
        try draw(cr)
        try check(cairo_status(cr), format)
    }

    public static func check(_ status: cairo_status_t, _ format: ImageFormat) throws(ImageError) {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw .cairo(format: format.rawValue, status: String(cString: cairo_status_to_string(status)))
    }
}

/// Collects what Cairo writes; passed to its stream callbacks as their closure pointer.
final class ByteSink {
    var bytes: [UInt8] = []

    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        if let data { sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length))) }
        return CAIRO_STATUS_SUCCESS
    }
}
