import Foundation
import Testing
import TensorKit
@testable import MNLLearn

/// A CNN of every layer kind against PyTorch's (scripts/make-layer-fixtures.py): same
/// weights, same outputs, loss, gradients by path and running statistics.
@Suite struct LayerTests {
    func cnn() throws -> Sequential {
        let g = RandomGenerator(seed: 1)
        return Sequential([
            try Conv2d(1, 3, kernel: (3, 3), padding: (1, 1), dtype: .float64, using: g),
            try BatchNorm(3, spatial: true, dtype: .float64), Activation(.relu), try Pool2d(.max, kernel: (2, 2)),
            try Conv2d(3, 4, kernel: (2, 2), stride: (2, 2), bias: false, dtype: .float64, using: g),
            try Pool2d(.average, kernel: (2, 2)), Flatten(),
            try Linear(4, 16, dtype: .float64, using: g), Activation(.gelu(.tanh)), try Dropout(0.3),
            try BatchNorm(16, spatial: false, dtype: .float64), Activation(.leakyRelu(slope: 0.1)),
            try Linear(16, 8, dtype: .float64, using: g), Activation(.tanh), try Linear(8, 5, dtype: .float64, using: g),
            Activation(.sigmoid), try Linear(5, 5, dtype: .float64, using: g), Activation(.logSoftmax(axis: 1)),
        ])
    }

    /// The model with PyTorch's weights loaded by path.
    func loaded(_ c: [String: Any]) throws -> Sequential {
        let model = try cnn()
        let state = try #require(c["state"] as? [String: Any])
        let entries = model.stateEntries()
        #expect(Set(entries.map(\.path)) == Set(state.keys))
        for e in entries { try e.layer.setTensor(e.name, try PyTorchFixtures.tensor(state[e.path])) }
        return model
    }

    @Test func aCNNMatchesPyTorchInTrainingAndEvaluation() throws {
        let c = try #require(try PyTorchFixtures.cases("layers").first)
        let model = try loaded(c)
        #expect(model.description == c["repr"] as? String)
        #expect(model.parameterCount == c["parameter_count"] as? Int)
        let x = try PyTorchFixtures.tensor(c["input"])
        let labels = try Tensor(shape: [6], elements: try #require(c["labels"] as? [Int]).map(Int64.init))
        model.setTraining(true)
        model.layers[9].training = false

        let tape = Tape(), run = ForwardRun(generator: RandomGenerator(seed: 0))
        var leaves: [String: Traced] = [:]
        for entry in model.namedParameters() {
            let leaf = tape.leaf(entry.tensor)
            run.trace(entry, as: leaf)
            leaves[entry.path] = leaf
        }
        let out = try model.forward(Traced(constant: x), run)
        try PyTorchFixtures.expectClose(out.value, try PyTorchFixtures.tensor(c["train_output"]), tolerance: 1e-10, "training output")
        let loss = try Traced.nllLoss(out, labels: labels)
        #expect(abs(try loss.value.toDoubles()[0] - (c["loss"] as? Double ?? .nan)) < 1e-12)
        let grads = try tape.backward(loss)
        let expected = try #require(c["gradients"] as? [String: Any])
        #expect(Set(leaves.keys) == Set(expected.keys))
        for (path, leaf) in leaves {
            try PyTorchFixtures.expectClose(try grads[leaf], try PyTorchFixtures.tensor(expected[path]), tolerance: 1e-9, "gradient of \(path)")
        }
        let running = try #require(c["running"] as? [String: Any])
        for e in model.stateEntries() where running[e.path] != nil {
            try PyTorchFixtures.expectClose(e.tensor, try PyTorchFixtures.tensor(running[e.path]), "\(e.path) after one batch")
        }
        model.setTraining(false)
        try PyTorchFixtures.expectClose(try model(x, generator: RandomGenerator(seed: 0)), try PyTorchFixtures.tensor(c["eval_output"]),
                                        tolerance: 1e-10, "evaluation output")
    }

    /// nn.GELU() in PyTorch's default exact form, inside a small MLP: output, repr and the
    /// gradients of sum(output²) by path.
    @Test func theExactGELUMatchesPyTorch() throws {
        let c = try #require(try PyTorchFixtures.cases("layers").first { $0["name"] as? String == "gelu_mlp" })
        let g = RandomGenerator(seed: 1)
        let model = Sequential([try Linear(3, 6, dtype: .float64, using: g), Activation(.gelu(.exact)), try Linear(6, 2, dtype: .float64, using: g)])
        let state = try #require(c["state"] as? [String: Any])
        for e in model.stateEntries() { try e.layer.setTensor(e.name, try PyTorchFixtures.tensor(state[e.path])) }
        #expect(model.description == c["repr"] as? String)
        let tape = Tape(), run = ForwardRun(generator: g)
        var leaves: [String: Traced] = [:]
        for entry in model.namedParameters() {
            let leaf = tape.leaf(entry.tensor)
            run.trace(entry, as: leaf)
            leaves[entry.path] = leaf
        }
        let out = try model.forward(Traced(constant: try PyTorchFixtures.tensor(c["input"])), run)
        try PyTorchFixtures.expectClose(out.value, try PyTorchFixtures.tensor(c["output"]), tolerance: 1e-12, "output")
        let grads = try tape.backward(out.pow(2).sum())
        let expected = try #require(c["gradients"] as? [String: Any])
        #expect(Set(leaves.keys) == Set(expected.keys))
        for (path, leaf) in leaves {
            try PyTorchFixtures.expectClose(try grads[leaf], try PyTorchFixtures.tensor(expected[path]), tolerance: 1e-12, "gradient of \(path)")
        }
    }

    @Test func dropoutDropsAtItsRateAndScalesTheRest() throws {
        let d = try Dropout(0.25)
        let x = try Tensor.ones([100_000], dtype: .float64)
        let y = try d(x, generator: RandomGenerator(seed: 5)).toDoubles()
        let kept = y.filter { $0 != 0 }
        #expect(abs(Double(kept.count) / 100_000 - 0.75) < 0.01)
        #expect(kept.allSatisfy { abs($0 - 1 / 0.75) < 1e-12 })
        d.training = false
        #expect(try d(x, generator: RandomGenerator(seed: 5)).toDoubles() == [Double](repeating: 1, count: 100_000))
    }

    @Test func summaryListsShapesAndCounts() throws {
        let g = RandomGenerator(seed: 2)
        let model = Sequential([try Linear(784, 100, using: g), Activation(.relu), try Linear(100, 10, using: g)])
        let s = try ModelSummary(model, inputShape: [784])
        #expect(s.rows.map(\.outputShape) == [[100], [100], [10]])
        #expect(s.rows.map(\.parameters) == [78_500, 0, 1_010])
        #expect(s.total == 79_510)
        #expect(s.text.contains("linear_0 (Linear)") && s.text.contains("(None, 100)") && s.text.contains("Total params: 79,510"))
        #expect(throws: TensorError.self) { try ModelSummary(model, inputShape: [785]) }
    }

    @Test func badLayerSettingsNameThemselves() {
        let g = RandomGenerator(seed: 0)
        #expect(throws: LearnError.badHyperparameter(owner: "Linear", name: "out_features", value: 0, expected: "at least 1")) {
            try Linear(3, 0, using: g)
        }
        #expect(throws: LearnError.badHyperparameter(owner: "Dropout", name: "p", value: 1, expected: "at least 0 and below 1")) {
            try Dropout(1)
        }
        #expect(throws: LearnError.badHyperparameter(owner: "BatchNorm2d", name: "momentum", value: 2, expected: "between 0 and 1")) {
            try BatchNorm(4, spatial: true, momentum: 2)
        }
    }

    @Test func wrongInputsAreShapeErrors() throws {
        let g = RandomGenerator(seed: 0)
        #expect(throws: TensorError.self) { try Linear(4, 2, using: g)(try Tensor.zeros([3, 5]), generator: g) }
        #expect(throws: TensorError.self) { try BatchNorm(3, spatial: true)(try Tensor.zeros([2, 3]), generator: g) }
        let linear = try Linear(4, 2, using: g)
        #expect(throws: TensorError.self) { try linear.setTensor("weight", try Tensor.zeros([4, 2])) }
    }
}
