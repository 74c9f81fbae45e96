/// What can be wrong with the data given to a figure. Each case keeps its facts; the
/// binding layer renders them (with the name of the function the user called).
public enum PlotError: Error, Equatable, Sendable {
    /// Two sequences that must pair up element by element do not (`x` has 3, `y` has 4).
    case lengthMismatch(first: String, firstCount: Int, second: String, secondCount: Int)
    /// Nothing to draw: `what` (an argument's name) has no elements.
    case empty(what: String)
    /// `bins` outside 1...maxBins.
    case badBins(Int)
    /// A matrix whose rows differ in length: row `row` has `count`, row 0 has `expected`.
    case raggedMatrix(row: Int, count: Int, expected: Int)
    /// `subplots(rows, cols)` outside 1...Figure.maxGrid.
    case badGrid(rows: Int, cols: Int)
    /// Limits that are not finite or not increasing (`xlim(3, 3)`).
    case badLimits(axis: String, low: Double, high: Double)
    /// Log-scale limits must be positive.
    case nonPositiveLogLimits(axis: String)
    /// A colour name the palette does not know.
    case unknownColor(String)
    /// An axes index outside the figure's grid.
    case axesOutOfRange(index: Int, count: Int)
    /// A drawing size too small for the axes and labels, or too large to be sensible.
    case badSize(width: Int, height: Int)

    public var message: String {
        switch self {
        case let .lengthMismatch(a, m, b, n):
            "\(a) and \(b) must have the same length (\(a) has \(m), \(b) has \(n))"
        case .empty(let what): "\(what) is empty: nothing to draw"
        case .badBins(let n): "bins must be between 1 and \(Histogram.maxBins), got \(n)"
        case let .raggedMatrix(row, count, expected):
            "the matrix's rows differ in length (row \(row) has \(count) values, row 0 has \(expected))"
        case let .badGrid(r, c): "a grid of \(r) × \(c) axes: rows and cols must be between 1 and \(Figure.maxGrid)"
        case let .badLimits(axis, lo, hi): "\(axis) limits must be finite and increasing, got (\(lo), \(hi))"
        case .nonPositiveLogLimits(let axis): "\(axis) limits must be positive on a log scale"
        case .unknownColor(let name): "unknown colour '\(name)' (use a name such as 'red', 'C0'...'C9' or '#rrggbb')"
        case let .axesOutOfRange(i, n): "axes index \(i) is out of range for a figure of \(n) axes"
        case let .badSize(w, h):
            "a drawing of \(w) × \(h) characters: width must be \(TextRenderer.widthRange) and height \(TextRenderer.heightRange)"
        }
    }
}
