import TensorKit

/// How far a tree grows: scikit-learn's stopping hyperparameters, with `max_features` already
/// turned into a count for the data at hand.
struct TreeGrowth: Sendable {
    var maxDepth: Int?
    var minSamplesSplit: Int
    var minSamplesLeaf: Int
    var maxFeatures: Int
}

/// Grows one tree depth-first, as scikit-learn's `DepthFirstTreeBuilder`: a stack of pending
/// nodes, the left child popped first, so nodes are numbered in the same order as there.
struct TreeBuilder {
    let data: TreeTrainingData
    let growth: TreeGrowth
    /// Read on every node: a forest builds trees on worker threads, where the task-local
    /// current flag is not visible, so the flag is passed in.
    let cancellation: CancellationFlag?

    private struct Pending {
        var range: Range<Int>
        var depth: Int
        var parent: Int?
        var isLeft: Bool
    }

    /// The tree for rows weighted by `weights` (bootstrap counts in a forest, 1 otherwise;
    /// rows of weight 0 are left out).
    func build(weights: [Double], generator: RandomGenerator) throws -> TreeStructure {
        let splitter = NodeSplitter(data: data, weights: weights, minSamplesLeaf: growth.minSamplesLeaf)
        let width = data.width
        var tree = TreeStructure(outputs: data.criterion.isClassification ? width : 1)
        var featureOrder = Array(0..<data.features)
        var stack = [Pending(range: 0..<splitter.sampleRows.count, depth: 0, parent: nil, isLeft: false)]
        while let node = stack.popLast() {
            if let flag = cancellation, flag.isCancelled { throw TensorError.interrupted }
            let stats = splitter.beginNode(node.range)
            let weight = data.criterion.weight(stats, width: width)
            let impurity = data.criterion.impurity(stats, width: width)
            let id = tree.addNode(value: nodeValue(stats, weight: weight), impurity: impurity,
                                  samples: node.range.count, weightedSamples: weight)
            if let parent = node.parent { tree.setChild(parent, isLeft: node.isLeft, child: id) }
            guard !isLeaf(node, impurity: impurity),
                  let split = bestSplit(node.range, splitter: splitter, order: &featureOrder, generator: generator)
            else { continue }
            tree.setSplit(id, feature: split.feature, threshold: splitter.threshold(of: split))
            let middle = splitter.partition(node.range, by: split)
            stack.append(Pending(range: middle..<node.range.upperBound, depth: node.depth + 1, parent: id, isLeft: false))
            stack.append(Pending(range: node.range.lowerBound..<middle, depth: node.depth + 1, parent: id, isLeft: true))
        }
        return tree
    }

    /// scikit-learn's rules for not splitting: the depth limit, too few samples to split or to
    /// leave `min_samples_leaf` on both sides, or a pure node.
    private func isLeaf(_ node: Pending, impurity: Double) -> Bool {
        let n = node.range.count
        if let maxDepth = growth.maxDepth, node.depth >= maxDepth { return true }
        return n < growth.minSamplesSplit || n < 2 * growth.minSamplesLeaf || impurity <= Double.ulpOfOne
    }

    /// Class fractions (classifier) or the mean (regressor).
    private func nodeValue(_ stats: UnsafePointer<Double>, weight: Double) -> [Double] {
        if data.criterion == .squaredError { return [weight > 0 ? stats[1] / weight : 0] }
        return (0..<data.width).map { weight > 0 ? stats[$0] / weight : 0 }
    }

    /// Visits features in random order (drawn without replacement, Fisher–Yates) until
    /// `maxFeatures` non-constant ones have been searched; constant features do not count, as
    /// in scikit-learn, so a split is found whenever one exists among all features. With every
    /// feature searched the order is the natural one, so a tie goes to the lowest feature index
    /// and the tree does not depend on the generator.
    private func bestSplit(_ range: Range<Int>, splitter: NodeSplitter, order: inout [Int],
                           generator: RandomGenerator) -> NodeSplit? {
        var best: NodeSplit?
        let d = order.count
        let shuffle = growth.maxFeatures < d
        var searched = 0
        for drawn in 0..<d {
            if shuffle {
                let j = drawn + Int(generator.nextInt(below: UInt64(d - drawn)))
                order.swapAt(drawn, j)
            }
            let f = shuffle ? order[drawn] : drawn
            if splitter.search(feature: f, range, best: &best) {
                searched += 1
                if searched >= growth.maxFeatures { break }
            }
        }
        return best
    }
}
