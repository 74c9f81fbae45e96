/// The sums of one histogram bin.
struct HistogramBin: Sendable {
    var gradients = 0.0
    var hessians = 0.0
    var count: Int32 = 0
}

/// The training rows of a boosting model as bin codes, feature by feature.
struct BinnedData: Sendable {
    let rows: Int
    let features: Int
    /// `codes[f * rows + i]`: the bin of row `i` on feature `f`.
    let codes: [UInt8]
    let binCounts: [Int]
    /// Where feature `f`'s bins start in a node histogram (features packed one after another).
    let offsets: [Int]
    let totalBins: Int
    let binner: FeatureBinner

    init(binner: FeatureBinner, x: [Double], rows: Int) {
        self.binner = binner
        self.rows = rows
        features = binner.features
        codes = binner.binned(x: x, rows: rows)
        binCounts = binner.binCounts
        var offsets = [Int](), total = 0
        for count in binCounts { offsets.append(total); total += count }
        self.offsets = offsets
        totalBins = total
    }

    /// The value threshold of "bin <= `bin`": the bin's upper threshold.
    func threshold(feature f: Int, bin: UInt8) -> Double {
        let t = binner.thresholds[f]
        return Int(bin) < t.count ? t[Int(bin)] : .infinity
    }
}

/// A node's best split: bins `0...bin` of `feature` go left.
struct HistogramSplit: Sendable {
    var feature: Int
    var bin: UInt8
    var gain: Double
    var leftGradients: Double
    var leftHessians: Double
    var leftCount: Int
}

/// Scans every feature's histogram for the split with the largest gain
///   G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)
/// (written as scikit-learn does, from the leaf values), with at least `min_samples_leaf` rows
/// and `min_hessian_to_split` hessian on each side; features are scanned across the cores and
/// the first feature wins a tie, as there.
struct HistogramSplitFinder {
    let data: BinnedData
    let growth: HistogramGrowth

    func best(_ histogram: [HistogramBin], rows n: Int, sumGradients g: Double, sumHessians h: Double) -> HistogramSplit? {
        let features = data.features
        var perFeature = [HistogramSplit?](repeating: nil, count: features)
        let l2 = growth.l2Regularization
        let parentLoss = g * (-g / (h + l2 + 1e-15))
        let minLeaf = growth.minSamplesLeaf
        let data = self.data
        perFeature.withUnsafeMutableBufferPointer { out in
            guard let outBase = out.baseAddress else { return }
            histogram.withUnsafeBufferPointer { hist in
                guard let histBase = hist.baseAddress else { return }
                let (results, bins) = (TreeParallel.Pointer(base: outBase), UnsafeSendable(histBase))
                TreeParallel.forEachChunk(count: features, unitCost: 256) { range in
                    for f in range where data.binCounts[f] > 1 {
                        results.base[f] = Self.bestSplit(of: f, bins.value + data.offsets[f], binCount: data.binCounts[f],
                                                         n: n, g: g, h: h, parentLoss: parentLoss, l2: l2, minLeaf: minLeaf)
                    }
                }
            }
        }
        var best: HistogramSplit?
        for case let split? in perFeature where split.gain > (best?.gain ?? -1) { best = split }
        return best
    }

    private static func bestSplit(of f: Int, _ bins: UnsafePointer<HistogramBin>, binCount: Int, n: Int,
                                  g: Double, h: Double, parentLoss: Double, l2: Double, minLeaf: Int) -> HistogramSplit? {
        var best: HistogramSplit?
        var bestGain = -1.0
        var gl = 0.0, hl = 0.0, nl = 0
        for b in 0..<(binCount - 1) {
            // An empty bin leaves the same split as the bin before it, which a strictly
            // larger gain is needed to beat: skip it (most pixel bins of a small node).
            if bins[b].count == 0 { continue }
            gl += bins[b].gradients; hl += bins[b].hessians; nl += Int(bins[b].count)
            if nl < minLeaf { continue }
            if n - nl < minLeaf { break }
            if hl < HistogramGrowth.minHessianToSplit { continue }
            let hr = h - hl
            if hr < HistogramGrowth.minHessianToSplit { break }
            let gr = g - gl
            let valueLeft = -gl / (hl + l2 + 1e-15), valueRight = -gr / (hr + l2 + 1e-15)
            let gain = parentLoss - gl * valueLeft - gr * valueRight
            if gain > bestGain && gain > 0 {
                bestGain = gain
                best = HistogramSplit(feature: f, bin: UInt8(b), gain: gain, leftGradients: gl, leftHessians: hl, leftCount: nl)
            }
        }
        return best
    }
}
