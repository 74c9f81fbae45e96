import CCairo
import MNLPlot

/// matplotlib's legend: a box of entries (a line, a dot or a patch in the series' colour,
/// then its label), in the corner of the plot that covers the fewest data points (its
/// `loc="best"`), on white at 80% opacity with a light grey frame.
struct LegendPainter {
    let pen: Pen
    let axes: Axes
    let geometry: AxesGeometry
    let plot: Rect

    /// Spacings in font sizes, as matplotlib's legend rcParams.
    static let borderPad = 0.4, labelSpacing = 0.5, handleLength = 2.0, handleTextPad = 0.8, borderAxesPad = 0.5

    var entries: [Series] { axes.legend ? axes.series.filter { $0.label != nil } : [] }

    func draw() {
        let entries = entries
        guard !entries.isEmpty else { return }
        pen.font(Style.fontSize)
        let em = Style.fontSize, line = pen.lineHeight
        let labelWidth = entries.map { pen.advance($0.label ?? "") }.max() ?? 0
        let width = 2 * Self.borderPad * em + (Self.handleLength + Self.handleTextPad) * em + labelWidth
        let height = 2 * Self.borderPad * em + Double(entries.count) * line + Double(entries.count - 1) * Self.labelSpacing * em
        let box = bestCorner(width: width, height: height)
        pen.fill(box, Style.white, alpha: 0.8)
        pen.color(Style.legendEdge)
        cairo_set_line_width(pen.cr, Style.spineWidth)
        cairo_rectangle(pen.cr, box.x, box.y, box.width, box.height)
        cairo_stroke(pen.cr)
        var y = box.y + Self.borderPad * em
        for series in entries {
            let handle = Rect(x: box.x + Self.borderPad * em, y: y, width: Self.handleLength * em, height: line)
            drawHandle(series, in: handle)
            pen.text(series.label ?? "", x: handle.maxX + Self.handleTextPad * em, y: y + line / 2, h: 0, v: 0.5)
            y += line + Self.labelSpacing * em
        }
    }

    func drawHandle(_ series: Series, in r: Rect) {
        let midY = r.y + r.height / 2
        switch series {
        case .line(let l):
            let dashes = Style.dashes(l.style).map { $0 * Style.lineWidth }
            cairo_set_dash(pen.cr, dashes, Int32(dashes.count), 0)
            pen.line((r.x, midY), (r.maxX, midY), width: Style.lineWidth, l.color.rgb)
            cairo_set_dash(pen.cr, [], 0, 0)
        case .scatter(let s):
            pen.color(s.classes == nil ? s.color.rgb : PlotColor.cycle(0).rgb)
            cairo_new_sub_path(pen.cr)
            cairo_arc(pen.cr, r.x + r.width / 2, midY, Style.markerRadius, 0, 2 * Double.pi)
            cairo_fill(pen.cr)
        case .bars(let b):
            pen.fill(Rect(x: r.x, y: midY - 0.35 * Style.fontSize, width: r.width, height: 0.7 * Style.fontSize), b.color.rgb)
        case .heatmap:
            break
        }
    }

    /// Of the four corners (upper right first, as matplotlib tries them), the one whose box
    /// covers the fewest points of the data (sampled along lines).
    func bestCorner(width: Double, height: Double) -> Rect {
        let pad = Self.borderAxesPad * Style.fontSize
        let (left, right) = (plot.x + pad, plot.maxX - pad - width)
        let (top, bottom) = (plot.y + pad, plot.maxY - pad - height)
        let corners = [(right, top), (left, top), (left, bottom), (right, bottom)].map { Rect(x: $0.0, y: $0.1, width: width, height: height) }
        let points = samples()
        var best = corners[0], fewest = Int.max
        for corner in corners {
            let covered = points.filter { corner.contains($0) }.count
            if covered < fewest { (best, fewest) = (corner, covered) }
        }
        return best
    }

    /// Points of the data in figure units: line vertices and points between them, scatter
    /// points, the tops of bars.
    func samples() -> [(Double, Double)] {
        var out: [(Double, Double)] = []
        func add(_ x: Double, _ y: Double) {
            if let fx = geometry.xFraction(x), let fy = geometry.yFraction(y), fx.isFinite, fy.isFinite { out.append(plot.point(fx, fy)) }
        }
        for series in axes.series {
            switch series {
            case .line(let l):
                for i in l.x.indices {
                    add(l.x[i], l.y[i])
                    guard i + 1 < l.x.count, l.x.count < 2000 else { continue }
                    for k in 1..<8 {
                        let t = Double(k) / 8
                        add(l.x[i] + t * (l.x[i + 1] - l.x[i]), l.y[i] + t * (l.y[i + 1] - l.y[i]))
                    }
                }
            case .scatter(let s): for (x, y) in zip(s.x, s.y) { add(x, y) }
            case .bars(let b): for i in b.height.indices { add(b.left[i] + b.width[i] / 2, b.height[i]) }
            case .heatmap: break
            }
        }
        return out
    }
}
