import TensorKit

/// What a fitted decision tree keeps: the tree, the feature count it was fitted on, and for a
/// classifier the labels its class indices stand for.
struct FittedTree: Sendable {
    var tree: TreeStructure
    var featureCount: Int
    var classes: Tensor?

    /// The leaf values for every row of `x`: (rows, outputs), row-major.
    func leafValues(_ x: Tensor, model: String) throws -> (rows: Int, values: [Double]) {
        let input = try TreeRows(x, model: model, fittedFeatures: featureCount)
        let width = tree.outputs
        var values = [Double](repeating: 0, count: input.rows * width)
        let route = RoutingTree(tree)
        for i in 0..<input.rows {
            let leaf = route.leaf(of: input.row(i))
            for k in 0..<width { values[i * width + k] = tree.value[leaf * width + k] }
        }
        return (input.rows, values)
    }

    var featureImportances: Tensor {
        (try? Tensor(shape: [featureCount], elements: tree.featureImportances(features: featureCount)))
            ?? Tensor(scalar: 0.0)
    }

    /// The saved state: the tree's arrays, the fitted feature count and the classes.
    func savedState() -> [String: Tensor] {
        var state = tree.savedTensors(prefix: "tree.")
        state["n_features_in"] = Tensor(scalar: Int64(featureCount))
        if let classes { state["classes"] = classes }
        return state
    }

    init(tree: TreeStructure, featureCount: Int, classes: Tensor?) {
        self.tree = tree
        self.featureCount = featureCount
        self.classes = classes
    }

    init(saved state: [String: Tensor], classifier: Bool, model: String) throws {
        let featureCount = try TreeSupport.savedCount(state, "n_features_in", model: model)
        var classes: Tensor?
        if classifier {
            guard let saved = state["classes"], saved.ndim == 1, saved.count > 0 else {
                throw ModelError.badSavedState(model: model, message: "the saved state has no 1-D tensor 'classes'")
            }
            classes = saved
        }
        let tree = try TreeStructure(saved: state, prefix: "tree.", outputs: classes?.count ?? 1,
                                     features: featureCount, model: model)
        self.init(tree: tree, featureCount: featureCount, classes: classes)
    }
}

extension TreeSupport {
    /// A positive count saved as a one-element tensor.
    static func savedCount(_ state: [String: Tensor], _ name: String, model: String) throws -> Int {
        guard let t = state[name], t.count == 1, let v = try? t.item(), v >= 1, v < 1e9, v == v.rounded() else {
            throw ModelError.badSavedState(model: model, message: "the saved state has no positive count '\(name)'")
        }
        return Int(v)
    }

    /// Predicted labels from (rows, classes) probabilities.
    static func predictedLabels(_ probabilities: [Double], rows: Int, classes: Tensor) throws -> Tensor {
        try labels(for: rowArgmax(probabilities, rows: rows, width: classes.count), classes: classes)
    }
}
