import Dispatch
import Synchronization
import TensorKit

/// Grows a forest's trees on the cores. Every tree gets its own generator, seeded from the
/// forest's before any tree starts, so a tree's bootstrap sample and feature draws depend only
/// on its index, never on which thread built it or when: the same seed gives the same forest
/// on one core or two.
struct ForestGrower {
    let data: TreeTrainingData
    let growth: TreeGrowth
    let settings: ForestSettings

    func grow(generator: RandomGenerator, monitor: FitMonitor) throws -> [TreeStructure] {
        let count = settings.estimators
        let builder = TreeBuilder(data: data, growth: growth, cancellation: Cancellation.current)
        let workers = settings.workers
        monitor.total(count, "trees")
        var trees = [TreeStructure]()
        // Batches of one tree per worker: progress and Ctrl-C are handled on this thread,
        // between batches (the monitor is not for worker threads); a tree in progress also
        // stops on the flag the builder holds. Seeds are drawn in tree order whatever the
        // batch size, so the forest does not depend on the number of workers.
        while trees.count < count {
            let batch = min(workers, count - trees.count)
            let seeds = (0..<batch).map { _ in generator.nextUInt64() }
            let results = Mutex([Result<TreeStructure, any Error>?](repeating: nil, count: batch))
            DispatchQueue.concurrentPerform(iterations: batch) { j in
                let result = Result { try self.tree(seed: seeds[j], builder: builder) }
                results.withLock { $0[j] = result }
            }
            for result in results.withLock({ $0 }) { trees.append(try (result ?? .failure(TensorError.interrupted)).get()) }
            try monitor.step(trees.count, nil)
        }
        return trees
    }

    /// One tree: a bootstrap sample (n rows drawn with replacement, kept as per-row counts, as
    /// scikit-learn does) and the tree grown on it.
    private func tree(seed: UInt64, builder: TreeBuilder) throws -> TreeStructure {
        let generator = RandomGenerator(seed: seed)
        let n = data.rows
        var weights = [Double](repeating: settings.bootstrap ? 0 : 1, count: n)
        if settings.bootstrap {
            for _ in 0..<n { weights[Int(generator.nextInt(below: UInt64(n)))] += 1 }
        }
        return try builder.build(weights: weights, generator: generator)
    }
}

/// A fitted forest: its trees and what prediction needs.
struct FittedForest: Sendable {
    var trees: [TreeStructure]
    var featureCount: Int
    var classes: Tensor?

    /// Rows routed through all the trees together (about 100 KB of float32 images).
    static let predictBlockRows = 32

    /// The mean over trees of the leaf values of every row: (rows, outputs), row-major.
    func meanLeafValues(_ x: Tensor, model: String) throws -> (rows: Int, values: [Double]) {
        let input = try TreeRows(x, model: model, fittedFeatures: featureCount)
        let width = trees.first?.outputs ?? 1
        var values = [Double](repeating: 0, count: input.rows * width)
        let trees = self.trees
        let routes = trees.map(RoutingTree.init)
        let scale = 1 / Double(trees.count)
        values.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let out = TreeParallel.Pointer(base: base)
            TreeParallel.forEachChunk(count: input.rows, unitCost: trees.count * 16) { rows in
                // Tree by tree over a block of rows: one tree's nodes and leaf values and the
                // block's rows stay in cache together (row by row, every row fetched all the
                // trees from memory again). Each row still sums the trees in order.
                var features = [UnsafePointer<Float>](repeating: input.row(0), count: Self.predictBlockRows)
                var leaves = [Int32](repeating: 0, count: Self.predictBlockRows)
                for block in stride(from: rows.lowerBound, to: rows.upperBound, by: Self.predictBlockRows) {
                    let blockRows = block..<min(block + Self.predictBlockRows, rows.upperBound)
                    for (r, i) in blockRows.enumerated() { features[r] = input.row(i) }
                    for (tree, route) in zip(trees, routes) {
                        features.withUnsafeBufferPointer { rowsOfBlock in
                            leaves.withUnsafeMutableBufferPointer { leavesOfBlock in
                                route.leaves(of: UnsafeBufferPointer(rebasing: rowsOfBlock[..<blockRows.count]),
                                             into: UnsafeMutableBufferPointer(rebasing: leavesOfBlock[..<blockRows.count]))
                            }
                        }
                        for (r, i) in blockRows.enumerated() {
                            let leaf = Int(leaves[r])
                            let row = out.base + i * width
                            for k in 0..<width { row[k] += tree.value[leaf * width + k] }
                        }
                    }
                    for i in blockRows { for k in 0..<width { out.base[i * width + k] *= scale } }
                }
            }
        }
        return (input.rows, values)
    }

    /// scikit-learn's: the mean of the trees' normalised importances (trees that are a single
    /// leaf left out), normalised again.
    var featureImportances: Tensor {
        let grown = trees.filter { $0.nodeCount > 1 }
        var sum = [Double](repeating: 0, count: featureCount)
        for tree in grown {
            for (f, v) in tree.featureImportances(features: featureCount).enumerated() { sum[f] += v }
        }
        let mean = TreeSupport.normalised(sum.map { $0 / Double(max(grown.count, 1)) })
        return (try? Tensor(shape: [featureCount], elements: mean)) ?? Tensor(scalar: 0.0)
    }

    func savedState() -> [String: Tensor] {
        var state = ["n_features_in": Tensor(scalar: Int64(featureCount)), "n_trees": Tensor(scalar: Int64(trees.count))]
        if let classes { state["classes"] = classes }
        for (i, tree) in trees.enumerated() { state.merge(tree.savedTensors(prefix: "trees.\(i)."), uniquingKeysWith: { a, _ in a }) }
        return state
    }

    init(trees: [TreeStructure], featureCount: Int, classes: Tensor?) {
        self.trees = trees
        self.featureCount = featureCount
        self.classes = classes
    }

    init(saved state: [String: Tensor], classifier: Bool, model: String) throws {
        featureCount = try TreeSupport.savedCount(state, "n_features_in", model: model)
        let count = try TreeSupport.savedCount(state, "n_trees", model: model)
        if classifier {
            guard let saved = state["classes"], saved.ndim == 1, saved.count > 0 else {
                throw ModelError.badSavedState(model: model, message: "the saved state has no 1-D tensor 'classes'")
            }
            classes = saved
        }
        let (outputs, features) = (classes?.count ?? 1, featureCount)
        trees = try (0..<count).map {
            try TreeStructure(saved: state, prefix: "trees.\($0).", outputs: outputs, features: features, model: model)
        }
    }
}
