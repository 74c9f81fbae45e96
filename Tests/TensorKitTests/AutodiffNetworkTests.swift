import Testing
@testable import TensorKit

/// Activations, losses, convolution and pooling, and a small network end to end.
struct AutodiffNetworkTests {
    @Test func activations() throws {
        let x = try sample([3, 5])
        try checkGradients([x]) { try $0[0].relu() }
        try checkGradients([x]) { try $0[0].leakyRelu(alpha: 0.1) }
        try checkGradients([x]) { try $0[0].softmax(axis: -1) }
        try checkGradients([x]) { try $0[0].softmax(axis: 0) }
        try checkGradients([x]) { try $0[0].logSoftmax(axis: 1) }
        try checkGradients([x]) { try $0[0].gelu(approximate: .tanh) }
        try checkGradients([x]) { try $0[0].gelu() }
        try checkGradients([try sample([4, 3], scale: 4)]) { try $0[0].gelu(approximate: .exact) }  // tails and the bend
        let tanhForm = try Traced(constant: Tensor(shape: [3], values: [-1, 0, 2], dtype: .float64)).gelu(approximate: .tanh).value
        assertClose(tanhForm, try Tensor(shape: [3], values: [-0.15880800939172324, 0, 1.954597694087775], dtype: .float64))
        // The exact form (PyTorch's default) at the same points, as F.gelu gives them in float64,
        // and far in the negative tail, where PyTorch's 1 + erf(x/√2) keeps only 9 digits
        // (-5.919525869479969e-09) and erfc all of them (-6·Φ(-6) by mpmath at 30 digits).
        let exact = try Traced(constant: Tensor(shape: [4], values: [-1, 0, 2, -6], dtype: .float64)).gelu().value
        assertClose(exact, try Tensor(shape: [4], values: [-0.15865525393145702, 0, 1.9544997361036416, -5.919525870226189e-09], dtype: .float64),
                    rtol: 1e-14, atol: 0)
    }

    @Test func lossesFromLogits() throws {
        let logits = try sample([4, 3]), labels = try Tensor(shape: [4], elements: [Int64(0), 2, 1, 2])
        try checkGradients([logits]) { try Traced.crossEntropy($0[0], labels: labels) }
        let oneHot = try Tensor.oneHot(labels, 3, dtype: .float64)
        try checkGradients([logits]) { try Traced.crossEntropy($0[0], labels: oneHot) }
        try checkGradients([logits]) { try Traced.nllLoss($0[0].logSoftmax(), labels: labels) }
        let target = try sample([4, 3], seed: 4)
        try checkGradients([logits, target]) { try Traced.mseLoss($0[0], $0[1]) }
        let probabilities = try positiveSample([4, 3], seed: 2).unary(.sigmoid)
        try checkGradients([logits]) { try Traced.binaryCrossEntropyWithLogits($0[0], Traced(constant: probabilities)) }
        // The kinks of max(x, 0) and |x| cancel at x = 0: the gradient is sigmoid(0) - y.
        let zero = try Tensor.zeros([1], dtype: .float64), y = try Tensor.ones([1], dtype: .float64)
        #expect(try gradients([zero]) { try Traced.binaryCrossEntropyWithLogits($0[0], Traced(constant: y)) }[0].toDoubles() == [-0.5])
    }

    @Test func crossEntropyStaysFiniteForHugeLogits() throws {
        let logits = try Tensor(shape: [2, 3], values: [1000, 0, -1000, -1000, 1000, 999], dtype: .float32)
        let labels = try Tensor(shape: [2], elements: [Int64(2), 1])
        let tape = Tape()
        let leaf = tape.leaf(logits)
        let loss = try Traced.crossEntropy(leaf, labels: labels)
        #expect(loss.value.dtype == .float32)
        #expect(Swift.abs(try loss.value.item() - (2000 + 0.31326169) / 2) < 1e-2)
        let g = try tape.backward(loss)[leaf].toDoubles()
        #expect(g.allSatisfy { $0.isFinite })
        #expect(Swift.abs(g[0] - 0.5) < 1e-6 && Swift.abs(g[2] + 0.5) < 1e-6)
    }

    @Test(arguments: [(1, 0), (2, 1), (1, 2)])
    func conv2d(stride: Int, padding: Int) throws {
        let x = try sample([2, 3, 6, 5]), w = try sample([4, 3, 3, 2], seed: 1, scale: 0.5), b = try sample([4], seed: 2)
        try checkGradients([x, w, b]) {
            try Traced.conv2d($0[0], $0[1], bias: $0[2], stride: (stride, stride), padding: (padding, padding))
        }
    }

    @Test func conv2dOfAPermutedViewAndInFloat32() throws {
        let view = try sample([2, 5, 6, 3]).transpose([0, 3, 2, 1])
        #expect(view.shape == [2, 3, 6, 5] && !view.isContiguous)
        try checkGradients([view, try sample([2, 3, 2, 2], seed: 1)]) { try Traced.conv2d($0[0], $0[1], padding: (1, 0)) }
        let x = try sample([1, 2, 5, 5]).cast(to: .float32), w = try sample([3, 2, 3, 3], seed: 1).cast(to: .float32)
        let g = try gradients([x, w]) { try Traced.conv2d($0[0], $0[1]).maxPool2d(kernel: (3, 3)).sum() }
        #expect(g[0].dtype == .float32 && g[1].dtype == .float32 && g[0].shape == [1, 2, 5, 5])
        let g64 = try gradients([try x.cast(to: .float64), try w.cast(to: .float64)]) {
            try Traced.conv2d($0[0], $0[1]).maxPool2d(kernel: (3, 3)).sum()
        }
        assertClose(try g[1].cast(to: .float64), g64[1], "float32 against float64", rtol: 1e-5, atol: 1e-5)
    }

    @Test func conv2dMatchesADirectSum() throws {
        // One output element written out: y[0, 1, 1, 0] = b[1] + Σ x[0, c, 1+i, j] w[1, c, i, j].
        let x = try sample([1, 2, 4, 4]), w = try sample([2, 2, 2, 2], seed: 1), b = try sample([2], seed: 2)
        let y = try Traced.conv2d(Traced(constant: x), Traced(constant: w), bias: Traced(constant: b)).value
        #expect(y.shape == [1, 2, 3, 3])
        var expected = try b.value(atFlatIndex: 1)
        for c in 0..<2 { for i in 0..<2 { for j in 0..<2 {
            expected += try x.value(atFlatIndex: c * 16 + (1 + i) * 4 + j) * w.value(atFlatIndex: 8 + c * 4 + i * 2 + j)
        } } }
        #expect(Swift.abs(try y.value(atFlatIndex: 9 + 3) - expected) < 1e-12)
    }

    @Test func pooling() throws {
        let x = try sample([2, 3, 6, 6])
        try checkGradients([x]) { try $0[0].maxPool2d(kernel: (2, 2)) }
        try checkGradients([x]) { try $0[0].maxPool2d(kernel: (3, 3), stride: (2, 2), padding: (1, 1)) }
        try checkGradients([x]) { try $0[0].avgPool2d(kernel: (2, 3)) }
        try checkGradients([x]) { try $0[0].avgPool2d(kernel: (3, 3), stride: (1, 1), padding: (1, 1)) }
        let four = try Tensor(shape: [1, 1, 2, 2], values: [1, 4, 2, 3], dtype: .float64)
        #expect(try Traced(constant: four).maxPool2d(kernel: (2, 2)).value.toDoubles() == [4])
        #expect(try Traced(constant: four).avgPool2d(kernel: (2, 2)).value.toDoubles() == [2.5])
        // A tie goes to the first maximum in the window, as PyTorch's; a NaN wins.
        let tied = try Tensor(shape: [1, 1, 2, 2], values: [1, 4, 4, 3], dtype: .float32)
        let g = try gradients([tied]) { try $0[0].maxPool2d(kernel: (2, 2)).sum() }
        #expect(g[0].toDoubles() == [0, 1, 0, 0] && g[0].dtype == .float32)
        let withNaN = try Tensor(shape: [1, 1, 1, 3], values: [1, .nan, 5], dtype: .float64)
        #expect(try Traced(constant: withNaN).maxPool2d(kernel: (1, 3)).value.toDoubles()[0].isNaN)
    }

    @Test func convolutionErrorsAreDiagnosed() throws {
        let x = Traced(constant: try sample([1, 3, 4, 4]))
        expectErrorKind("invalidArgument") { _ = try Traced.conv2d(x, Traced(constant: try sample([2, 2, 3, 3]))) }
        expectErrorKind("invalidArgument") { _ = try Traced.conv2d(x, Traced(constant: try sample([2, 3, 5, 5]))) }
        expectErrorKind("invalidArgument") { _ = try Traced.conv2d(Traced(constant: try sample([3, 4, 4])), x) }
        expectErrorKind("invalidArgument") { _ = try x.maxPool2d(kernel: (2, 2), stride: (0, 1)) }
        expectErrorKind("invalidArgument") { _ = try x.maxPool2d(kernel: (2, 2), padding: (Int.max, 0)) }
    }

    /// A 2-layer MLP with a cross-entropy loss: every parameter against finite differences.
    @Test func tinyMLP() throws {
        let x = try sample([5, 4], seed: 3), labels = try Tensor(shape: [5], elements: [Int64(0), 2, 1, 1, 0])
        let w1 = try sample([4, 6], seed: 1, scale: 0.5), b1 = try sample([6], seed: 2, scale: 0.1)
        let w2 = try sample([6, 3], seed: 4, scale: 0.5), b2 = try sample([3], seed: 5, scale: 0.1)
        try checkGradients([w1, b1, w2, b2]) { p in
            let hidden = try (Traced.matmul(Traced(constant: x), p[0]) + p[1]).relu()
            return try Traced.crossEntropy(Traced.matmul(hidden, p[2]) + p[3], labels: labels)
        }
    }

    /// A small CNN: convolution, ReLU, max pooling, flatten and a linear layer.
    @Test func tinyCNN() throws {
        let x = try sample([2, 1, 6, 6], seed: 3), labels = try Tensor(shape: [2], elements: [Int64(1), 0])
        let k = try sample([2, 1, 3, 3], seed: 1, scale: 0.5), w = try sample([8, 2], seed: 4, scale: 0.5)
        try checkGradients([k, w]) { p in
            let features = try Traced.conv2d(Traced(constant: x), p[0], padding: (1, 1)).relu().maxPool2d(kernel: (3, 3))
            return try Traced.crossEntropy(Traced.matmul(features.reshape([2, -1]), p[1]), labels: labels)
        }
    }
}
