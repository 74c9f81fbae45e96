/// Lines, scatter and bars on x/y axes, drawn as text: the y tick labels and axis on the
/// left, the x axis and its labels below, the data in between.
enum CartesianText {
    static func draw(_ axes: Axes, into grid: inout TextGrid, frame: inout PanelFrame) {
        let top = frame.plotTop, rows = frame.plotHeight
        let maxYTicks = max(2, min(rows / 2 + 1, 10))
        // A first guess of the plot's width picks the x ticks; the y labels' width is known after.
        guard let geometry = AxesGeometry(axes, maxXTicks: max(2, (frame.width - 8) / 7), maxYTicks: maxYTicks,
                                          maxCategories: max(1, frame.width / 2)) else {
            grid.center("(no data)", x: 0, width: frame.width, y: top + rows / 2)
            return
        }
        let labelWidth = geometry.yTicks.labels.map(\.count).max() ?? 0
        let axisX = labelWidth + 1
        let area = PlotArea(x: axisX + 1, y: top, width: max(1, frame.width - axisX - 1), height: rows)
        drawYAxis(geometry, into: &grid, area: area, labelWidth: labelWidth)
        drawXAxis(geometry, into: &grid, area: area)
        for (i, series) in axes.series.enumerated() {
            switch series {
            case .bars(let b): BarText.draw(b, geometry, into: &grid, area: area)
            case .line(let l): drawLine(l, geometry, into: &grid, area: area)
            case .scatter(let s): drawScatter(s, geometry, into: &grid, area: area)
            case .heatmap: _ = i
            }
        }
    }

    static func drawYAxis(_ g: AxesGeometry, into grid: inout TextGrid, area: PlotArea, labelWidth: Int) {
        for y in area.y..<(area.y + area.height) { grid.put("│", x: area.x - 1, y: y) }
        for (value, label) in zip(g.yTicks.values, g.yTicks.labels) {
            guard let f = g.yFraction(value), let row = area.row(f) else { continue }
            grid.put(String(repeating: " ", count: labelWidth - label.count) + label, x: 0, y: row)
            grid.put("┤", x: area.x - 1, y: row)
        }
    }

    /// The axis line with a `┬` under each tick, and the labels under it, skipping any that
    /// would touch the one before.
    static func drawXAxis(_ g: AxesGeometry, into grid: inout TextGrid, area: PlotArea) {
        let y = area.y + area.height
        grid.put("└" + String(repeating: "─", count: area.width), x: area.x - 1, y: y)
        var free = 0
        for (value, label) in zip(g.xTicks.values, g.xTicks.labels) {
            guard let f = g.xFraction(value), let column = area.column(f) else { continue }
            grid.put("┬", x: column, y: y)
            let start = max(area.x - 1, min(column - label.count / 2, area.x + area.width - label.count))
            guard start >= free else { continue }
            grid.put(label, x: start, y: y + 1)
            free = start + label.count + 1
        }
    }

    static func drawLine(_ l: LineSeries, _ g: AxesGeometry, into grid: inout TextGrid, area: PlotArea) {
        let color = l.color.rgb
        // Styles as runs of raised and skipped dots along the line, counted across segments.
        let pattern = l.style.dotPattern
        var step = 0
        func dot(_ px: Int, _ py: Int) {
            if pattern[step % pattern.count] { grid.dot(px: px, py: py, color: color) }
            step += 1
        }
        var previous: (Double, Double)?
        for (x, y) in zip(l.x, l.y) {
            guard let fx = g.xFraction(x), let fy = g.yFraction(y) else {
                previous = nil  // a gap, as matplotlib leaves at NaN
                continue
            }
            if let p = previous {
                area.segment(from: p, to: (fx, fy), dot)
            } else if let (px, py) = area.pixel(fx, fy) {
                dot(px, py)
            }
            previous = (fx, fy)
        }
    }

    static func drawScatter(_ s: ScatterSeries, _ g: AxesGeometry, into grid: inout TextGrid, area: PlotArea) {
        for (i, (x, y)) in zip(s.x, s.y).enumerated() {
            guard let fx = g.xFraction(x), let fy = g.yFraction(y), let (px, py) = area.pixel(fx, fy) else { continue }
            let color = s.classes.map { PlotColor.cycle($0[i]).rgb } ?? s.color.rgb
            grid.dot(px: px, py: py, color: color)
        }
    }
}

/// The plot's rectangle in cells, and the mapping from fractions to cells and braille dots
/// (2 × 4 per cell). Fractions outside 0...1 are off the plot and not drawn.
struct PlotArea {
    let x, y, width, height: Int

    var dotsWide: Int { width * 2 }
    var dotsHigh: Int { height * 4 }

    /// The cell column of fraction `f` across, or nil when off the plot.
    func column(_ f: Double) -> Int? {
        guard f >= 0, f <= 1 else { return nil }
        return x + Int((f * Double(width - 1)).rounded())
    }

    /// The cell row of fraction `f` up, or nil when off the plot.
    func row(_ f: Double) -> Int? {
        guard f >= 0, f <= 1 else { return nil }
        return y + Int(((1 - f) * Double(height - 1)).rounded())
    }

    /// The braille dot of a point, in the grid's dot coordinates; nil when off the plot.
    func pixel(_ fx: Double, _ fy: Double) -> (Int, Int)? {
        guard fx >= 0, fx <= 1, fy >= 0, fy <= 1 else { return nil }
        return (x * 2 + Int((fx * Double(dotsWide - 1)).rounded()), y * 4 + Int(((1 - fy) * Double(dotsHigh - 1)).rounded()))
    }

    /// Every dot of the segment between two points, clipped to the plot first so that a point
    /// far outside costs nothing (Liang–Barsky), then stepped along its longer side.
    func segment(from a: (Double, Double), to b: (Double, Double), _ plot: (Int, Int) -> Void) {
        guard let (p, q) = SegmentClip.clip(a, b), let (x0, y0) = pixel(p.0, p.1), let (x1, y1) = pixel(q.0, q.1) else { return }
        let steps = max(abs(x1 - x0), abs(y1 - y0))
        for i in 0...steps {
            let t = steps == 0 ? 0 : Double(i) / Double(steps)
            plot(x0 + Int((Double(x1 - x0) * t).rounded()), y0 + Int((Double(y1 - y0) * t).rounded()))
        }
    }
}

extension LineStyle {
    /// Which dots of a run are raised: "--" is 4 on, 3 off; ":" 1 on, 2 off.
    var dotPattern: [Bool] {
        switch self {
        case .solid: [true]
        case .dashed: [true, true, true, true, false, false, false]
        case .dotted: [true, false, false]
        case .dashDot: [true, true, true, true, false, false, true, false, false]
        }
    }
}
