/// A tree laid out for sending rows down it: one 16-byte node holding everything a step reads,
/// so each level costs one load for the node and one for the feature (the parallel arrays of
/// `TreeStructure` cost three or four cache lines a level, and routing is a chain of such
/// dependent loads).
struct RoutingTree: Sendable {
    struct Node: Sendable {
        /// The split as a float32 bound: for a float32 feature value v, `Double(v) <= threshold`
        /// exactly when `v <= bound`, with bound the largest float32 not above the threshold.
        var bound: Float
        var feature: Int32
        var left: Int32
        var right: Int32
    }

    let nodes: [Node]

    /// `tree` must be well formed (children after their parent and in range, features within
    /// the row length), as built trees and loaded ones (`TreeStructure(saved:)` checks) are.
    init(_ tree: TreeStructure) {
        nodes = (0..<tree.nodeCount).map { node in
            Node(bound: Self.floatBound(tree.threshold[node]), feature: max(tree.feature[node], 0),
                 left: tree.left[node], right: tree.right[node])
        }
    }

    /// The largest float32 that is not above `t`.
    static func floatBound(_ t: Double) -> Float {
        let f = Float(t)
        return Double(f) > t ? f.nextDown : f
    }

    /// The leaf a row (its features in order, as float32) falls in.
    func leaf(of row: UnsafePointer<Float>) -> Int {
        nodes.withUnsafeBufferPointer { nodes in
            var node = 0
            while true {
                let n = nodes[node]
                if n.left == TreeStructure.leafChild { return node }
                node = Int(row[Int(n.feature)] <= n.bound ? n.left : n.right)
            }
        }
    }
}
