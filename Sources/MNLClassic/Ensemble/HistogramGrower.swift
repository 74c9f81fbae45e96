import TensorKit

/// How a boosting tree grows: scikit-learn's `TreeGrower` parameters.
struct HistogramGrowth: Sendable {
    var maxLeafNodes: Int?
    var maxDepth: Int?
    var minSamplesLeaf: Int
    var l2Regularization: Double
    /// The learning rate, applied to the leaf values.
    var shrinkage: Double
    /// A child needs at least this hessian sum (scikit-learn's `min_hessian_to_split`).
    static let minHessianToSplit = 1e-3
}

/// Grows one tree on gradient and hessian histograms, as LightGBM and scikit-learn's
/// `HistGradientBoosting*` do:
/// - a node's histogram holds, per feature and bin, the sums of gradients and hessians and
///   the row count; the best split of a feature is one pass over its ≤ 256 bins;
/// - of two children only the smaller one's histogram is built from its rows; the larger one's
///   is the parent's minus the smaller's (the subtraction trick), so each level costs about
///   half a pass over the rows;
/// - growth is best-first: the leaf whose split gains most is split next, until
///   `max_leaf_nodes` leaves (and within `max_depth`), so one code path serves leaf-wise and
///   depth-wise growth;
/// - histograms and split searches are split by feature across the cores.
final class HistogramGrower {
    let data: BinnedData
    let growth: HistogramGrowth
    let cancellation: CancellationFlag?
    private var pool: [[HistogramBin]] = []

    init(data: BinnedData, growth: HistogramGrowth, cancellation: CancellationFlag?) {
        self.data = data
        self.growth = growth
        self.cancellation = cancellation
    }

    private struct Node {
        var id: Int
        var range: Range<Int>
        var depth: Int
        var sumGradients: Double
        var sumHessians: Double
        var histogram: [HistogramBin]?
        var split: HistogramSplit?
    }

    /// One tree for `gradients`/`hessians` (one per row). Returns the tree and, per leaf, its
    /// rows (a range of `rows`, the partition the growth left) and value, so the caller updates
    /// its training predictions without walking the tree.
    func grow(gradients: [Float], hessians: [Float]) throws
        -> (tree: BoostedTree, rows: [Int32], leaves: [(range: Range<Int>, value: Double)]) {
        var rows = (0..<data.rows).map { Int32($0) }
        var tree = BoostedTree()
        var leaves = [(range: Range<Int>, value: Double)]()
        var sumG = 0.0, sumH = 0.0
        for i in 0..<data.rows { sumG += Double(gradients[i]); sumH += Double(hessians[i]) }
        var root = Node(id: tree.addNode(value: nodeValue(sumG, sumH)), range: 0..<data.rows, depth: 0,
                        sumGradients: sumG, sumHessians: sumH)
        var splittable = [Node]()
        func finalize(_ node: Node) {
            tree.value[node.id] *= growth.shrinkage
            leaves.append((node.range, tree.value[node.id]))
            if let h = node.histogram { pool.append(h) }
        }
        if root.range.count < 2 * growth.minSamplesLeaf || sumH < HistogramGrowth.minHessianToSplit {
            finalize(root)
        } else {
            root.histogram = buildHistogram(root.range, rows: rows, gradients: gradients, hessians: hessians)
            if let node = withBestSplit(root) { splittable.append(node) } else { finalize(root) }
        }
        var leafCount = 1
        while let index = Self.largestGain(splittable) {
            if let flag = cancellation, flag.isCancelled { throw TensorError.interrupted }
            var node = splittable.remove(at: index)
            // The parent's histogram becomes the larger child's by subtraction in place: taken
            // out of the node first so that its storage is not shared and is not copied.
            guard let split = node.split, var parentHistogram = node.histogram else { continue }
            node.histogram = nil
            let middle = partition(&rows, node.range, split)
            tree.feature[node.id] = Int32(split.feature)
            tree.binThreshold[node.id] = split.bin
            tree.threshold[node.id] = data.threshold(feature: split.feature, bin: split.bin)
            var left = Node(id: tree.addNode(value: nodeValue(split.leftGradients, split.leftHessians)),
                            range: node.range.lowerBound..<middle, depth: node.depth + 1,
                            sumGradients: split.leftGradients, sumHessians: split.leftHessians)
            var right = Node(id: tree.addNode(value: nodeValue(node.sumGradients - split.leftGradients, node.sumHessians - split.leftHessians)),
                             range: middle..<node.range.upperBound, depth: node.depth + 1,
                             sumGradients: node.sumGradients - split.leftGradients, sumHessians: node.sumHessians - split.leftHessians)
            tree.left[node.id] = Int32(left.id)
            tree.right[node.id] = Int32(right.id)
            leafCount += 1
            if let maxLeaves = growth.maxLeafNodes, leafCount >= maxLeaves {
                pool.append(parentHistogram)
                finalize(left); finalize(right)
                splittable.forEach(finalize)
                splittable.removeAll()
                break
            }
            if let maxDepth = growth.maxDepth, left.depth >= maxDepth {
                pool.append(parentHistogram)
                finalize(left); finalize(right)
                continue
            }
            let splitLeft = left.range.count >= 2 * growth.minSamplesLeaf
            let splitRight = right.range.count >= 2 * growth.minSamplesLeaf
            if splitLeft || splitRight {
                let leftIsSmaller = left.range.count < right.range.count
                let small = leftIsSmaller ? left.range : right.range
                let smallHistogram = buildHistogram(small, rows: rows, gradients: gradients, hessians: hessians)
                subtract(smallHistogram, from: &parentHistogram)
                let largeHistogram = parentHistogram
                left.histogram = leftIsSmaller ? smallHistogram : largeHistogram
                right.histogram = leftIsSmaller ? largeHistogram : smallHistogram
            } else {
                pool.append(parentHistogram)
            }
            for (child, canSplit) in [(left, splitLeft), (right, splitRight)] {
                if canSplit, let withSplit = withBestSplit(child) { splittable.append(withSplit) } else { finalize(child) }
            }
        }
        return (tree, rows, leaves)
    }

    /// The node whose split gains most (the first on ties).
    private static func largestGain(_ nodes: [Node]) -> Int? {
        var best: Int?
        for (i, node) in nodes.enumerated() where best == nil || (node.split?.gain ?? 0) > (nodes[best ?? 0].split?.gain ?? 0) {
            best = i
        }
        return best
    }

    /// -G / (H + λ): the leaf value minimising the second-order expansion of the loss
    /// (before the learning rate).
    private func nodeValue(_ g: Double, _ h: Double) -> Double {
        -g / (h + growth.l2Regularization + 1e-15)
    }

    private func withBestSplit(_ node: Node) -> Node? {
        guard let histogram = node.histogram else { return nil }
        let split = HistogramSplitFinder(data: data, growth: growth)
            .best(histogram, rows: node.range.count, sumGradients: node.sumGradients, sumHessians: node.sumHessians)
        guard let split, split.gain > 0 else { return nil }
        var result = node
        result.split = split
        return result
    }

    /// Stable partition of `range` by the split (left rows first); returns where right starts.
    private func partition(_ rows: inout [Int32], _ range: Range<Int>, _ split: HistogramSplit) -> Int {
        let base = split.feature * data.rows
        var right = [Int32]()
        var write = range.lowerBound
        for p in range {
            let row = rows[p]
            if data.codes[base + Int(row)] <= split.bin { rows[write] = row; write += 1 } else { right.append(row) }
        }
        for (j, row) in right.enumerated() { rows[write + j] = row }
        return write
    }

    private func newHistogram() -> [HistogramBin] {
        if let reused = pool.popLast() { return reused }
        return [HistogramBin](repeating: HistogramBin(), count: data.totalBins)
    }

    /// The histogram of rows `range`, built feature by feature across the cores; the rows'
    /// gradients are gathered first so each feature's pass reads them in order.
    private func buildHistogram(_ range: Range<Int>, rows: [Int32], gradients: [Float], hessians: [Float]) -> [HistogramBin] {
        let m = range.count
        var ordered = [Float](repeating: 0, count: 2 * m)
        for (j, p) in range.enumerated() {
            let i = Int(rows[p])
            ordered[2 * j] = gradients[i]; ordered[2 * j + 1] = hessians[i]
        }
        var histogram = newHistogram()
        let data = self.data
        let rowList = Array(rows[range])
        histogram.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let out = TreeParallel.Pointer(base: base)
            ordered.withUnsafeBufferPointer { gh in
                rowList.withUnsafeBufferPointer { rowsOfNode in
                    data.codes.withUnsafeBufferPointer { codeBuffer in
                        guard let codeBase = codeBuffer.baseAddress else { return }
                        let (gh, rowsOfNode, codes) = (UnsafeSendable(gh), UnsafeSendable(rowsOfNode), UnsafeSendable(codeBase))
                        TreeParallel.forEachChunk(count: data.features, unitCost: m) { features in
                            for f in features where data.binCounts[f] > 1 {
                                let hist = out.base + data.offsets[f]
                                hist.update(repeating: HistogramBin(), count: data.binCounts[f])
                                let column = codes.value + f * data.rows
                                for j in 0..<m {
                                    let bin = Int(column[Int(rowsOfNode.value[j])])
                                    hist[bin].gradients += Double(gh.value[2 * j])
                                    hist[bin].hessians += Double(gh.value[2 * j + 1])
                                    hist[bin].count += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        return histogram
    }

    /// The parent's histogram minus a child's: the other child's, in the parent's storage.
    private func subtract(_ child: [HistogramBin], from parent: inout [HistogramBin]) {
        // Split across the cores: a histogram of every feature's bins is megabytes, and this
        // pass ran on one core for 13 % of a fit.
        let count = min(child.count, parent.count)
        child.withUnsafeBufferPointer { childBuffer in
            parent.withUnsafeMutableBufferPointer { parentBuffer in
                guard let c = childBuffer.baseAddress, let p = parentBuffer.baseAddress else { return }
                let (from, into) = (UnsafeSendable(c), TreeParallel.Pointer(base: p))
                TreeParallel.forEachChunk(count: count, unitCost: 4) { bins in
                    for b in bins {
                        into.base[b].gradients -= from.value[b].gradients
                        into.base[b].hessians -= from.value[b].hessians
                        into.base[b].count -= from.value[b].count
                    }
                }
            }
        }
    }
}

/// A read-only buffer handed to worker threads (they only read it while the caller waits).
struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
