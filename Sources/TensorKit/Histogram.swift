/// `numpy.histogram`: counts of values in bins, with NumPy's edges and its closed last bin.

/// The bins of a histogram: a count of equal-width bins over an optional range, or edges.
public enum HistogramBins: Sendable {
    case count(Int, range: (Double, Double)?)
    case edges(Tensor)
}

extension Tensor {
    /// `numpy.histogram` of the flattened tensor: (hist, bin_edges). Bin i holds
    /// edges[i] <= x < edges[i+1], and the last bin also holds x == edges[-1]; values
    /// outside the edges are not counted. hist is int64, or `weights`' dtype with weights,
    /// or float64 with `density` (each bin's count over the total and the bin's width).
    public func histogram(bins: HistogramBins = .count(10, range: nil), weights: Tensor? = nil,
                          density: Bool = false) throws -> (hist: Tensor, edges: Tensor) {
        if let weights, weights.shape != shape { throw TensorError.shapeMismatch(op: "histogram", lhs: shape, rhs: weights.shape) }
        let edges: Tensor
        switch bins {
        case .count(let n, let range): edges = try histogramEdges(count: n, range: range)
        case .edges(let given):
            guard given.ndim == 1, given.count >= 1 else {
                throw TensorError.invalidArgument(op: "histogram", message: "bins must be a 1-D tensor of at least one edge, got shape \(TensorError.shape(given.shape))")
            }
            let e = given.toDoubles()
            guard zip(e, e.dropFirst()).allSatisfy({ $0 <= $1 }) else { throw TensorError.notMonotonic(op: "histogram", orDecreasing: false) }
            edges = given
        }
        let e = edges.toDoubles(), binCount = e.count - 1
        var sums = [Double](repeating: 0, count: binCount)
        let w = weights?.toDoubles()
        for (i, x) in toDoubles().enumerated() where binCount > 0 && x >= e[0] && x <= e[binCount] {
            // The last edge closes the last bin instead of opening one more.
            let bin = Swift.min(Tensor.insertionIndex(of: x, in: e, right: true) - 1, binCount - 1)
            sums[bin] += w?[i] ?? 1
        }
        let hist = try histogramCounts(sums, weights: weights, edges: e, density: density)
        return (hist, edges)
    }

    /// NumPy's equal-width edges: over `range` or the data's min and max (widened by 0.5 on
    /// each side when they are equal; 0 to 1 for no data); float32 for float32 data, float64 otherwise.
    private func histogramEdges(count n: Int, range: (Double, Double)?) throws -> Tensor {
        guard n >= 1 else { throw TensorError.invalidArgument(op: "histogram", message: "bins must be a positive integer, got \(n)") }
        try Storage.checkAllocation(count: n, stride: MemoryLayout<Double>.stride * 2)
        var (low, high): (Double, Double)
        if let range {
            (low, high) = range
            guard low <= high else { throw TensorError.invalidArgument(op: "histogram", message: "range must be (min, max) with min <= max, got (\(TensorError.number(low)), \(TensorError.number(high)))") }
            guard low.isFinite && high.isFinite else { throw TensorError.invalidArgument(op: "histogram", message: "range (\(low), \(high)) is not finite") }
        } else if count == 0 {
            (low, high) = (0, 1)
        } else {
            let values = toDoubles()
            (low, high) = (values.min() ?? 0, values.max() ?? 0)
            if values.contains(where: \.isNaN) { (low, high) = (.nan, .nan) }
            guard low.isFinite && high.isFinite else {
                throw TensorError.invalidArgument(op: "histogram", message: "the data's range (\(low), \(high)) is not finite; give range=")
            }
        }
        if low == high { (low, high) = (low - 0.5, high + 0.5) }
        // NumPy computes in float32 only when the edges come from float32 data; a range of
        // numbers is computed in float64 and then rounded to float32.
        guard dtype == .float32 else { return try Tensor.equalEdges(low, high, n) }
        return range == nil ? try Tensor.equalEdges(Float(low), Float(high), n) : try Tensor.equalEdges(low, high, n).cast(to: .float32)
    }

    /// n + 1 edges from `low` to `high`, as NumPy's linspace computes them in T.
    private static func equalEdges<T: BinaryFloatingPoint & TensorElement>(_ low: T, _ high: T, _ n: Int) throws -> Tensor {
        let step = (high - low) / T(n)
        var edges = (0...n).map { T($0) * step + low }
        edges[n] = high
        return try Tensor(shape: [n + 1], elements: edges)
    }

    private func histogramCounts(_ sums: [Double], weights: Tensor?, edges e: [Double], density: Bool) throws -> Tensor {
        if density {
            let total = sums.reduce(0, +)
            let values = sums.enumerated().map { $1 / (e[$0 + 1] - e[$0]) / total }
            return try Tensor(shape: [sums.count], elements: values)
        }
        guard let weights else { return try Tensor(shape: [sums.count], elements: sums.map { Int64($0) }) }
        return try Tensor(shape: [sums.count], values: sums, dtype: weights.dtype)
    }
}
