import TensorKit

/// A fitted boosting model: the baseline, the trees (iteration by iteration, one per class
/// within an iteration) and the scores recorded while fitting.
struct FittedBoosting: Sendable {
    var baseline: [Double]
    var trees: [BoostedTree]
    var treesPerIteration: Int
    var featureCount: Int
    var trainScores: [Double]
    var validationScores: [Double]
    var classes: Tensor? = nil

    var iterations: Int { trees.count / max(treesPerIteration, 1) }

    /// Raw scores of every row of `x`, class-major (`raw[k * rows + i]`), on the cores.
    func raw(_ x: BoostingInput) -> [Double] {
        let (n, k, d) = (x.rows, treesPerIteration, x.features)
        var raw = (0..<k * n).map { baseline[$0 / n] }
        let trees = self.trees
        raw.withUnsafeMutableBufferPointer { out in
            x.values.withUnsafeBufferPointer { values in
                guard let outBase = out.baseAddress, let xBase = values.baseAddress else { return }
                let (result, rowsIn) = (TreeParallel.Pointer(base: outBase), UnsafeSendable(xBase))
                TreeParallel.forEachChunk(count: n, unitCost: trees.count * 8) { rows in
                    for i in rows {
                        let row = rowsIn.value + i * d
                        for (t, tree) in trees.enumerated() { result.base[(t % k) * n + i] += tree.predict(row) }
                    }
                }
            }
        }
        return raw
    }

    func savedState() -> [String: Tensor] {
        var state = [String: Tensor]()
        var starts: [Int64] = [0], feature = [Int64](), threshold = [Double](), left = [Int64](), right = [Int64](), value = [Double]()
        for tree in trees {
            feature += tree.feature.map { Int64($0) }
            threshold += tree.threshold
            left += tree.left.map { Int64($0) }
            right += tree.right.map { Int64($0) }
            value += tree.value
            starts.append(Int64(feature.count))
        }
        func put<T: TensorElement>(_ name: String, _ a: [T]) { state[name] = try? Tensor(shape: [a.count], elements: a) }
        put("tree_starts", starts); put("feature", feature); put("threshold", threshold)
        put("children_left", left); put("children_right", right); put("value", value)
        put("baseline", baseline); put("train_score", trainScores); put("validation_score", validationScores)
        state["n_features_in"] = Tensor(scalar: Int64(featureCount))
        if let classes { state["classes"] = classes }
        return state
    }

    init(baseline: [Double], trees: [BoostedTree], treesPerIteration: Int, featureCount: Int,
         trainScores: [Double], validationScores: [Double]) {
        self.baseline = baseline
        self.trees = trees
        self.treesPerIteration = treesPerIteration
        self.featureCount = featureCount
        self.trainScores = trainScores
        self.validationScores = validationScores
    }

    /// Reads a saved model back, checking every tree can be walked without leaving its nodes.
    init(saved state: [String: Tensor], classifier: Bool, model: String) throws {
        func bad(_ message: String) -> ModelError { .badSavedState(model: model, message: message) }
        func array(_ name: String) throws -> Tensor {
            guard let t = state[name], t.ndim == 1 else { throw bad("the saved state has no 1-D tensor '\(name)'") }
            return t
        }
        featureCount = try TreeSupport.savedCount(state, "n_features_in", model: model)
        baseline = try array("baseline").toDoubles()
        treesPerIteration = baseline.count
        if classifier {
            let classes = try array("classes")
            guard classes.count == max(2, treesPerIteration) || (classes.count == 2 && treesPerIteration == 1) else {
                throw bad("'classes' and 'baseline' do not agree")
            }
            self.classes = classes
        }
        trainScores = try array("train_score").toDoubles()
        validationScores = try array("validation_score").toDoubles()
        let starts = try array("tree_starts").toInt64s().map { Int($0) }
        let feature = try array("feature").toInt64s(), threshold = try array("threshold").toDoubles()
        let left = try array("children_left").toInt64s(), right = try array("children_right").toInt64s()
        let value = try array("value").toDoubles()
        let (nodes, features) = (feature.count, featureCount)
        guard [threshold.count, left.count, right.count, value.count].allSatisfy({ $0 == nodes }),
              starts.first == 0, starts.last == nodes, zip(starts, starts.dropFirst()).allSatisfy({ $0 < $1 }),
              treesPerIteration > 0, (starts.count - 1) % treesPerIteration == 0 else {
            throw bad("the tree arrays do not agree in length")
        }
        trees = try zip(starts, starts.dropFirst()).map { lo, hi in
            var tree = BoostedTree()
            for j in lo..<hi {
                let node = tree.addNode(value: value[j])
                let (l, r, f) = (left[j], right[j], feature[j])
                let count = Int64(hi - lo), local = Int64(node)
                guard l == -1 && r == -1 || (l > local && l < count && r > local && r < count && f >= 0 && f < features) else {
                    throw bad("tree node \(j) has children or a feature out of range")
                }
                tree.feature[node] = Int32(f); tree.threshold[node] = threshold[j]
                tree.left[node] = Int32(l); tree.right[node] = Int32(r)
            }
            return tree
        }
    }
}
