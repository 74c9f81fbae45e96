import Foundation
import TensorKit

/// Features cut into at most `maxBins` bins, as scikit-learn's `_BinMapper` (and LightGBM)
/// do, so that a boosting tree's split search walks ≤ 255 histogram bins instead of sorting:
/// - a feature with at most `maxBins` distinct values gets a bin per value, thresholds at the
///   midpoints between neighbours;
/// - otherwise the thresholds are the (1/maxBins, ..., (maxBins-1)/maxBins) quantiles of the
///   values (NumPy's "averaged_inverted_cdf" percentiles, duplicates dropped, as scikit-learn
///   1.9 computes them), so bins hold about equal counts.
/// Bin `b` holds the values `v` with `thresholds[b-1] < v <= thresholds[b]`; codes are uint8.
struct FeatureBinner: Sendable {
    /// Each feature's thresholds, ascending (`binCount[f] - 1` of them).
    let thresholds: [[Double]]

    /// scikit-learn bins from at most 200000 rows (a random subsample beyond that).
    static let subsampleRows = 200_000

    /// Fits the thresholds on `x` (row-major, `rows` × `features`).
    init(x: [Double], rows: Int, features: Int, maxBins: Int, generator: RandomGenerator) {
        var sample = Array(0..<rows)
        if rows > Self.subsampleRows {
            for i in 0..<Self.subsampleRows {
                sample.swapAt(i, i + Int(generator.nextInt(below: UInt64(rows - i))))
            }
            sample = Array(sample[0..<Self.subsampleRows])
        }
        thresholds = (0..<features).map { f in
            Self.thresholds(sample.map { x[$0 * features + f] }.sorted(), maxBins: maxBins)
        }
    }

    init(thresholds: [[Double]]) { self.thresholds = thresholds }

    static func thresholds(_ sorted: [Double], maxBins: Int) -> [Double] {
        var distinct = [Double]()
        for v in sorted where distinct.last != v { distinct.append(v) }
        if distinct.count <= 1 { return [] }
        if distinct.count <= maxBins {
            return zip(distinct.dropLast(), distinct.dropFirst()).map { min(($0 + $1) / 2, 1e300) }
        }
        // NumPy's percentile by the "averaged_inverted_cdf" rule, with its arithmetic (the
        // percentages from linspace, the index n·q − 1, the average on exact positions).
        let n = sorted.count
        let step = 100.0 / Double(maxBins)
        var result = [Double]()
        for i in 1..<maxBins {
            let position = Double(n) * (Double(i) * step / 100) - 1
            let value: Double
            if position < 0 {
                value = sorted[0]
            } else if position >= Double(n - 1) {
                value = sorted[n - 1]
            } else {
                let below = position.rounded(.down), (a, b) = (sorted[Int(below)], sorted[Int(below) + 1])
                value = position == below ? b - (b - a) * 0.5 : b
            }
            if result.last != value { result.append(min(value, 1e300)) }
        }
        return result
    }

    var features: Int { thresholds.count }

    /// Bins per feature (values only; no bin for missing values, which are refused).
    var binCounts: [Int] { thresholds.map { $0.count + 1 } }

    /// The bin of `value` on feature `f`: the first threshold at or above it.
    @inline(__always)
    func bin(_ value: Double, feature f: Int) -> UInt8 {
        let t = thresholds[f]
        var lo = 0, hi = t.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if value <= t[mid] { hi = mid } else { lo = mid + 1 }
        }
        return UInt8(truncatingIfNeeded: lo)
    }

    /// Bin codes of `x` (row-major) as columns: `codes[f * rows + i]`.
    func binned(x: [Double], rows: Int) -> [UInt8] {
        let d = features
        var codes = [UInt8](repeating: 0, count: rows * d)
        codes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let out = TreeParallel.Pointer(base: base)
            TreeParallel.forEachChunk(count: d, unitCost: rows * 8) { range in
                for f in range {
                    for i in 0..<rows { out.base[f * rows + i] = self.bin(x[i * d + f], feature: f) }
                }
            }
        }
        return codes
    }
}

/// Rows of a boosting model's `x` as float64, row-major, checked.
struct BoostingInput {
    let rows: Int
    let features: Int
    let values: [Double]

    /// `x` checked as every classic model checks it (and against the fitted feature count).
    init(_ x: Tensor, model: String, fittedFeatures: Int? = nil) throws {
        let matrix = try fittedFeatures.map { try FeatureMatrix(x, model: model, features: $0) } ?? FeatureMatrix(x, model: model)
        rows = matrix.rows
        features = matrix.columns
        values = matrix.values
    }
}
