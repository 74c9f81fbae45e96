import Foundation

/// A matrix as a grid of cells coloured from light to dark by value (a confusion matrix),
/// each cell showing its value when annotated; row labels on the left, column labels below.
/// Without colour, shades (░▒▓█) stand in for the colours unless the values are written.
enum HeatmapText {
    static let shades: [Character] = [" ", "░", "▒", "▓", "█"]

    static func draw(_ h: Heatmap, into grid: inout TextGrid, x: Int, y: Int, width: Int, height: Int) {
        let rowLabels = h.yticklabels ?? (0..<h.rowCount).map(String.init)
        let columnLabels = h.xticklabels ?? (0..<h.columnCount).map(String.init)
        let texts = h.values.map { $0.map(annotation) }
        let labelWidth = rowLabels.map(\.count).max() ?? 0
        let widest = max(h.annotate ? texts.joined().map(\.count).max() ?? 1 : 1, columnLabels.map(\.count).max() ?? 1)
        let available = max(1, width - labelWidth - 1)
        let cellWidth = max(1, min(widest + 2, available / h.columnCount))
        let (low, high) = range(h.values)
        let left = x + labelWidth + 1
        for (r, row) in h.values.enumerated() where r < height - 1 {
            grid.put(String(repeating: " ", count: labelWidth - rowLabels[r].count) + rowLabels[r], x: x, y: y + r)
            for (c, value) in row.enumerated() {
                let t = high > low ? (value - low) / (high - low) : 0.5
                let fill = RGB.blues(t)
                let text = h.annotate ? texts[r][c] : ""
                let shade = shades[Int((min(1, max(0, t.isNaN ? 0 : t)) * 4).rounded())]
                let cell = text.isEmpty ? String(repeating: shade, count: cellWidth) : text
                let ink = fill.luminance > 0.5 ? RGB(0, 0, 0) : RGB(255, 255, 255)
                grid.center(String(repeating: " ", count: cellWidth), x: left + c * cellWidth, width: cellWidth, y: y + r,
                            background: fill)
                grid.center(cell, x: left + c * cellWidth, width: cellWidth, y: y + r, foreground: ink, background: fill)
            }
        }
        let labelRow = y + min(h.rowCount, height - 1)
        for (c, label) in columnLabels.enumerated() {
            grid.center(String(label.prefix(cellWidth)), x: left + c * cellWidth, width: cellWidth, y: labelRow)
        }
    }

    /// The smallest and largest finite values.
    static func range(_ values: [[Double]]) -> (Double, Double) {
        let finite = values.joined().filter(\.isFinite)
        return (finite.min() ?? 0, finite.max() ?? 0)
    }

    /// A cell's value as seaborn writes it: counts as integers, others to 3 significant digits.
    static func annotation(_ v: Double) -> String {
        if v.isFinite, v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return String(format: "%.3g", v)
    }
}
