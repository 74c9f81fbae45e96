import MNLPlot

/// matplotlib's default look (its rcParams), in figure units: pixels at 100 dpi, where a
/// point is 100/72 of a unit.
enum Style {
    static let point = 100.0 / 72.0

    /// Font sizes: 10 pt for ticks, labels, legends and annotations, 12 pt for titles.
    static let fontSize = 10 * point, titleSize = 12 * point
    /// Axes frames (spines) and tick marks are 0.8 pt wide; ticks point out 3.5 pt, with
    /// their labels 3.5 pt further.
    static let spineWidth = 0.8 * point, tickLength = 3.5 * point, tickPad = 3.5 * point
    /// The axes title sits 6 pt above the frame, axis labels 4 pt from the tick labels.
    static let titlePad = 6 * point, labelPad = 4 * point
    /// Lines are 1.5 pt wide; scatter markers 6 pt across (matplotlib's s=36 pt²).
    static let lineWidth = 1.5 * point, markerRadius = 3 * point
    /// Room around each axes' cell and around the whole figure (as tight_layout leaves).
    static let cellPad = 6.0, outerPad = 10.0
    /// matplotlib's axes margins: 5% of the data's span on each side of automatic limits.
    static let margin = 0.05

    static let white = RGB(255, 255, 255), black = RGB(0, 0, 0)
    /// The legend's frame: light grey (0.8), on white at 80% opacity.
    static let legendEdge = RGB(204, 204, 204)

    /// matplotlib's dash patterns, in units of the line width (lines.dashed_pattern and
    /// friends, which scale with the width).
    static func dashes(_ style: LineStyle) -> [Double] {
        switch style {
        case .solid: []
        case .dashed: [3.7, 1.6]
        case .dotted: [1, 1.65]
        case .dashDot: [6.4, 1.6, 1, 1.6]
        }
    }
}

/// A rectangle in figure units, y growing downwards as on the page.
struct Rect: Equatable {
    var x, y, width, height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }

    /// The point at fractions (fx across from the left, fy up from the bottom), as the
    /// plotting geometry gives them.
    func point(_ fx: Double, _ fy: Double) -> (Double, Double) { (x + fx * width, maxY - fy * height) }

    func contains(_ p: (Double, Double)) -> Bool { p.0 >= x && p.0 <= maxX && p.1 >= y && p.1 <= maxY }
}
