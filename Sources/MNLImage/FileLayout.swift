import CCairo

/// Where each picture and title of a grid goes in a file, in pixels (points for SVG and
/// PDF): pictures scaled up by a whole factor so a digit is a few hundred pixels alone and
/// about 170 in a grid, cells as wide as their widest title, margins and gaps between.
struct FileLayout {
    /// The longest side a picture is scaled towards, alone and in a grid.
    static let aloneSide = 448, gridSide = 168
    /// Past this many pixels on a side the scale drops (to 1 at least); past it at scale 1,
    /// the image is refused.
    static let maxSide = 16384
    static let margin = 12, gap = 12, fontSize = 14.0, titleBand = 24, titleBaseline = 18

    let scale: Int
    let columns: Int
    let cellWidth: Int
    let pictureHeight: Int
    let cellHeight: Int
    let width: Int
    let height: Int

    init(_ grid: ImageGrid) throws(ImageError) {
        let longest = Swift.max(grid.cellWidth, grid.cellHeight)
        let target = grid.pictures.count == 1 ? Self.aloneSide : Self.gridSide
        var scale = Swift.max(1, target / longest)
        let titleWidth = grid.hasTitles ? Self.widestTitle(grid.titles) : 0
        var layout = Self.sizes(grid, scale: scale, titleWidth: titleWidth)
        while scale > 1 && Swift.max(layout.width, layout.height) > Self.maxSide {
            scale = Swift.max(1, scale * Self.maxSide / Swift.max(layout.width, layout.height))
            layout = Self.sizes(grid, scale: scale, titleWidth: titleWidth)
        }
        guard Swift.max(layout.width, layout.height) <= Self.maxSide else { throw .tooLarge(width: layout.width, height: layout.height) }
        self.scale = scale
        self.columns = grid.columns
        self.cellWidth = layout.cellWidth
        self.pictureHeight = grid.cellHeight * scale
        self.cellHeight = pictureHeight + (grid.hasTitles ? Self.titleBand : 0)
        self.width = layout.width
        self.height = layout.height
    }

    /// The top-left corner of picture `i`'s cell.
    func origin(of i: Int) -> (Int, Int) {
        (Self.margin + (i % columns) * (cellWidth + Self.gap), Self.margin + (i / columns) * (cellHeight + Self.gap))
    }

    private static func sizes(_ grid: ImageGrid, scale: Int, titleWidth: Int) -> (cellWidth: Int, width: Int, height: Int) {
        let cellWidth = Swift.max(grid.cellWidth * scale, titleWidth)
        let cellHeight = grid.cellHeight * scale + (grid.hasTitles ? titleBand : 0)
        let width = 2 * margin + grid.columns * cellWidth + (grid.columns - 1) * gap
        let height = 2 * margin + grid.rows * cellHeight + (grid.rows - 1) * gap
        return (cellWidth, width, height)
    }

    /// The widest title in the font, measured on a scratch surface, plus a little air.
    private static func widestTitle(_ titles: [String]) -> Int {
        guard let scratch = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1) else { return 0 }
        defer { cairo_surface_destroy(scratch) }
        guard let cr = cairo_create(scratch) else { return 0 }
        defer { cairo_destroy(cr) }
        selectFont(cr)
        var widest = 0.0
        for t in titles {
            var e = cairo_text_extents_t()
            cairo_text_extents(cr, t, &e)
            widest = Swift.max(widest, e.x_advance)
        }
        return widest > 0 ? Int(widest.rounded(.up)) + 8 : 0
    }

    static func selectFont(_ cr: OpaquePointer) {
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, fontSize)
    }
}
