import CCairo
import MNLPlot

/// Lines, points and bars in an axes' plot area (the caller clips to it). Data become
/// fractions through the shared `AxesGeometry`, so the file shows what the text shows.
struct SeriesPainter {
    let pen: Pen
    let geometry: AxesGeometry
    let plot: Rect

    func draw(_ series: Series) {
        switch series {
        case .line(let l): line(l)
        case .scatter(let s): scatter(s)
        case .bars(let b): bars(b)
        case .heatmap: break  // a heatmap fills its axes alone (HeatmapPainter)
        }
    }

    /// The line through the points in order, broken where a value cannot be shown (NaN, or
    /// ≤ 0 on a log axis), dashed as its style says.
    func line(_ l: LineSeries) {
        let cr = pen.cr
        pen.color(l.color.rgb)
        cairo_set_line_width(cr, Style.lineWidth)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        let dashes = Style.dashes(l.style).map { $0 * Style.lineWidth }
        cairo_set_dash(cr, dashes, Int32(dashes.count), 0)
        var previous: (Double, Double)?
        var penAt: (Double, Double)?
        for (x, y) in zip(l.x, l.y) {
            guard let fx = geometry.xFraction(x), let fy = geometry.yFraction(y) else {
                previous = nil
                continue
            }
            // Clipped to a square a little larger than the plot, so that line joins at its edge
            // stay whole (Cairo's own clip trims the rest).
            if let p = previous, let (a, b) = SegmentClip.clip(p, (fx, fy), to: -0.1...1.1) {
                if penAt.map({ $0 != a }) ?? true { cairo_move_to(cr, plot.point(a.0, a.1).0, plot.point(a.0, a.1).1) }
                let end = plot.point(b.0, b.1)
                cairo_line_to(cr, end.0, end.1)
                penAt = b
            } else if previous == nil, l.x.count == 1 {
                marker(fx, fy)  // a single point has no segment to draw
            }
            previous = (fx, fy)
        }
        cairo_stroke(cr)
        cairo_set_dash(cr, [], 0, 0)
    }

    /// A filled circle per point, each in its class's colour when classes are given. The
    /// points of one colour are one path filled once (an SVG of many points stays small).
    func scatter(_ s: ScatterSeries) {
        var byColour: [RGB: [Int]] = [:]
        var order: [RGB] = []
        for i in s.x.indices {
            let colour = s.classes.map { PlotColor.cycle($0[i]).rgb } ?? s.color.rgb
            if byColour[colour] == nil { order.append(colour) }
            byColour[colour, default: []].append(i)
        }
        for colour in order {
            pen.color(colour)
            for i in byColour[colour] ?? [] {
                guard let fx = geometry.xFraction(s.x[i]), let fy = geometry.yFraction(s.y[i]), Self.near(fx), Self.near(fy) else { continue }
                circle(fx, fy)
            }
            cairo_fill(pen.cr)
        }
    }

    func marker(_ fx: Double, _ fy: Double) {
        circle(fx, fy)
        cairo_fill(pen.cr)
    }

    func circle(_ fx: Double, _ fy: Double) {
        let (px, py) = plot.point(fx, fy)
        cairo_new_sub_path(pen.cr)
        cairo_arc(pen.cr, px, py, Style.markerRadius, 0, 2 * Double.pi)
    }

    /// Filled bars from zero (the bottom of a log axis) to their heights.
    func bars(_ b: BarSeries) {
        pen.color(b.color.rgb)
        let base = geometry.yFraction(0) ?? 0
        for i in b.height.indices {
            guard let l = geometry.xFraction(b.left[i]), let r = geometry.xFraction(b.left[i] + b.width[i]),
                  let top = geometry.yFraction(b.height[i]) else { continue }
            let (x0, y0) = plot.point(Self.pinned(l), Self.pinned(max(base, top)))
            let (x1, y1) = plot.point(Self.pinned(r), Self.pinned(min(base, top)))
            cairo_rectangle(pen.cr, x0, y0, x1 - x0, y1 - y0)
        }
        cairo_fill(pen.cr)
    }

    /// Fractions far off the plot are pinned just outside it, so Cairo's fixed-point
    /// coordinates never overflow (the clip hides the rest).
    static func pinned(_ f: Double) -> Double { min(1.1, max(-0.1, f)) }
    static func near(_ f: Double) -> Bool { f >= -0.1 && f <= 1.1 }
}
