/// Equal-width bins over the finite values' range, as matplotlib's `hist` counts them: the
/// last bin includes its right edge. Non-finite values are left out, as NumPy leaves NaN out.
public struct Histogram: Equatable, Sendable {
    public let edges: [Double]
    public let counts: [Int]

    /// Enough bins for any figure; more would only allocate.
    public static let maxBins = 10_000

    public init(_ values: [Double], bins: Int) throws(PlotError) {
        guard (1...Self.maxBins).contains(bins) else { throw .badBins(bins) }
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { throw .empty(what: "x") }
        // A single value gets a unit-wide range around it, as NumPy's histogram does.
        let (low, high) = lo == hi ? (lo - 0.5, hi + 0.5) : (lo, hi)
        let step = (high - low) / Double(bins)
        edges = (0...bins).map { $0 == bins ? high : low + Double($0) * step }
        var counts = Array(repeating: 0, count: bins)
        for v in finite {
            let position = ((v - low) / step).rounded(.down)
            // A range too wide or too narrow for Double makes `position` infinite or NaN.
            let i = position.isNaN || position < 0 ? 0 : position >= Double(bins) ? bins - 1 : Int(position)
            counts[i] += 1
        }
        self.counts = counts
    }
}
