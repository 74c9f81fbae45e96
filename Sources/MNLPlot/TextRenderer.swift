/// Draws a figure as text: braille dots for lines and scatter, block characters for bars,
/// coloured cells for heatmaps, with axes, ticks, labels and legends. A pure function of
/// the figure, the size in characters and the colour mode.
public enum TextRenderer {
    public static let widthRange = 20...1000
    public static let heightRange = 3...500
    /// Blank columns between axes side by side.
    static let gutter = 2

    /// The figure's rows of text, exactly `height` rows of at most `width` visible columns.
    public static func render(_ figure: Figure, width: Int, height: Int, color: ColorMode) throws(PlotError) -> [String] {
        guard widthRange.contains(width), heightRange.contains(height) else { throw .badSize(width: width, height: height) }
        var grid = TextGrid(width: width, height: height)
        var top = 0
        if !figure.title.isEmpty {
            grid.center(figure.title, x: 0, width: width, y: 0)
            top = 1
        }
        let rowHeights = split(height - top, into: figure.rows, gap: 0)
        let colWidths = split(width, into: figure.cols, gap: gutter)
        for (i, axes) in figure.axes.enumerated() {
            let r = i / figure.cols, c = i % figure.cols
            let x = colWidths.prefix(c).reduce(0, +) + c * gutter
            let y = top + rowHeights.prefix(r).reduce(0, +)
            grid.paste(panel(axes, width: colWidths[c], height: rowHeights[r]), x: x, y: y)
        }
        return grid.lines(color)
    }

    /// `total` cells shared among `parts` with `gap` between them, the remainder going to the first.
    static func split(_ total: Int, into parts: Int, gap: Int) -> [Int] {
        let usable = max(0, total - gap * (parts - 1))
        return (0..<parts).map { usable / parts + ($0 < usable % parts ? 1 : 0) }
    }

    /// One axes drawn in a `width` × `height` box.
    static func panel(_ axes: Axes, width: Int, height: Int) -> TextGrid {
        var grid = TextGrid(width: width, height: height)
        var frame = PanelFrame(axes: axes, width: width, height: height)
        frame.drawDecorations(into: &grid)
        if case .heatmap(let h) = axes.series.first {
            HeatmapText.draw(h, into: &grid, x: 0, y: frame.plotTop, width: width, height: frame.plotHeight + 2)
        } else {
            CartesianText.draw(axes, into: &grid, frame: &frame)
        }
        return grid
    }
}

/// The rows an axes' decorations take around its plot area: title and y label above,
/// x axis, tick labels, x label and legend below.
struct PanelFrame {
    let axes: Axes
    let width: Int
    let height: Int
    let plotTop: Int
    let plotHeight: Int

    init(axes: Axes, width: Int, height: Int) {
        self.axes = axes
        self.width = width
        self.height = height
        plotTop = (axes.title.isEmpty ? 0 : 1) + (axes.ylabel.isEmpty ? 0 : 1)
        plotHeight = max(1, height - plotTop - Self.rowsBelow(axes))
    }

    /// The rows under the plot area: the x axis, its labels, the x label and the legend.
    static func rowsBelow(_ axes: Axes) -> Int { 2 + (axes.xlabel.isEmpty ? 0 : 1) + (legendEntries(axes).isEmpty ? 0 : 1) }

    /// Every row but the plot area's.
    var chromeHeight: Int { plotTop + Self.rowsBelow(axes) }

    /// Title, y label, x label and legend (the axis itself is the renderer's).
    mutating func drawDecorations(into grid: inout TextGrid) {
        var y = 0
        if !axes.title.isEmpty {
            grid.center(axes.title, x: 0, width: width, y: y)
            y += 1
        }
        if !axes.ylabel.isEmpty { grid.put(axes.ylabel, x: 0, y: y) }
        var below = plotTop + plotHeight + 2
        if !axes.xlabel.isEmpty {
            grid.center(axes.xlabel, x: 0, width: width, y: below)
            below += 1
        }
        drawLegend(into: &grid, y: below)
    }

    /// `─ train  ─ validation`, each marker in its series' colour.
    func drawLegend(into grid: inout TextGrid, y: Int) {
        var x = 0
        for (marker, label, color) in legendEntries(axes) {
            grid.put(String(marker), x: x, y: y, foreground: color)
            grid.put(label, x: x + 2, y: y)
            x += label.count + 4
        }
    }
}

/// The legend's entries: a marker for the series' kind, its label and colour.
func legendEntries(_ axes: Axes) -> [(Character, String, RGB?)] {
    guard axes.legend else { return [] }
    return axes.series.compactMap { s in
        guard let label = s.label else { return nil }
        let marker: Character = switch s {
        case .line: "─"
        case .scatter: "•"
        case .bars, .heatmap: "█"
        }
        return (marker, label, s.color?.rgb)
    }
}

extension TextRenderer {
    /// A height that suits the figure at `width`: a heatmap as tall as its rows need, other
    /// axes about a third as tall as wide (characters are twice as tall as wide), within
    /// 8...20 rows each.
    public static func suggestedHeight(_ figure: Figure, width: Int) -> Int {
        let curve = max(8, min(20, width / figure.cols / 3 + 4))
        var total = figure.title.isEmpty ? 0 : 1
        for r in 0..<figure.rows {
            let row = figure.axes[(r * figure.cols)..<((r + 1) * figure.cols)]
            total += row.map { axes in
                let chrome = PanelFrame(axes: axes, width: width, height: 0).chromeHeight
                // A heatmap's column labels take the x axis's two rows alone.
                if case .heatmap(let h) = axes.series.first { return h.rowCount + chrome - 1 }
                return curve
            }.max() ?? curve
        }
        return min(heightRange.upperBound, max(heightRange.lowerBound, total))
    }
}
