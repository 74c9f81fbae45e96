/// A figure as data: a grid of axes, each holding its series and decorations. It knows
/// nothing of tensors, the language or terminals; renderers (text here, Cairo elsewhere)
/// draw it through `AxesGeometry`, which does the data-to-axes arithmetic once for all.
public struct Figure: Equatable, Sendable {
    public let rows: Int
    public let cols: Int
    /// Row-major: the axes at (row, col) is `axes[row * cols + col]`.
    public var axes: [Axes]
    /// A title over the whole figure (matplotlib's `suptitle`).
    public var title: String = ""

    /// The largest grid `subplots` accepts; more would leave no room for a curve in a terminal.
    public static let maxGrid = 10

    /// A figure of `rows` × `cols` empty axes.
    public init(rows: Int = 1, cols: Int = 1) throws(PlotError) {
        guard (1...Self.maxGrid).contains(rows), (1...Self.maxGrid).contains(cols) else {
            throw .badGrid(rows: rows, cols: cols)
        }
        self.rows = rows
        self.cols = cols
        axes = Array(repeating: Axes(), count: rows * cols)
    }
}

/// One plot area: its series in drawing order, titles, limits and scales.
public struct Axes: Equatable, Sendable {
    public var series: [Series] = []
    public var title = ""
    public var xlabel = ""
    public var ylabel = ""
    /// Fixed limits; nil takes the data's range.
    public var xlim: ClosedRange<Double>?
    public var ylim: ClosedRange<Double>?
    public var xscale: Scale = .linear
    public var yscale: Scale = .linear
    /// Shows a legend of the labelled series (matplotlib's `legend()`).
    public var legend = false

    public init() {}

    /// The colour index the next series takes when none is given: matplotlib's colour cycle.
    public var nextColor: Int { series.count }
}

public enum Scale: String, Equatable, Sendable, CaseIterable {
    case linear, log
}

/// How a line is drawn. Text output draws every style as dots; Cairo can dash.
public enum LineStyle: String, Equatable, Sendable, CaseIterable {
    case solid = "-", dashed = "--", dotted = ":", dashDot = "-."
}

/// One thing drawn in an axes.
public enum Series: Equatable, Sendable {
    case line(LineSeries)
    case scatter(ScatterSeries)
    case bars(BarSeries)
    case heatmap(Heatmap)

    /// The legend's text for this series, if it has one.
    public var label: String? {
        switch self {
        case .line(let s): s.label
        case .scatter(let s): s.label
        case .bars(let s): s.label
        case .heatmap: nil
        }
    }

    /// The series' colour as a palette index or an RGB value.
    public var color: PlotColor? {
        switch self {
        case .line(let s): s.color
        case .scatter(let s): s.classes == nil ? s.color : nil
        case .bars(let s): s.color
        case .heatmap: nil
        }
    }
}

public struct LineSeries: Equatable, Sendable {
    public var x: [Double]
    public var y: [Double]
    public var label: String?
    public var color: PlotColor
    public var style: LineStyle

    public init(x: [Double], y: [Double], label: String? = nil, color: PlotColor, style: LineStyle = .solid) {
        self.x = x
        self.y = y
        self.label = label
        self.color = color
        self.style = style
    }
}

public struct ScatterSeries: Equatable, Sendable {
    public var x: [Double]
    public var y: [Double]
    /// One class per point (`c=labels`); each class takes its own palette colour.
    public var classes: [Int]?
    public var label: String?
    public var color: PlotColor

    public init(x: [Double], y: [Double], classes: [Int]? = nil, label: String? = nil, color: PlotColor) {
        self.x = x
        self.y = y
        self.classes = classes
        self.label = label
        self.color = color
    }
}

/// Bars from `left[i]` to `left[i] + width[i]`, `height[i]` high: a bar chart (with category
/// labels under the bars) or a histogram (touching bins on a numeric axis).
public struct BarSeries: Equatable, Sendable {
    public var left: [Double]
    public var width: [Double]
    public var height: [Double]
    /// Category names under the bars' centres (`bar(labels, values)`); nil for a histogram.
    public var categories: [String]?
    public var label: String?
    public var color: PlotColor

    public init(left: [Double], width: [Double], height: [Double], categories: [String]? = nil, label: String? = nil,
                color: PlotColor) {
        self.left = left
        self.width = width
        self.height = height
        self.categories = categories
        self.label = label
        self.color = color
    }
}

/// A matrix drawn as coloured cells, row 0 at the top (a confusion matrix).
public struct Heatmap: Equatable, Sendable {
    public var values: [[Double]]
    /// Writes each cell's value in it.
    public var annotate: Bool
    public var xticklabels: [String]?
    public var yticklabels: [String]?

    public var rowCount: Int { values.count }
    public var columnCount: Int { values.first?.count ?? 0 }

    public init(values: [[Double]], annotate: Bool = false, xticklabels: [String]? = nil, yticklabels: [String]? = nil) {
        self.values = values
        self.annotate = annotate
        self.xticklabels = xticklabels
        self.yticklabels = yticklabels
    }
}
