/// One tree of a gradient-boosting model: nodes in the order they were made (a node's
/// children come after it), leaves holding their value already scaled by the learning rate.
struct BoostedTree: Sendable, Equatable {
    static let noChild: Int32 = -1
    var feature: [Int32] = []
    /// Rows with `x[feature] <= threshold` go left (the bin threshold's upper value).
    var threshold: [Double] = []
    /// The same split on bin codes: `bin <= binThreshold` goes left.
    var binThreshold: [UInt8] = []
    var left: [Int32] = []
    var right: [Int32] = []
    var value: [Double] = []

    var nodeCount: Int { feature.count }
    func isLeaf(_ node: Int) -> Bool { left[node] == Self.noChild }
    var leafCount: Int { (0..<nodeCount).count(where: isLeaf) }

    mutating func addNode(value v: Double) -> Int {
        feature.append(-1); threshold.append(0); binThreshold.append(0)
        left.append(Self.noChild); right.append(Self.noChild); value.append(v)
        return nodeCount - 1
    }

    /// The value for a row of features (row-major `x` at `row * features`).
    @inline(__always)
    func predict(_ x: UnsafePointer<Double>) -> Double {
        var node = 0
        while left[node] != Self.noChild {
            node = Int(x[Int(feature[node])] <= threshold[node] ? left[node] : right[node])
        }
        return value[node]
    }

    /// The depth of the deepest leaf (edges from the root).
    var depth: Int {
        var depths = [Int](repeating: 0, count: nodeCount), deepest = 0
        for node in 0..<nodeCount where !isLeaf(node) {
            for child in [Int(left[node]), Int(right[node])] {
                depths[child] = depths[node] + 1
                deepest = max(deepest, depths[child])
            }
        }
        return deepest
    }
}
