import CCairo
import MNLPlot

/// The colour scale seaborn puts beside a heatmap: a bar from the smallest value (light) at
/// the bottom to the largest (dark) at the top, with ticks at nice numbers on its right.
struct ColorbarPainter {
    let pen: Pen
    let low: Double
    let high: Double

    /// matplotlib's colorbar: a gap of 5% of the axes' width, then a bar 1/20 as wide as it
    /// is tall.
    static func width(plotHeight: Double) -> Double { max(8, plotHeight / 20) }
    static func gap(cellWidth: Double) -> Double { 0.05 * cellWidth }

    /// The room the bar, its ticks and their labels take right of the cells.
    func room(plotHeight: Double, cellWidth: Double) -> Double {
        pen.font(Style.fontSize)
        let labels = ticks(plotHeight: plotHeight).labels.map { pen.advance($0.withMinusSign) }
        return Self.gap(cellWidth: cellWidth) + Self.width(plotHeight: plotHeight) + Style.tickLength + Style.tickPad + (labels.max() ?? 0)
    }

    func ticks(plotHeight: Double) -> Ticks {
        Ticks.nice(low, high, maxCount: min(10, max(2, Int(plotHeight / 40))))
    }

    func draw(beside plot: Rect, cellWidth: Double) {
        let bar = Rect(x: plot.maxX + Self.gap(cellWidth: cellWidth), y: plot.y, width: Self.width(plotHeight: plot.height), height: plot.height)
        // RGB.blues is a straight line between two colours, so a two-stop gradient is exact.
        let (light, dark) = (RGB.blues(0), RGB.blues(1))
        guard let gradient = cairo_pattern_create_linear(0, bar.maxY, 0, bar.y) else { return }
        defer { cairo_pattern_destroy(gradient) }
        cairo_pattern_add_color_stop_rgb(gradient, 0, Double(light.r) / 255, Double(light.g) / 255, Double(light.b) / 255)
        cairo_pattern_add_color_stop_rgb(gradient, 1, Double(dark.r) / 255, Double(dark.g) / 255, Double(dark.b) / 255)
        cairo_set_source(pen.cr, gradient)
        cairo_rectangle(pen.cr, bar.x, bar.y, bar.width, bar.height)
        cairo_fill(pen.cr)
        guard high > low else { return }
        pen.font(Style.fontSize)
        let t = ticks(plotHeight: plot.height)
        for (value, label) in zip(t.values, t.labels) {
            let y = bar.maxY - (value - low) / (high - low) * bar.height
            pen.line((bar.maxX, y), (bar.maxX + Style.tickLength, y), width: Style.spineWidth, Style.black)
            pen.text(label.withMinusSign, x: bar.maxX + Style.tickLength + Style.tickPad, y: y, h: 0, v: 0.5)
        }
    }
}
