/// Counting and searching sorted values, as NumPy's bincount, searchsorted and digitize.
/// Values are compared as Doubles (exact for every dtype but int64 beyond 2**53), with NaN
/// after every number, where NumPy's sort puts it, so a sorted tensor with NaNs searches right.

extension Tensor {
    /// `numpy.bincount`: how often each of 0, 1, ..., max(x) occurs in the 1-D integer tensor
    /// `x` (int64), or the sum of `weights` at each value (float64). At least `minlength` bins.
    public func bincount(weights: Tensor? = nil, minlength: Int = 0) throws -> Tensor {
        guard ndim == 1 else { throw TensorError.invalidArgument(op: "bincount", message: "expected a 1-D tensor, got shape \(TensorError.shape(shape))") }
        guard !dtype.isFloatingPoint else { throw TensorError.unsupportedDType(op: "bincount", dtype: dtype) }
        guard minlength >= 0 else { throw TensorError.invalidArgument(op: "bincount", message: "minlength must be non-negative, got \(minlength)") }
        let values = toInt64s()
        if let negative = values.first(where: { $0 < 0 }) { throw TensorError.negativeCount(op: "bincount", value: negative) }
        let (top, overflow) = Int(values.max() ?? -1).addingReportingOverflow(1)
        let length = Swift.max(minlength, overflow ? Int.max : top)
        try Storage.checkAllocation(count: length, stride: MemoryLayout<Double>.stride)
        guard let weights else {
            var counts = [Int64](repeating: 0, count: length)
            for v in values { counts[Int(v)] += 1 }
            return try Tensor(shape: [length], elements: counts)
        }
        guard weights.shape == shape else { throw TensorError.shapeMismatch(op: "bincount", lhs: shape, rhs: weights.shape) }
        var sums = [Double](repeating: 0, count: length)
        for (v, w) in zip(values, weights.toDoubles()) { sums[Int(v)] += w }
        return try Tensor(shape: [length], elements: sums)
    }

    /// `numpy.searchsorted`: for each value of `v`, the index in the sorted 1-D `self` where
    /// it would be inserted to keep the order: before equal elements (`right` false, NumPy's
    /// side="left") or after them. An int64 tensor of `v`'s shape (0-d for a 0-d `v`).
    public func searchsorted(_ v: Tensor, right: Bool = false, op: String = "searchsorted") throws -> Tensor {
        guard ndim == 1 else { throw TensorError.invalidArgument(op: op, message: "expected a 1-D sorted tensor, got shape \(TensorError.shape(shape))") }
        let sorted = toDoubles()
        let positions = v.toDoubles().map { Int64(Tensor.insertionIndex(of: $0, in: sorted, right: right)) }
        return try Tensor(shape: v.shape, elements: positions)
    }

    /// `numpy.digitize`: for each value of `self`, the index of the bin it falls in, given the
    /// 1-D monotonic `bins` (increasing or decreasing). With increasing bins, i such that
    /// bins[i-1] <= x < bins[i] (`right`: bins[i-1] < x <= bins[i]); 0 and len(bins) outside.
    public func digitize(_ bins: Tensor, right: Bool = false) throws -> Tensor {
        guard bins.ndim == 1 else { throw TensorError.invalidArgument(op: "digitize", message: "bins must be 1-D, got shape \(TensorError.shape(bins.shape))") }
        let edges = bins.toDoubles()
        let increasing = zip(edges, edges.dropFirst()).allSatisfy { !Tensor.sortsBefore($1, $0) }
        let decreasing = zip(edges, edges.dropFirst()).allSatisfy { !Tensor.sortsBefore($0, $1) }
        guard increasing || decreasing else { throw TensorError.notMonotonic(op: "digitize", orDecreasing: true) }
        // NumPy's definition: searchsorted with the opposite side, on the reversed bins when they decrease.
        if increasing { return try bins.searchsorted(self, right: !right, op: "digitize") }
        let reversed = Array(edges.reversed())
        let n = Int64(edges.count)
        let positions = toDoubles().map { n - Int64(Tensor.insertionIndex(of: $0, in: reversed, right: !right)) }
        return try Tensor(shape: shape, elements: positions)
    }

    /// NumPy's sort order: numbers ascending, NaN after all of them.
    static func sortsBefore(_ a: Double, _ b: Double) -> Bool { a < b || (b.isNaN && !a.isNaN) }

    /// Binary search in ascending `sorted`: the first index whose element is not before `x`
    /// (`right` false) or that `x` sorts before (`right` true).
    static func insertionIndex(of x: Double, in sorted: [Double], right: Bool) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            let goesLeft = right ? sortsBefore(x, sorted[mid]) : !sortsBefore(sorted[mid], x)
            if goesLeft { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
