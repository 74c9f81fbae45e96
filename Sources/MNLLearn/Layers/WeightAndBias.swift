import TensorKit

/// A weight and an optional bias, by name: the parameters of Linear and Conv2d, so that the
/// two layers share how they list, read and replace them.
struct WeightAndBias {
    var weight: Tensor
    var bias: Tensor?

    var names: [String] { bias == nil ? ["weight"] : ["weight", "bias"] }

    func tensor(named name: String) -> Tensor? { name == "weight" ? weight : name == "bias" ? bias : nil }

    /// Replaces one of them (loading a file), checked by `layer`'s rules.
    mutating func set(_ name: String, _ value: Tensor, in layer: any Layer) throws {
        if name == "weight" {
            weight = try layer.checkedReplacement(name, old: weight, new: value)
        } else if name == "bias", let old = bias {
            bias = try layer.checkedReplacement(name, old: old, new: value)
        } else {
            throw TensorError.invalidArgument(op: layer.typeName, message: "\(layer.typeName) has no tensor named '\(name)'")
        }
    }
}
