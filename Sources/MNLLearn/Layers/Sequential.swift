import Foundation
import TensorKit

/// `nn.Sequential(...)`: layers applied in order, named "0", "1", ... so that parameter
/// paths read as PyTorch's (`"0.weight"`).
public final class Sequential: Layer {
    public private(set) var layers: [any Layer]
    public var training = true

    public init(_ layers: [any Layer]) { self.layers = layers }

    public var typeName: String { "Sequential" }
    public var description: String {
        "Sequential(\n" + layers.enumerated().map { "  (\($0.offset)): " + $0.element.description.replacingOccurrences(of: "\n", with: "\n  ") }.joined(separator: "\n") + "\n)"
    }
    public var children: [(name: String, layer: any Layer)] { layers.enumerated().map { (String($0.offset), $0.element) } }

    public func forward(_ x: Traced, _ run: ForwardRun) throws -> Traced {
        var y = x
        for layer in layers {
            try Cancellation.check()
            y = try layer.forward(y, run)
        }
        return y
    }
}

/// Keras's `model.summary()`: each layer's output shape for an input of `inputShape`
/// (without the batch axis) and its parameter count, then the totals.
public struct ModelSummary {
    public struct Row: Equatable {
        public let name: String
        public let outputShape: [Int]
        public let parameters: Int
    }

    public let rows: [Row]
    public let total: Int

    /// Runs the model once on zeros of one example, layer by layer, in evaluation (nothing
    /// updates), to find each layer's output shape.
    public init(_ model: any Layer, inputShape: [Int], dtype: DType = .float32) throws {
        let layers = (model as? Sequential)?.layers ?? [model]
        let run = ForwardRun(generator: RandomGenerator(seed: 0), inferenceOnly: true)
        var x = Traced(constant: try Tensor.zeros([1] + inputShape, dtype: dtype))
        var rows: [Row] = []
        for (i, layer) in layers.enumerated() {
            x = try layer.forward(x, run)
            rows.append(Row(name: "\(layer.typeName.lowercased())_\(i) (\(layer.typeName))", outputShape: Array(x.shape.dropFirst()),
                            parameters: layer.parameterCount))
        }
        self.rows = rows
        total = model.parameterCount
    }

    /// The table, as Keras prints it.
    public var text: String {
        func shape(_ s: [Int]) -> String { "(None" + s.map { ", \($0)" }.joined() + ")" }
        let nameWidth = max(28, (rows.map(\.name.count).max() ?? 0) + 2)
        let shapeWidth = max(26, (rows.map { shape($0.outputShape).count }.max() ?? 0) + 2)
        func line(_ a: String, _ b: String, _ c: String) -> String {
            a.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + b.padding(toLength: shapeWidth, withPad: " ", startingAt: 0) + c
        }
        let rule = String(repeating: "─", count: nameWidth + shapeWidth + 12)
        var out = [rule, line("Layer (type)", "Output Shape", "Param #"), rule]
        out += rows.map { line($0.name, shape($0.outputShape), grouped($0.parameters)) }
        out += [rule, "Total params: \(grouped(total))", rule]
        return out.joined(separator: "\n")
    }
}

/// 101,770: thousands separated by commas, as Keras prints counts.
func grouped(_ n: Int) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, d) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
        out.append(d)
    }
    return out
}
