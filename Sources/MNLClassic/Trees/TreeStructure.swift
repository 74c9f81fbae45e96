import TensorKit

/// A fitted decision tree as scikit-learn's `tree_` keeps it: parallel flat arrays indexed by
/// node, nodes numbered in depth-first order (a node, then its left subtree, then its right).
/// Saving is therefore a handful of plain tensors, and loading runs no code.
public struct TreeStructure: Sendable, Equatable {
    /// scikit-learn's markers: a leaf has no children and no feature or threshold.
    public static let leafChild: Int32 = -1
    public static let undefined: Int32 = -2

    /// The feature a node splits on (`undefined` at leaves).
    public internal(set) var feature: [Int32] = []
    /// Rows with `x[feature] <= threshold` go left (`-2` at leaves).
    public internal(set) var threshold: [Double] = []
    public internal(set) var left: [Int32] = []
    public internal(set) var right: [Int32] = []
    /// `nodeCount × outputs`: class fractions for a classifier, the mean for a regressor.
    public internal(set) var value: [Double] = []
    public internal(set) var impurity: [Double] = []
    public internal(set) var nodeSamples: [Int32] = []
    public internal(set) var weightedNodeSamples: [Double] = []
    /// Values per node: the number of classes, or 1 for a regressor.
    public let outputs: Int

    init(outputs: Int) { self.outputs = outputs }

    public var nodeCount: Int { feature.count }

    /// Appends a node (children filled in later by `setChildren`) and returns its index.
    mutating func addNode(value nodeValue: [Double], impurity nodeImpurity: Double,
                          samples: Int, weightedSamples: Double) -> Int {
        feature.append(Self.undefined)
        threshold.append(Double(Self.undefined))
        left.append(Self.leafChild)
        right.append(Self.leafChild)
        value.append(contentsOf: nodeValue)
        impurity.append(nodeImpurity)
        nodeSamples.append(Int32(samples))
        weightedNodeSamples.append(weightedSamples)
        return feature.count - 1
    }

    mutating func setSplit(_ node: Int, feature f: Int, threshold t: Double) {
        feature[node] = Int32(f)
        threshold[node] = t
    }

    mutating func setChild(_ node: Int, isLeft: Bool, child: Int) {
        if isLeft { left[node] = Int32(child) } else { right[node] = Int32(child) }
    }

    public func isLeaf(_ node: Int) -> Bool { left[node] == Self.leafChild }

    /// scikit-learn's `get_depth()`: the longest path from the root to a leaf, in edges.
    public var depth: Int {
        guard nodeCount > 0 else { return 0 }
        var depths = [Int](repeating: 0, count: nodeCount)
        var deepest = 0
        // Children always come after their parent in depth-first numbering.
        for node in 0..<nodeCount where !isLeaf(node) {
            depths[Int(left[node])] = depths[node] + 1
            depths[Int(right[node])] = depths[node] + 1
            deepest = max(deepest, depths[node] + 1)
        }
        return deepest
    }

    /// scikit-learn's `get_n_leaves()`.
    public var leafCount: Int { (0..<nodeCount).count(where: isLeaf) }

    /// The impurity decrease each feature brings, weighted by the samples reaching each split
    /// and divided by the root's weight (not yet normalised to sum to 1).
    func impurityDecrease(features: Int) -> [Double] {
        var total = [Double](repeating: 0, count: features)
        guard nodeCount > 0 else { return total }
        for node in 0..<nodeCount where !isLeaf(node) {
            let (l, r) = (Int(left[node]), Int(right[node]))
            total[Int(feature[node])] += weightedNodeSamples[node] * impurity[node]
                - weightedNodeSamples[l] * impurity[l] - weightedNodeSamples[r] * impurity[r]
        }
        return total.map { $0 / weightedNodeSamples[0] }
    }

    /// `feature_importances_`: the impurity decreases normalised to sum to 1 (all zeros for a
    /// tree that is a single leaf, as scikit-learn gives).
    func featureImportances(features: Int) -> [Double] {
        TreeSupport.normalised(impurityDecrease(features: features))
    }
}
