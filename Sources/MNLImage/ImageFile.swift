import CCairo

/// The file formats Cairo writes for us.
public enum ImageFormat: String, CaseIterable, Sendable {
    case png, svg, pdf

    /// The format named by the path's extension (any case), or nil.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }
}

/// Grids of pictures as PNG, SVG or PDF bytes, drawn by Cairo: pixels as crisp squares
/// (nearest-neighbour, as matplotlib's `interpolation="nearest"`), titles as real text in
/// DejaVu Sans, on white. The caller writes the bytes (atomically); Cairo never touches the
/// file system, so a failed render leaves no file behind.
public enum ImageFile {
    public static func encode(_ grid: ImageGrid, as format: ImageFormat) throws(ImageError) -> [UInt8] {
        let layout = try FileLayout(grid)
        let bytes = try CairoCanvas.encode(as: format, width: Double(layout.width), height: Double(layout.height)) { cr throws(ImageError) in
            try draw(grid, layout, on: cr, format)
        }
        return format == .svg ? pixelated(bytes) : bytes
    }

    /// Cairo 1.16 embeds each picture in an SVG as a small PNG scaled up, and browsers smooth
    /// scaled images unless told otherwise (PDF gets `/Interpolate false` from the nearest
    /// filter). One `image-rendering` style on the root element, which every image inherits,
    /// keeps the pixels square as in the PNG.
    static func pixelated(_ svg: [UInt8]) -> [UInt8] {
        let root = Array("<svg ".utf8)
        guard let at = svg.indices.first(where: { svg[$0...].starts(with: root) }) else { return svg }
        return Array(svg[..<at]) + root + Array("style=\"image-rendering:pixelated\" ".utf8) + Array(svg[(at + root.count)...])
    }

    /// The grid as the PNG would show it, shrunk to fit `maxWidth` × `maxHeight` pixels
    /// (never enlarged): what a terminal that draws real pixels is given.
    public static func picture(_ grid: ImageGrid, maxWidth: Int, maxHeight: Int) throws(ImageError) -> Picture {
        let layout = try FileLayout(grid)
        let factor = Swift.min(1, Double(Swift.max(1, maxWidth)) / Double(layout.width),
                               Double(Swift.max(1, maxHeight)) / Double(layout.height))
        let width = Swift.max(1, Int((Double(layout.width) * factor).rounded(.down)))
        let height = Swift.max(1, Int((Double(layout.height) * factor).rounded(.down)))
        return try CairoRaster.picture(width: width, height: height, scale: factor) { cr throws(ImageError) in
            try paintGrid(grid, layout, cr, .png)
        }
    }

    /// White ground, each picture scaled up by whole pixels, its title centred under it.
    static func draw(_ grid: ImageGrid, _ layout: FileLayout, on cr: OpaquePointer, _ format: ImageFormat) throws(ImageError) {
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        try paintGrid(grid, layout, cr, format)
    }

    /// Each picture scaled up by whole pixels, its title centred under it (on a ground
    /// already painted white).
    static func paintGrid(_ grid: ImageGrid, _ layout: FileLayout, _ cr: OpaquePointer, _ format: ImageFormat) throws(ImageError) {
        FileLayout.selectFont(cr)
        for (i, picture) in grid.pictures.enumerated() {
            let (x, y) = layout.origin(of: i)
            try paint(picture, at: (x + (layout.cellWidth - picture.width * layout.scale) / 2, y), scale: layout.scale, cr, format)
            if grid.hasTitles { title(grid.titles[i], centredAt: Double(x) + Double(layout.cellWidth) / 2,
                                       baseline: Double(y + layout.pictureHeight + FileLayout.titleBaseline), cr) }
        }
    }

    static func paint(_ picture: Picture, at origin: (Int, Int), scale: Int, _ cr: OpaquePointer, _ format: ImageFormat) throws(ImageError) {
        guard let image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(picture.width), Int32(picture.height)) else {
            throw .cairo(format: format.rawValue, status: "no surface")
        }
        defer { cairo_surface_destroy(image) }
        try CairoCanvas.check(cairo_surface_status(image), format)
        CairoRaster.write(picture, into: image)
        cairo_save(cr)
        cairo_translate(cr, Double(origin.0), Double(origin.1))
        cairo_scale(cr, Double(scale), Double(scale))
        cairo_set_source_surface(cr, image, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST)
        cairo_rectangle(cr, 0, 0, Double(picture.width), Double(picture.height))
        cairo_fill(cr)
        cairo_restore(cr)
    }

    static func title(_ text: String, centredAt x: Double, baseline: Double, _ cr: OpaquePointer) {
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, text, &extents)
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_move_to(cr, x - extents.width / 2 - extents.x_bearing, baseline)
        cairo_show_text(cr, text)
    }
}
