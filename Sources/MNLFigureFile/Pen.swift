import CCairo
import MNLPlot

/// The few drawing operations the painters use, on one Cairo context: filled rectangles,
/// stroked paths, and text placed by an anchor (Cairo's toy text API with DejaVu Sans, which
/// fontconfig finds wherever Cairo is installed).
struct Pen {
    let cr: OpaquePointer

    init(_ cr: OpaquePointer) {
        self.cr = cr
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        font(Style.fontSize)
    }

    func color(_ c: RGB, alpha: Double = 1) {
        cairo_set_source_rgba(cr, Double(c.r) / 255, Double(c.g) / 255, Double(c.b) / 255, alpha)
    }

    func fill(_ r: Rect, _ c: RGB, alpha: Double = 1) {
        color(c, alpha: alpha)
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_fill(cr)
    }

    /// A straight line.
    func line(_ a: (Double, Double), _ b: (Double, Double), width: Double, _ c: RGB) {
        color(c)
        cairo_set_line_width(cr, width)
        cairo_move_to(cr, a.0, a.1)
        cairo_line_to(cr, b.0, b.1)
        cairo_stroke(cr)
    }

    /// Runs `body` with drawing limited to `r` (restored after).
    func clipped(to r: Rect, _ body: () -> Void) {
        cairo_save(cr)
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_clip(cr)
        body()
        cairo_restore(cr)
    }

    // MARK: Text

    func font(_ size: Double) { cairo_set_font_size(cr, size) }

    /// The current font's ascent and descent.
    var extents: cairo_font_extents_t {
        var e = cairo_font_extents_t()
        cairo_font_extents(cr, &e)
        return e
    }

    /// The height of a line of text (ascent plus descent).
    var lineHeight: Double { extents.ascent + extents.descent }

    /// How far `text` advances in the current font.
    func advance(_ text: String) -> Double {
        var e = cairo_text_extents_t()
        cairo_text_extents(cr, text, &e)
        return e.x_advance
    }

    /// Draws `text` so that the point (h, v) of its box lies at (x, y): h is 0 at the left
    /// edge, 0.5 at the centre, 1 at the right; v is 0 at the top (ascent), 1 at the bottom
    /// (descent). `angle` turns it about (x, y), in radians (−π/2 reads upwards).
    func text(_ text: String, x: Double, y: Double, h: Double, v: Double, color c: RGB = Style.black, angle: Double = 0) {
        let e = extents
        cairo_save(cr)
        cairo_translate(cr, x, y)
        cairo_rotate(cr, angle)
        color(c)
        cairo_move_to(cr, -h * advance(text), e.ascent - v * (e.ascent + e.descent))
        cairo_show_text(cr, text)
        cairo_restore(cr)
    }
}

extension String {
    /// A tick label as matplotlib prints it: negative numbers with a true minus sign.
    var withMinusSign: String { hasPrefix("-") ? "\u{2212}" + dropFirst() : self }
}
