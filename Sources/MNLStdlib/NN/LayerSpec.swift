import Foundation
import MNLLearn
import TensorKit

/// A layer's architecture as JSON (its PyTorch type name and hyperparameters, with
/// PyTorch's argument names), and the layer rebuilt from it: what a saved model's metadata
/// holds. Building knows a fixed list of types, so a file can describe layers but never
/// make anything else happen.
enum LayerSpec {
    struct Failure: Error {
        let message: String
    }

    static func describe(_ layer: any Layer) throws -> [String: Any] {
        var d: [String: Any] = ["type": layer.typeName]
        switch layer {
        case let l as Linear:
            d["in_features"] = l.inFeatures
            d["out_features"] = l.outFeatures
            d["bias"] = l.tensor(named: "bias") != nil
        case let c as Conv2d:
            d["in_channels"] = c.inChannels
            d["out_channels"] = c.outChannels
            d["kernel_size"] = [c.kernel.0, c.kernel.1]
            d["stride"] = [c.stride.0, c.stride.1]
            d["padding"] = [c.padding.0, c.padding.1]
            d["bias"] = c.tensor(named: "bias") != nil
        case let p as Pool2d:
            d["kernel_size"] = [p.kernel.0, p.kernel.1]
            d["stride"] = [p.stride.0, p.stride.1]
            d["padding"] = [p.padding.0, p.padding.1]
        case is Flatten: break
        case let drop as Dropout: d["p"] = drop.p
        case let n as BatchNorm:
            d["num_features"] = n.features
            d["eps"] = n.eps
            d["momentum"] = n.momentum
        case let act as Activation:
            switch act.kind {
            case .leakyRelu(let slope): d["negative_slope"] = slope
            case .softmax(let axis), .logSoftmax(let axis): d["dim"] = axis
            case .gelu(let form): d["approximate"] = form.rawValue
            default: break
            }
        case let s as Sequential: d["layers"] = try s.layers.map(describe)
        case is ScriptLayer:
            throw Failure(message: "\(layer.typeName) is a class written in mnl, and a model file holds only built-in layers (loading never runs code); save its weights with save(path, model.parameters())")
        default: throw Failure(message: "a \(layer.typeName) layer cannot be saved")
        }
        return d
    }

    /// A GELU's form from its `approximate` entry. Files written before the exact form existed
    /// have none, and their GELU was the tanh approximation: that is what they were trained with.
    static func geluForm(_ entry: Any?) throws -> GELUApproximation {
        guard let entry else { return .tanh }
        guard let name = entry as? String, let form = GELUApproximation(rawValue: name) else {
            throw Failure(message: "the GELU layer's approximate is not \"none\" or \"tanh\"")
        }
        return form
    }

    /// The layer `json` describes, with fresh parameters (the file's are loaded after).
    static func build(_ json: Any, depth: Int = 0) throws -> any Layer {
        guard depth < 100 else { throw Failure(message: "the architecture nests layers more than 100 deep") }
        guard let d = json as? [String: Any], let type = d["type"] as? String else { throw Failure(message: "a layer of the architecture has no type") }
        let g = RandomGenerator(seed: 0)
        func int(_ key: String) throws -> Int {
            guard let n = d[key] as? Int else { throw Failure(message: "the \(type) layer's \(key) is missing or not an integer") }
            return n
        }
        func number(_ key: String) throws -> Double {
            guard let n = d[key] as? Double else { throw Failure(message: "the \(type) layer's \(key) is missing or not a number") }
            return n
        }
        func pair(_ key: String) throws -> (Int, Int) {
            guard let p = d[key] as? [Int], p.count == 2 else { throw Failure(message: "the \(type) layer's \(key) is missing or not a pair of integers") }
            return (p[0], p[1])
        }
        let bias = d["bias"] as? Bool ?? true
        do {
            switch type {
            case "Linear": return try Linear(try int("in_features"), try int("out_features"), bias: bias, using: g)
            case "Conv2d":
                return try Conv2d(try int("in_channels"), try int("out_channels"), kernel: try pair("kernel_size"), stride: try pair("stride"),
                                  padding: try pair("padding"), bias: bias, using: g)
            case "MaxPool2d", "AvgPool2d":
                return try Pool2d(type == "MaxPool2d" ? .max : .average, kernel: try pair("kernel_size"), stride: try pair("stride"), padding: try pair("padding"))
            case "Flatten": return Flatten()
            case "Dropout": return try Dropout(try number("p"))
            case "BatchNorm1d", "BatchNorm2d":
                return try BatchNorm(try int("num_features"), spatial: type == "BatchNorm2d", eps: try number("eps"), momentum: try number("momentum"))
            case "ReLU": return Activation(.relu)
            case "Sigmoid": return Activation(.sigmoid)
            case "Tanh": return Activation(.tanh)
            case "GELU": return Activation(.gelu(try geluForm(d["approximate"])))
            case "LeakyReLU": return Activation(.leakyRelu(slope: try number("negative_slope")))
            case "Softmax": return Activation(.softmax(axis: try int("dim")))
            case "LogSoftmax": return Activation(.logSoftmax(axis: try int("dim")))
            case "Sequential":
                guard let layers = d["layers"] as? [Any] else { throw Failure(message: "the Sequential's layers are missing") }
                return Sequential(try layers.map { try build($0, depth: depth + 1) })
            default: throw Failure(message: "unknown layer type '\(type)'")
            }
        } catch let e as LearnError {
            throw Failure(message: e.message)
        }
    }
}
