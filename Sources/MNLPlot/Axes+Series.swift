/// Adding series to an axes, as pyplot's functions do: each checks its data, takes the next
/// colour of the cycle when none is given, and appends.
extension Axes {
    /// `plot(y)` or `plot(x, y)`: x defaults to 0, 1, 2...
    public mutating func plot(x: [Double]?, y: [Double], label: String? = nil, color: PlotColor? = nil,
                              style: LineStyle = .solid) throws(PlotError) {
        let x = try Self.pairedX(x, y)
        series.append(.line(LineSeries(x: x, y: y, label: label, color: color ?? .cycle(nextColor), style: style)))
    }

    /// `scatter(x, y, c=labels)`: with classes, each point takes its class's colour.
    public mutating func scatter(x: [Double], y: [Double], classes: [Int]? = nil, label: String? = nil,
                                 color: PlotColor? = nil) throws(PlotError) {
        _ = try Self.pairedX(x, y)
        if let classes, classes.count != x.count {
            throw .lengthMismatch(first: "x", firstCount: x.count, second: "c", secondCount: classes.count)
        }
        series.append(.scatter(ScatterSeries(x: x, y: y, classes: classes, label: label, color: color ?? .cycle(nextColor))))
    }

    /// `hist(x, bins=10)`: equal-width bins over the finite values' range.
    public mutating func hist(_ values: [Double], bins: Int = 10, label: String? = nil, color: PlotColor? = nil) throws(PlotError) {
        let h = try Histogram(values, bins: bins)
        let width = h.edges.indices.dropLast().map { h.edges[$0 + 1] - h.edges[$0] }
        series.append(.bars(BarSeries(left: Array(h.edges.dropLast()), width: width, height: h.counts.map(Double.init),
                                      label: label, color: color ?? .cycle(nextColor))))
    }

    /// `bar(labels, values)`: one bar per category, centred on 0, 1, 2...
    public mutating func bar(labels: [String], values: [Double], label: String? = nil, color: PlotColor? = nil) throws(PlotError) {
        guard labels.count == values.count else {
            throw .lengthMismatch(first: "labels", firstCount: labels.count, second: "values", secondCount: values.count)
        }
        guard !values.isEmpty else { throw .empty(what: "values") }
        let left = values.indices.map { Double($0) - 0.4 }
        series.append(.bars(BarSeries(left: left, width: Array(repeating: 0.8, count: values.count), height: values,
                                      categories: labels, label: label, color: color ?? .cycle(nextColor))))
    }

    /// `heatmap(matrix, annot=true)`: replaces whatever the axes held, as a heatmap fills it.
    public mutating func heatmap(_ matrix: [[Double]], annotate: Bool = false, xticklabels: [String]? = nil,
                                 yticklabels: [String]? = nil) throws(PlotError) {
        guard let first = matrix.first, !first.isEmpty else { throw .empty(what: "matrix") }
        for (i, row) in matrix.enumerated() where row.count != first.count {
            throw .raggedMatrix(row: i, count: row.count, expected: first.count)
        }
        if let xs = xticklabels, xs.count != first.count {
            throw .lengthMismatch(first: "xticklabels", firstCount: xs.count, second: "columns", secondCount: first.count)
        }
        if let ys = yticklabels, ys.count != matrix.count {
            throw .lengthMismatch(first: "yticklabels", firstCount: ys.count, second: "rows", secondCount: matrix.count)
        }
        series = [.heatmap(Heatmap(values: matrix, annotate: annotate, xticklabels: xticklabels, yticklabels: yticklabels))]
    }

    /// Sets `xlim`/`ylim` after checking them.
    public mutating func setLimits(_ axis: String, _ low: Double, _ high: Double) throws(PlotError) {
        guard low.isFinite, high.isFinite, low < high else { throw .badLimits(axis: axis, low: low, high: high) }
        if axis == "x" { xlim = low...high } else { ylim = low...high }
    }

    /// The x values paired with `y`: the given ones (same length) or 0, 1, 2...
    static func pairedX(_ x: [Double]?, _ y: [Double]) throws(PlotError) -> [Double] {
        guard let x else {
            guard !y.isEmpty else { throw .empty(what: "y") }
            return y.indices.map(Double.init)
        }
        guard x.count == y.count else { throw .lengthMismatch(first: "x", firstCount: x.count, second: "y", secondCount: y.count) }
        guard !y.isEmpty else { throw .empty(what: "y") }
        return x
    }
}
