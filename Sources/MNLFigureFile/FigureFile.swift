import CCairo
import MNLImage
import MNLPlot

/// Figures as PNG, SVG or PDF bytes, or as pixels for terminals that draw pictures, as
/// matplotlib draws them: white ground, framed axes with ticks at nice numbers, real text in
/// DejaVu Sans (matplotlib's own default font), anti-aliased lines in the tab10 colours.
/// Cairo does all drawing and encoding, through MNLImage's `CairoCanvas`.
///
/// Sizes follow matplotlib's defaults: a figure is 6.4 × 4.8 inches. A PNG has `dpi` pixels
/// an inch (640 × 480 at the default 100); SVG and PDF are vector files measured in points
/// (72 an inch, so 460.8 × 345.6 pt, as matplotlib writes them) and ignore `dpi`. Everything
/// is laid out once in *figure units*, pixels at 100 dpi, and scaled to the target.
public enum FigureFile {
    public static let defaultDPI = 100.0
    /// The resolutions a PNG may have: 640 × 480 pixels at 100, 6400 × 4800 at the most.
    public static let dpiRange = 10.0...1000.0
    /// The figure's size in figure units (pixels at 100 dpi).
    static let width = 640.0, height = 480.0

    /// The figure encoded as a file of `format`.
    public static func encode(_ figure: Figure, as format: ImageFormat, dpi: Double = defaultDPI) throws(ImageError) -> [UInt8] {
        let scale = format == .png ? dpi / defaultDPI : 72 / defaultDPI
        return try CairoCanvas.encode(as: format, width: width * scale, height: height * scale) { cr throws(ImageError) in
            cairo_scale(cr, scale, scale)
            FigurePainter(cr).draw(figure)
        }
    }

    /// The size in pixels of the figure's picture when it may be at most `maxWidth` ×
    /// `maxHeight`: 640 × 480, or smaller with the same shape.
    public static func pixelSize(maxWidth: Int, maxHeight: Int) -> (width: Int, height: Int) {
        let scale = min(1, Double(max(1, maxWidth)) / width, Double(max(1, maxHeight)) / height)
        return (max(1, Int((width * scale).rounded(.down))), max(1, Int((height * scale).rounded(.down))))
    }

    /// The figure as pixels, at most `maxWidth` × `maxHeight` (640 × 480 by default).
    public static func picture(_ figure: Figure, maxWidth: Int = 640, maxHeight: Int = 480) throws(ImageError) -> Picture {
        let (w, h) = pixelSize(maxWidth: maxWidth, maxHeight: maxHeight)
        return try CairoRaster.picture(width: w, height: h, scale: min(Double(w) / width, Double(h) / height)) { cr throws(ImageError) in
            FigurePainter(cr).draw(figure)
        }
    }
}

/// Draws a whole figure in figure units: the ground, the suptitle, then each axes in its cell
/// of the subplot grid.
struct FigurePainter {
    let pen: Pen

    init(_ cr: OpaquePointer) { pen = Pen(cr) }

    func draw(_ figure: Figure) {
        pen.fill(Rect(x: 0, y: 0, width: FigureFile.width, height: FigureFile.height), Style.white)
        var top = 0.0
        if !figure.title.isEmpty {
            pen.font(Style.titleSize)
            pen.text(figure.title, x: FigureFile.width / 2, y: Style.outerPad, h: 0.5, v: 0)
            top = Style.outerPad + pen.lineHeight
        }
        let area = Rect(x: 0, y: top, width: FigureFile.width, height: FigureFile.height - top)
        for (i, axes) in figure.axes.enumerated() {
            let f = FigureLayout.frame(index: i, rows: figure.rows, cols: figure.cols)
            let cell = Rect(x: area.x + f.x * area.width, y: area.y + f.y * area.height,
                            width: f.width * area.width, height: f.height * area.height)
            AxesPainter(pen: pen, axes: axes, cell: cell).draw()
        }
    }
}
