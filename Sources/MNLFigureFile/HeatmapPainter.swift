import CCairo
import Foundation
import MNLPlot

/// A matrix as coloured cells, row 0 at the top, as seaborn's `heatmap` draws a confusion
/// matrix: light to dark blue from the smallest value to the largest (the colours of the
/// text rendering), each value written in its cell in black or white, whichever reads on
/// it, the row and column labels at the cells' centres, and the colour bar on the right.
struct HeatmapPainter {
    let pen: Pen
    let axes: Axes
    let heatmap: Heatmap
    let cell: Rect

    func draw() {
        let rowLabels = heatmap.yticklabels ?? (0..<heatmap.rowCount).map(String.init)
        let columnLabels = heatmap.xticklabels ?? (0..<heatmap.columnCount).map(String.init)
        let (low, high) = Self.range(heatmap.values)
        let colorbar = ColorbarPainter(pen: pen, low: low, high: high)
        let guess = PanelLayout.plotRect(in: cell, axes: axes, yTickLabels: rowLabels, pen: pen)
        let plot = PanelLayout.plotRect(in: cell, axes: axes, yTickLabels: rowLabels,
                                        rightRoom: colorbar.room(plotHeight: guess.height, cellWidth: cell.width), pen: pen)
        let (w, h) = (plot.width / Double(heatmap.columnCount), plot.height / Double(heatmap.rowCount))
        pen.font(Style.fontSize)
        for (r, row) in heatmap.values.enumerated() {
            for (c, value) in row.enumerated() {
                let box = Rect(x: plot.x + Double(c) * w, y: plot.y + Double(r) * h, width: w, height: h)
                // NaN is left blank, as seaborn masks it.
                guard value.isFinite || value.isInfinite else { continue }
                let fill = Self.colour(value, low: low, high: high)
                // Without anti-aliasing, cells side by side share their edge pixels exactly
                // (no pale seam between two dark cells).
                cairo_set_antialias(pen.cr, CAIRO_ANTIALIAS_NONE)
                pen.fill(box, fill)
                cairo_set_antialias(pen.cr, CAIRO_ANTIALIAS_DEFAULT)
                // Counts in cells shorter than half a line would only overlap; they are left out.
                if heatmap.annotate && h >= pen.lineHeight / 2 {
                    let ink = fill.luminance > 0.5 ? Style.black : Style.white
                    pen.text(Self.annotation(value), x: box.x + w / 2, y: box.y + h / 2, h: 0.5, v: 0.5, color: ink)
                }
            }
        }
        drawLabels(columnLabels, rowLabels, plot: plot, cellWidth: w, cellHeight: h)
        colorbar.draw(beside: plot, cellWidth: cell.width)
        Decorations.draw(axes, plot: plot, cell: cell, pen: pen)
    }

    /// Ticks at the cells' centres with their labels; column labels too wide for their cells
    /// show every k-th.
    func drawLabels(_ columns: [String], _ rows: [String], plot: Rect, cellWidth w: Double, cellHeight h: Double) {
        pen.font(Style.fontSize)
        let widest = columns.map { pen.advance($0) }.max() ?? 0
        let every = max(1, Int((widest + 4) / max(1, w)) + ((widest + 4).truncatingRemainder(dividingBy: max(1, w)) > 0 ? 1 : 0))
        for (c, label) in columns.enumerated() {
            let x = plot.x + (Double(c) + 0.5) * w
            pen.line((x, plot.maxY), (x, plot.maxY + Style.tickLength), width: Style.spineWidth, Style.black)
            if c % every == 0 { pen.text(label, x: x, y: plot.maxY + Style.tickLength + Style.tickPad, h: 0.5, v: 0) }
        }
        let everyRow = max(1, Int((pen.lineHeight / max(1, h)).rounded(.up)))
        for (r, label) in rows.enumerated() {
            let y = plot.y + (Double(r) + 0.5) * h
            pen.line((plot.x - Style.tickLength, y), (plot.x, y), width: Style.spineWidth, Style.black)
            if r % everyRow == 0 { pen.text(label, x: plot.x - Style.tickLength - Style.tickPad, y: y, h: 1, v: 0.5) }
        }
    }

    /// The colour of `value` between the matrix's smallest and largest finite values (all
    /// one value: the middle of the map).
    static func colour(_ value: Double, low: Double, high: Double) -> RGB {
        RGB.blues(high > low ? (value - low) / (high - low) : 0.5)
    }

    /// The smallest and largest finite values.
    static func range(_ values: [[Double]]) -> (Double, Double) {
        let finite = values.joined().filter(\.isFinite)
        return (finite.min() ?? 0, finite.max() ?? 0)
    }

    /// A cell's value as seaborn writes it: counts as integers, others to 3 significant digits.
    static func annotation(_ v: Double) -> String {
        if v.isFinite, v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return String(format: "%.3g", v).withMinusSign
    }
}
