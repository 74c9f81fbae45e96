/// Bars (bar charts and histograms) as block characters, eighths of a cell high at the top.
enum BarText {
    static let lowerBlocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func draw(_ b: BarSeries, _ g: AxesGeometry, into grid: inout TextGrid, area: PlotArea) {
        let color = b.color.rgb
        // Bars grow from zero; on a log axis (no zero) from the bottom of the plot.
        let base = g.yFraction(0) ?? 0
        for i in b.height.indices {
            guard let l = g.xFraction(b.left[i]), let r = g.xFraction(b.left[i] + b.width[i]),
                  let top = g.yFraction(b.height[i]) else { continue }
            let columns = columnRange(l, r, area)
            let (low, high) = (eighths(min(base, top), area), eighths(max(base, top), area))
            for column in columns {
                for row in 0..<area.height {
                    guard let glyph = glyph(row: row, low: low, high: high) else { continue }
                    grid.put(String(glyph), x: column, y: area.y + area.height - 1 - row, foreground: color)
                }
            }
        }
    }

    /// The cell columns a bar from fraction `l` to `r` covers: at least one, inside the plot.
    static func columnRange(_ l: Double, _ r: Double, _ area: PlotArea) -> ClosedRange<Int> {
        let clamp = { (f: Double) in min(Double(area.width), max(0, f * Double(area.width))) }
        let first = Int(clamp(l).rounded()), last = Int(clamp(r).rounded()) - 1
        let lo = min(first, area.width - 1)
        return (area.x + lo)...(area.x + max(lo, min(last, area.width - 1)))
    }

    /// A height fraction in eighths of a cell from the plot's bottom, clamped to the plot.
    static func eighths(_ f: Double, _ area: PlotArea) -> Int {
        Int((min(1, max(0, f)) * Double(area.height * 8)).rounded())
    }

    /// The character for cell `row` (from the bottom) of a bar spanning `low..<high` eighths.
    static func glyph(row: Int, low: Int, high: Int) -> Character? {
        let bottom = row * 8
        let covered = min(high, bottom + 8) - max(low, bottom)
        guard covered > 0 else { return nil }
        if covered >= 8 { return "█" }
        // A partial cell at the top of a bar fills from below; at the bottom of a bar that
        // hangs below zero it fills from above, where only halves and eighths exist.
        if low <= bottom { return lowerBlocks[covered - 1] }
        return covered >= 4 ? "▀" : "▔"
    }
}
