import Foundation
import MNLPlot

/// Where an axes' plot area goes inside its cell of the figure, leaving room for what is
/// around it (as matplotlib's tight_layout does): tick labels and the y label on the left,
/// tick labels and the x label below, the title above.
enum PanelLayout {
    /// `rightRoom` is kept free right of the plot (a heatmap's colour bar).
    static func plotRect(in cell: Rect, axes: Axes, yTickLabels: [String], rightRoom: Double = 0, pen: Pen) -> Rect {
        pen.font(Style.fontSize)
        let line = pen.lineHeight
        let labelWidth = yTickLabels.map { pen.advance($0.withMinusSign) }.max() ?? 0
        var left = Style.cellPad + Style.tickLength + Style.tickPad + labelWidth
        if !axes.ylabel.isEmpty { left += Style.labelPad + line }
        var bottom = Style.cellPad + Style.tickLength + Style.tickPad + line
        if !axes.xlabel.isEmpty { bottom += Style.labelPad + line }
        // Without a title, half a line leaves room for the top y tick label.
        var top = Style.cellPad + line / 2
        if !axes.title.isEmpty {
            pen.font(Style.titleSize)
            top = Style.cellPad + pen.lineHeight + Style.titlePad
            pen.font(Style.fontSize)
        }
        // The last x tick label reaches past the frame by about half its width.
        let right = Style.cellPad + max(2 * line, rightRoom)
        return Rect(x: cell.x + left, y: cell.y + top,
                    width: max(10, cell.width - left - right), height: max(10, cell.height - top - bottom))
    }

    /// The geometry of a cartesian axes drawn in `plot`: as many ticks as fit (a label
    /// needs about 45 units across and 40 up) but at least two on each axis where a nice
    /// step allows, automatic limits widened by matplotlib's 5% margins (bars keep their
    /// base at zero), and an empty axes shown from 0 to 1.
    static func geometry(_ axes: Axes, plot: Rect) -> AxesGeometry? {
        var maxX = min(10, max(3, Int(plot.width / 45))), maxY = min(10, max(3, Int(plot.height / 40)))
        var g = paddedGeometry(axes, plot: plot, maxX: maxX, maxY: maxY)
        // A 1-2-5 step can leave a single tick in a narrow range; allow a finer step then.
        while let current = g, current.xTicks.values.count < 2 || current.yTicks.values.count < 2, max(maxX, maxY) < 14 {
            if current.xTicks.values.count < 2 { maxX += 1 }
            if current.yTicks.values.count < 2 { maxY += 1 }
            g = paddedGeometry(axes, plot: plot, maxX: maxX, maxY: maxY)
        }
        return g
    }

    static func paddedGeometry(_ axes: Axes, plot: Rect, maxX: Int, maxY: Int) -> AxesGeometry? {
        let categories = max(1, Int(plot.width / 20))
        var padded = axes
        guard let data = AxesGeometry(axes, maxXTicks: maxX, maxYTicks: maxY, maxCategories: categories) else {
            if padded.xlim == nil { padded.xlim = 0...1 }
            if padded.ylim == nil { padded.ylim = 0...1 }
            return AxesGeometry(padded, maxXTicks: maxX, maxYTicks: maxY, maxCategories: categories)
        }
        let hasBars = axes.series.contains { if case .bars = $0 { true } else { false } }
        if padded.xlim == nil { padded.xlim = widened(data.xRange, data.xscale, stickyZero: false) }
        if padded.ylim == nil { padded.ylim = widened(data.yRange, data.yscale, stickyZero: hasBars) }
        return AxesGeometry(padded, maxXTicks: maxX, maxYTicks: maxY, maxCategories: categories) ?? data
    }

    /// `range` (in scale space) widened by the margin on each side, back in data values; an
    /// end at zero stays there when `stickyZero` (bars grow from it).
    static func widened(_ range: ClosedRange<Double>, _ scale: Scale, stickyZero: Bool) -> ClosedRange<Double>? {
        let span = range.upperBound - range.lowerBound
        var low = range.lowerBound - Style.margin * span, high = range.upperBound + Style.margin * span
        if stickyZero && scale == .linear {
            if range.lowerBound == 0 { low = 0 }
            if range.upperBound == 0 { high = 0 }
        }
        if scale == .log { (low, high) = (pow(10, low), pow(10, high)) }
        guard low.isFinite, high.isFinite, low < high else { return nil }
        return low...high
    }
}
