import Foundation
import TensorKit

/// A node's best split: rows whose rank on `feature` is at most `leftCode` go left.
struct NodeSplit {
    var feature: Int
    var leftCode: Int32
    var rightCode: Int32
    var proxy: Double
}

/// Finds the best split of one node by exhaustive search, as scikit-learn's "best" splitter:
/// every boundary between two distinct values present in the node, on each candidate feature.
///
/// Two ways to walk a feature's values in order, chosen per node and feature by their cost:
/// - **counting**: one pass puts each row's statistics in the bucket of its rank, then a pass
///   over the feature's distinct values visits the boundaries: O(n + k·width) for k distinct
///   values. For MNIST pixels (k ≤ 256) this beats sorting in every node with more than a few
///   dozen rows, and avoids the per-node sort that dominates scikit-learn's tree on such data;
/// - **sorting** the node's rows by rank: O(n log n), better in small nodes of features with
///   many distinct values, where clearing k buckets would cost more than the node.
/// Both visit the same boundaries in the same order, so they choose the same split.
final class NodeSplitter {
    let data: TreeTrainingData
    let weights: [Double]
    let minSamplesLeaf: Int
    /// The rows in the tree (weight > 0), partitioned in place so each node owns a range.
    var sampleRows: [Int32]
    private let width: Int
    private let bucketCounts: UnsafeMutablePointer<Int32>
    private let bucketStats: UnsafeMutablePointer<Double>
    private let maxDistinct: Int
    private let total, left, scratch: UnsafeMutablePointer<Double>
    private var sortKeys: [UInt64] = []
    private var partitionBuffer: [Int32] = []

    init(data: TreeTrainingData, weights: [Double], minSamplesLeaf: Int) {
        self.data = data
        self.weights = weights
        self.minSamplesLeaf = minSamplesLeaf
        width = data.width
        sampleRows = (0..<data.rows).compactMap { weights[$0] > 0 ? Int32($0) : nil }
        maxDistinct = data.distinct.map(\.count).max() ?? 1
        bucketCounts = .allocate(capacity: maxDistinct)
        bucketStats = .allocate(capacity: maxDistinct * width)
        total = .allocate(capacity: width)
        left = .allocate(capacity: width)
        scratch = .allocate(capacity: width)
    }

    deinit {
        bucketCounts.deallocate(); bucketStats.deallocate()
        total.deallocate(); left.deallocate(); scratch.deallocate()
    }

    /// Starts a node: its statistics, kept for the searches that follow, as `width` numbers.
    func beginNode(_ range: Range<Int>) -> UnsafePointer<Double> {
        nodeStatistics(range, into: total)
        return UnsafePointer(total)
    }

    /// The statistics of rows `range` (written into `out`, `width` numbers).
    func nodeStatistics(_ range: Range<Int>, into out: UnsafeMutablePointer<Double>) {
        out.update(repeating: 0, count: width)
        for p in range {
            let i = Int(sampleRows[p])
            data.accumulate(row: i, weight: weights[i], into: out)
        }
    }

    /// Searches `feature` over rows `range` (the node last begun); updates `best` when a split beats it (strictly, so
    /// the first best in visiting order wins, as in scikit-learn). Returns false when the
    /// feature is constant in the node.
    func search(feature f: Int, _ range: Range<Int>, best: inout NodeSplit?) -> Bool {
        let n = range.count
        let k = data.distinct[f].count
        let counting = k * width <= 2 * Self.sortCost(n)
        switch data.codes {
        case .bytes(let codes):
            return counting ? searchByCounting(codes, feature: f, range, distinctCount: k, best: &best)
                            : searchBySorting(codes, feature: f, range, distinctCount: k, best: &best)
        case .ints(let codes):
            return counting ? searchByCounting(codes, feature: f, range, distinctCount: k, best: &best)
                            : searchBySorting(codes, feature: f, range, distinctCount: k, best: &best)
        }
    }

    private func searchByCounting<Code: FixedWidthInteger>(_ codes: UnsafeMutablePointer<Code>, feature f: Int, _ range: Range<Int>,
                                                           distinctCount k: Int, best: inout NodeSplit?) -> Bool {
        bucketCounts.update(repeating: 0, count: k)
        bucketStats.update(repeating: 0, count: k * width)
        let column = codes + f * data.rows
        sampleRows.withUnsafeBufferPointer { rows in
            for p in range {
                let i = Int(rows[p])
                let code = Int(column[i])
                bucketCounts[code] += 1
                data.accumulate(row: i, weight: weights[i], into: bucketStats + code * width)
            }
        }
        left.update(repeating: 0, count: width)
        var leftCount = 0, previous = -1, valuesSeen = 0
        for code in 0..<k where bucketCounts[code] > 0 {
            valuesSeen += 1
            if previous >= 0 {
                consider(feature: f, leftCount: leftCount, count: range.count, leftCode: previous, rightCode: code, best: &best)
            }
            leftCount += Int(bucketCounts[code])
            let s = bucketStats + code * width
            for j in 0..<width { left[j] += s[j] }
            previous = code
        }
        return valuesSeen > 1
    }

    private func searchBySorting<Code: FixedWidthInteger>(_ codes: UnsafeMutablePointer<Code>, feature f: Int, _ range: Range<Int>,
                                                          distinctCount k: Int, best: inout NodeSplit?) -> Bool {
        orderRows(codes + f * data.rows, range, distinctCount: k)
        let codeOf = { (key: UInt64) in Int(key >> 32) }
        guard let first = sortKeys.first, let last = sortKeys.last, codeOf(first) != codeOf(last) else { return false }
        left.update(repeating: 0, count: width)
        let n = sortKeys.count
        // One access to the keys for the whole scan (each subscript of a class's array
        // property is an exclusivity check of its own).
        let keys = sortKeys
        keys.withUnsafeBufferPointer { keys in
            for p in 1..<n {
                let previousKey = keys[p - 1]
                let i = Int(previousKey & 0xFFFF_FFFF)
                data.accumulate(row: i, weight: weights[i], into: left)
                let (a, b) = (codeOf(previousKey), codeOf(keys[p]))
                if a != b {
                    consider(feature: f, leftCount: p, count: n, leftCode: a, rightCode: b, best: &best)
                }
                if n - p < minSamplesLeaf { break }
            }
        }
        return true
    }

    /// Fills `sortKeys` with the rows of `range` as (code << 32 | row), ordered by code, then
    /// row. The node's rows are in ascending order already (partitions keep order), so a
    /// stable counting sort by code gives that order in O(n + k); with more distinct values
    /// than n·log n, a comparison sort is cheaper.
    private func orderRows<Code: FixedWidthInteger>(_ column: UnsafeMutablePointer<Code>, _ range: Range<Int>, distinctCount k: Int) {
        let n = range.count
        sortKeys.removeAll(keepingCapacity: true)
        sampleRows.withUnsafeBufferPointer { rows in
            if k > Self.sortCost(n) {
                for p in range {
                    let i = Int(rows[p])
                    sortKeys.append(UInt64(UInt32(truncatingIfNeeded: column[i])) << 32 | UInt64(i))
                }
                sortKeys.sort()
                return
            }
            bucketCounts.update(repeating: 0, count: k)
            for p in range { bucketCounts[Int(column[Int(rows[p])])] += 1 }
            var start: Int32 = 0
            for code in 0..<k { (bucketCounts[code], start) = (start, start + bucketCounts[code]) }
            sortKeys.append(contentsOf: repeatElement(0, count: n))
            sortKeys.withUnsafeMutableBufferPointer { keys in
                for p in range {
                    let i = Int(rows[p])
                    let code = Int(column[i])
                    keys[Int(bucketCounts[code])] = UInt64(UInt32(truncatingIfNeeded: code)) << 32 | UInt64(i)
                    bucketCounts[code] += 1
                }
            }
        }
    }

    /// About n·log₂n, the comparisons a sort of n rows makes (the bit length stands in for the
    /// logarithm: the choice it feeds only has to be about right, and the real log cost 2 %).
    private static func sortCost(_ n: Int) -> Int { n * (Int.bitWidth - max(n, 2).leadingZeroBitCount) }

    /// Scores the split with `left` holding the statistics of the first `leftCount` rows.
    @inline(__always)
    private func consider(feature f: Int, leftCount: Int, count: Int, leftCode: Int, rightCode: Int,
                          best: inout NodeSplit?) {
        guard leftCount >= minSamplesLeaf, count - leftCount >= minSamplesLeaf else { return }
        let proxy = data.criterion.proxyImprovement(left: left, total: total, width: width, scratch: scratch)
        if proxy > best?.proxy ?? -.infinity {
            best = NodeSplit(feature: f, leftCode: Int32(leftCode), rightCode: Int32(rightCode), proxy: proxy)
        }
    }

    /// The threshold between the two ranks of a split, as scikit-learn computes it: the
    /// midpoint in float64 of the float32 values, or the left value when the midpoint rounds
    /// up to the right one.
    func threshold(of split: NodeSplit) -> Double {
        let values = data.distinct[split.feature]
        let a = Double(values[Int(split.leftCode)]), b = Double(values[Int(split.rightCode)])
        let mid = a / 2 + b / 2
        return mid == b || !mid.isFinite ? a : mid
    }

    /// Reorders rows `range` so the split's left rows come first, keeping their order; returns
    /// where the right rows start.
    func partition(_ range: Range<Int>, by split: NodeSplit) -> Int {
        switch data.codes {
        case .bytes(let codes): partition(codes + split.feature * data.rows, range, leftCode: Int(split.leftCode))
        case .ints(let codes): partition(codes + split.feature * data.rows, range, leftCode: Int(split.leftCode))
        }
    }

    private func partition<Code: FixedWidthInteger>(_ column: UnsafeMutablePointer<Code>, _ range: Range<Int>, leftCode: Int) -> Int {
        partitionBuffer.removeAll(keepingCapacity: true)
        var write = range.lowerBound
        for p in range {
            let row = sampleRows[p]
            if Int(column[Int(row)]) <= leftCode {
                sampleRows[write] = row
                write += 1
            } else {
                partitionBuffer.append(row)
            }
        }
        for (j, row) in partitionBuffer.enumerated() { sampleRows[write + j] = row }
        return write
    }
}
