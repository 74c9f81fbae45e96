import CCairo
import MNLPlot

/// One axes of lines, points and bars: the series clipped to the plot area, then the frame,
/// the ticks and their labels, the titles and the legend on top (as matplotlib's z-order).
struct AxesPainter {
    let pen: Pen
    let axes: Axes
    let cell: Rect

    func draw() {
        if case .heatmap(let h) = axes.series.first {
            return HeatmapPainter(pen: pen, axes: axes, heatmap: h, cell: cell).draw()
        }
        // The ticks depend on the room and the room on the tick labels: a first guess from
        // the cell, then once more from the plot area it gave.
        let first = PanelLayout.geometry(axes, plot: cell)
        let guess = PanelLayout.plotRect(in: cell, axes: axes, yTickLabels: first?.yTicks.labels ?? [], pen: pen)
        guard let geometry = PanelLayout.geometry(axes, plot: guess) else { return drawFrame(guess) }
        let plot = PanelLayout.plotRect(in: cell, axes: axes, yTickLabels: geometry.yTicks.labels, pen: pen)
        pen.clipped(to: plot) {
            let painter = SeriesPainter(pen: pen, geometry: geometry, plot: plot)
            for series in axes.series { painter.draw(series) }
        }
        drawFrame(plot)
        drawTicks(geometry, plot)
        Decorations.draw(axes, plot: plot, cell: cell, pen: pen)
        LegendPainter(pen: pen, axes: axes, geometry: geometry, plot: plot).draw()
    }

    func drawFrame(_ plot: Rect) {
        pen.color(Style.black)
        cairo_set_line_width(pen.cr, Style.spineWidth)
        cairo_rectangle(pen.cr, plot.x, plot.y, plot.width, plot.height)
        cairo_stroke(pen.cr)
    }

    /// Ticks out of the frame's bottom and left sides with their labels; an x label that
    /// would overlap the one before is left out.
    func drawTicks(_ g: AxesGeometry, _ plot: Rect) {
        pen.font(Style.fontSize)
        var free = -Double.infinity
        for (value, label) in zip(g.xTicks.values, g.xTicks.labels) {
            guard let f = g.xFraction(value), f >= -1e-9, f <= 1 + 1e-9 else { continue }
            let x = plot.x + f * plot.width
            pen.line((x, plot.maxY), (x, plot.maxY + Style.tickLength), width: Style.spineWidth, Style.black)
            let text = label.withMinusSign, half = pen.advance(text) / 2
            guard x - half >= free else { continue }
            pen.text(text, x: x, y: plot.maxY + Style.tickLength + Style.tickPad, h: 0.5, v: 0)
            free = x + half + 4
        }
        for (value, label) in zip(g.yTicks.values, g.yTicks.labels) {
            guard let f = g.yFraction(value), f >= -1e-9, f <= 1 + 1e-9 else { continue }
            let y = plot.maxY - f * plot.height
            pen.line((plot.x - Style.tickLength, y), (plot.x, y), width: Style.spineWidth, Style.black)
            pen.text(label.withMinusSign, x: plot.x - Style.tickLength - Style.tickPad, y: y, h: 1, v: 0.5)
        }
    }
}

/// The axes title above the plot, the x label under the tick labels, the y label turned to
/// read upwards at the cell's left edge.
enum Decorations {
    static func draw(_ axes: Axes, plot: Rect, cell: Rect, pen: Pen) {
        if !axes.title.isEmpty {
            pen.font(Style.titleSize)
            pen.text(axes.title, x: plot.x + plot.width / 2, y: plot.y - Style.titlePad, h: 0.5, v: 1)
        }
        pen.font(Style.fontSize)
        if !axes.xlabel.isEmpty {
            let y = plot.maxY + Style.tickLength + Style.tickPad + pen.lineHeight + Style.labelPad
            pen.text(axes.xlabel, x: plot.x + plot.width / 2, y: y, h: 0.5, v: 0)
        }
        if !axes.ylabel.isEmpty {
            pen.text(axes.ylabel, x: cell.x + Style.cellPad, y: plot.y + plot.height / 2, h: 0.5, v: 0, angle: -Double.pi / 2)
        }
    }
}
