import TensorKit

/// A tree saved as scikit-learn names `tree_`'s arrays, each a plain tensor under `prefix`.
extension TreeStructure {
    func savedTensors(prefix: String) -> [String: Tensor] {
        let n = nodeCount
        func ints(_ a: [Int32]) -> Tensor { (try? Tensor(shape: [n], elements: a.map { Int64($0) })) ?? Tensor(scalar: Int64(0)) }
        func doubles(_ a: [Double], _ shape: [Int]) -> Tensor { (try? Tensor(shape: shape, elements: a)) ?? Tensor(scalar: 0.0) }
        return [prefix + "feature": ints(feature),
                prefix + "threshold": doubles(threshold, [n]),
                prefix + "children_left": ints(left),
                prefix + "children_right": ints(right),
                prefix + "value": doubles(value, [n, outputs]),
                prefix + "impurity": doubles(impurity, [n]),
                prefix + "n_node_samples": ints(nodeSamples),
                prefix + "weighted_n_node_samples": doubles(weightedNodeSamples, [n])]
    }

    /// Reads a saved tree back and checks that walking it can never leave the arrays or loop:
    /// every child comes after its parent, every split names a fitted feature.
    init(saved state: [String: Tensor], prefix: String, outputs: Int, features: Int, model: String) throws {
        func tensor(_ name: String) throws -> Tensor {
            guard let t = state[prefix + name] else {
                throw ModelError.badSavedState(model: model, message: "the saved state has no tensor '\(prefix + name)'")
            }
            return t
        }
        let featureTensor = try tensor("feature")
        let n = featureTensor.count
        func read(_ name: String, shape: [Int]) throws -> Tensor {
            let t = try tensor(name)
            guard t.shape == shape else {
                throw ModelError.badSavedState(model: model, message: "tensor '\(prefix + name)' has shape \(t.shape), expected \(shape)")
            }
            return t
        }
        guard n > 0, featureTensor.shape == [n] else {
            throw ModelError.badSavedState(model: model, message: "tensor '\(prefix)feature' must be a non-empty 1-D tensor")
        }
        self.init(outputs: outputs)
        feature = featureTensor.toInt64s().map { Int32(clamping: $0) }
        threshold = try read("threshold", shape: [n]).toDoubles()
        left = try read("children_left", shape: [n]).toInt64s().map { Int32(clamping: $0) }
        right = try read("children_right", shape: [n]).toInt64s().map { Int32(clamping: $0) }
        value = try read("value", shape: [n, outputs]).toDoubles()
        impurity = try read("impurity", shape: [n]).toDoubles()
        nodeSamples = try read("n_node_samples", shape: [n]).toInt64s().map { Int32(clamping: $0) }
        weightedNodeSamples = try read("weighted_n_node_samples", shape: [n]).toDoubles()
        for node in 0..<n where !isWellFormed(node, features: features) {
            throw ModelError.badSavedState(model: model, message: "tree node \(node) in '\(prefix)' has children or a feature out of range")
        }
    }

    private func isWellFormed(_ node: Int, features: Int) -> Bool {
        if left[node] == Self.leafChild { return right[node] == Self.leafChild }
        let n = nodeCount
        return Int(left[node]) > node && Int(left[node]) < n && Int(right[node]) > node && Int(right[node]) < n
            && feature[node] >= 0 && Int(feature[node]) < features
    }
}
