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
    /// The longest root-to-leaf path, in steps.
    let depth: Int

    /// `tree` must be well formed (children after their parent and in range, features within
    /// the row length), as built trees and loaded ones (`TreeStructure(saved:)` checks) are.
    /// A leaf points at itself both ways, so extra steps past a leaf stay on it.
    init(_ tree: TreeStructure) {
        nodes = (0..<tree.nodeCount).map { node in
            let leaf = tree.left[node] == TreeStructure.leafChild
            return Node(bound: leaf ? 0 : Self.floatBound(tree.threshold[node]), feature: leaf ? 0 : tree.feature[node],
                        left: leaf ? Int32(node) : tree.left[node], right: leaf ? Int32(node) : tree.right[node])
        }
        depth = tree.depth
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
                if n.left == Int32(node) { return node }
                node = Int(row[Int(n.feature)] <= n.bound ? n.left : n.right)
            }
        }
    }

    /// The leaves of several rows at once (`leaves[r]` for `rows[r]`), all moved down one
    /// level per step for `depth` steps. One row's walk is a chain of dependent loads; the
    /// rows' chains are independent, so their cache misses overlap instead of queueing.
    func leaves(of rows: UnsafeBufferPointer<UnsafePointer<Float>>, into leaves: UnsafeMutableBufferPointer<Int32>) {
        nodes.withUnsafeBufferPointer { nodes in
            for r in rows.indices { leaves[r] = 0 }
            for _ in 0..<depth {
                for r in rows.indices {
                    let n = nodes[Int(leaves[r])]
                    leaves[r] = rows[r][Int(n.feature)] <= n.bound ? n.left : n.right
                }
            }
        }
    }
}
