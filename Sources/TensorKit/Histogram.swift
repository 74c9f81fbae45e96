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
        // NumPy refuses bools too (it cannot subtract them to find the bins).
        guard dtype != .bool else { throw TensorError.unsupportedDType(op: "histogram", dtype: dtype) }
        if let weights, weights.shape != shape { throw TensorError.shapeMismatch(op: "histogram", lhs: shape, rhs: weights.shape) }
        let edges: Tensor
        switch bins {
        case .count(let n, let range):
            edges = try histogramEdges(count: n, range: range)
            let e = edges.toDoubles()
            guard zip(e, e.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw TensorError.invalidArgument(op: "histogram", message: "too many bins for the data's range: cannot make \(n) finite-sized bins")
            }
        case .edges(let given):
            guard given.ndim == 1, given.count >= 1 else {
                throw TensorError.invalidArgument(op: "histogram", message: "bins must be a 1-D tensor of at least one edge, got shape \(TensorError.shape(given.shape))")
            }
            let e = given.toDoubles()
            guard zip(e, e.dropFirst()).allSatisfy({ $0 <= $1 }) else { throw TensorError.notMonotonic(op: "histogram", orDecreasing: false) }
            edges = given
        }
        let e = edges.toDoubles()
        var uniform = false
        if case .count = bins { uniform = true }
        let sums = try binSums(edges: e, uniform: uniform, weights: weights?.toDoubles())
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
            (low, high) = (try reduce(.min).item(), try reduce(.max).item())
            if dtype.isFloatingPoint, try unary(.isnan).any().item() != 0 { (low, high) = (.nan, .nan) }
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

    /// The count (or the weight) in each bin, read straight from the elements. Equal-width
    /// bins find a value's bin arithmetically and correct it by one against the edges, as
    /// NumPy does; other edges are searched.
    private func binSums(edges e: [Double], uniform: Bool, weights w: [Double]?) throws -> [Double] {
        let binCount = e.count - 1
        var sums = [Double](repeating: 0, count: binCount)
        guard binCount > 0, count > 0 else { return sums }
        let data = try contiguous()
        let (low, high) = (e[0], e[binCount])
        let norm = Double(binCount) / (high - low)
        func bin(_ x: Double) -> Int {
            let f = (x - low) * norm
            // A range too narrow or too wide for doubles (norm inf or 0) falls back to searching.
            guard uniform, f.isFinite, norm.isFinite, norm > 0 else {
                return Swift.min(Tensor.insertionIndex(of: x, in: e, right: true) - 1, binCount - 1)
            }
            var k = Int(Swift.min(Swift.max(f, 0), Double(binCount - 1)))
            if x < e[k] { k -= 1 } else if k < binCount - 1 && x >= e[k + 1] { k += 1 }
            return k
        }
        func accumulate<T: KernelElement>(_: T.Type) {
            let p = data.base(T.self)
            for i in 0..<data.count {
                let x = p[i].asDouble
                // The last edge closes the last bin instead of opening one more; NaN is in no bin.
                guard x >= low && x <= high else { continue }
                sums[bin(x)] += w?[i] ?? 1
            }
        }
        switch dtype {
        case .float32: accumulate(Float.self)
        case .float64: accumulate(Double.self)
        case .int64: accumulate(Int64.self)
        case .int32: accumulate(Int32.self)
        case .uint8: accumulate(UInt8.self)
        case .bool: accumulate(Bool.self)
        case .float16: accumulate(Float16Bits.self)
        case .bfloat16: accumulate(BFloat16Bits.self)
        }
        return sums
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
