import Testing
import TensorKit
@testable import MNLClassic

/// Prediction routes float32 rows through `RoutingTree`'s float32 bounds; the fitted trees
/// split on float64 thresholds. The two comparisons must agree for every float32 value.
@Suite struct TreeRoutingTests {
    @Test func theFloatBoundComparesAsTheDoubleThreshold() {
        var generator = SystemRandomNumberGenerator()
        var thresholds: [Double] = [0, -0.0, 0.5, 1.0 / 3, 1e39, -1e39, 1e-46, Double(Float.greatestFiniteMagnitude)]
        for _ in 0..<2000 {
            // Midpoints of neighbouring float32 values, as the splitter makes them, and others.
            let a = Float.random(in: -10...10, using: &generator)
            thresholds.append(Double(a) / 2 + Double(a.nextUp) / 2)
            thresholds.append(Double.random(in: -1e6...1e6, using: &generator))
        }
        for t in thresholds {
            let bound = RoutingTree.floatBound(t)
            let f = Float(t)
            for v in [f.nextDown, f, f.nextUp, bound, bound.nextUp, -.infinity, .infinity, 0] {
                #expect((Double(v) <= t) == (v <= bound), "threshold \(t), value \(v)")
            }
        }
    }

    @Test func aForestPredictsTheSameOnFloat32AndFloat64Rows() throws {
        var values = [Double]()
        for i in 0..<300 { values.append(Double((i * 37) % 101) / 7); values.append(Double((i * 53) % 89) / 3) }
        let x = try Tensor(shape: [300, 2], values: values, dtype: .float64)
        let y = try Tensor(shape: [300], values: (0..<300).map { Double(($0 * 37) % 101 > 50 ? 1 : 0) }, dtype: .int64)
        let forest = try RandomForestClassifier(parameters: ["n_estimators": .int(5), "random_state": .int(1)], generator: RandomGenerator(seed: 0))
        try forest.fit(x, y, monitor: .silent)
        let p64 = try forest.predictProba(x).toDoubles()
        let p32 = try forest.predictProba(try x.cast(to: .float32)).toDoubles()
        #expect(p64 == p32)
        #expect(Set(p64).count > 2)  // the trees did split: rows reach leaves of different mixes
        // A block of rows moved down level by level reaches the leaves each row reaches alone.
        let rows = try TreeRows(x, model: "test", fittedFeatures: 2)
        for tree in try #require(forest.fitted).trees {
            let route = RoutingTree(tree)
            let pointers = (0..<rows.rows).map { rows.row($0) }
            var leaves = [Int32](repeating: -1, count: rows.rows)
            pointers.withUnsafeBufferPointer { p in leaves.withUnsafeMutableBufferPointer { route.leaves(of: p, into: $0) } }
            #expect(leaves.map(Int.init) == pointers.map(route.leaf(of:)))
            #expect(leaves.allSatisfy { tree.isLeaf(Int($0)) })
        }
    }
}
