import Testing
@testable import TensorKit

/// The tape itself: accumulation, dtypes, constants, seeds and misuse.
struct AutodiffTapeTests {
    @Test func reusedValuesAccumulate() throws {
        // f = x·x + 3x + x: df/dx = 2x + 4, with x used four times.
        let x = try Tensor(shape: [2], values: [1, -2], dtype: .float64)
        let g = try gradients([x]) { try ($0[0] * $0[0] + $0[0] * 3 + $0[0]).sum() }
        #expect(g[0].toDoubles() == [6, 0])
    }

    @Test func valueAndGradientsOverAFlatList() throws {
        let x = try Tensor(shape: [2], values: [1, 2], dtype: .float32)
        let counts = try Tensor(shape: [2], elements: [Int64(3), 4])
        let unused = try Tensor.ones([2, 2], dtype: .float64)
        let (value, grads) = try Tape.valueAndGradients(at: [x, counts, unused]) { p in try (p[0] * p[1]).sum() }
        #expect(try value.item() == 11)
        #expect(grads[0].toDoubles() == [3, 4] && grads[0].dtype == .float32)
        #expect(grads[1].toDoubles() == [0, 0] && grads[1].dtype == .float32)
        #expect(grads[2].shape == [2, 2] && grads[2].toDoubles() == [0, 0, 0, 0])
    }

    @Test func float32GradientsStayFloat32() throws {
        let x = try Tensor.ones([3], dtype: .float32), y = try Tensor.ones([3], dtype: .float64)
        let g = try gradients([x, y]) { try ($0[0] * $0[1]).sum() }
        #expect(g[0].dtype == .float32 && g[1].dtype == .float64)
    }

    @Test func halfFloatLeavesGetHalfGradients() throws {
        let w = try sample([4, 3], seed: 1).cast(to: .bfloat16), x = try sample([2, 1, 8, 4])
        let labels = try Tensor(shape: [2], elements: [Int64(1), 2])
        let g = try gradients([w]) { p in
            let features = try Traced(constant: x).maxPool2d(kernel: (2, 2)).avgPool2d(kernel: (2, 1)).reshape([2, 4])
            return try Traced.crossEntropy(Traced.matmul(features, p[0]).relu(), labels: labels)
        }
        let reference = try gradients([try w.cast(to: .float64)]) { p in
            let features = try Traced(constant: x).maxPool2d(kernel: (2, 2)).avgPool2d(kernel: (2, 1)).reshape([2, 4])
            return try Traced.crossEntropy(Traced.matmul(features, p[0]).relu(), labels: labels)
        }
        #expect(g[0].dtype == .bfloat16)
        assertClose(try g[0].cast(to: .float64), reference[0], "bfloat16 against float64", rtol: 2e-2, atol: 2e-2)
    }

    @Test func unusedLeavesAndConstantsGetZeros() throws {
        let tape = Tape()
        let a = tape.leaf(try Tensor.ones([2], dtype: .float32)), b = tape.leaf(try Tensor.ones([3], dtype: .float32))
        let g = try tape.backward(a.sum())
        #expect(g.gradient(of: b) == nil)
        #expect(try g[b].toDoubles() == [0, 0, 0])
        let constant = try tape.backward(Traced(constant: try Tensor(scalar: 1, dtype: .float32)))
        #expect(try constant[a].toDoubles() == [0, 0])
    }

    @Test func detachedValuesStopTheGradient() throws {
        let x = try Tensor(shape: [2], values: [1, 2], dtype: .float64)
        let g = try gradients([x]) { try ($0[0] * $0[0].detached).sum() }
        #expect(g[0].toDoubles() == [1, 2])
    }

    @Test func seedGivesTheVectorJacobianProduct() throws {
        let tape = Tape()
        let x = tape.leaf(try Tensor(shape: [2], values: [1, 2], dtype: .float64))
        let seed = try Tensor(shape: [2], values: [10, 100], dtype: .float64)
        #expect(try tape.backward(x * x, seed: seed)[x].toDoubles() == [20, 400])
    }

    @Test func misuseIsAnErrorNotATrap() throws {
        let tape = Tape(), other = Tape()
        let a = tape.leaf(try Tensor.ones([2], dtype: .float32)), b = other.leaf(try Tensor.ones([2], dtype: .float32))
        expectErrorKind("invalidArgument", "two tapes") { _ = try a + b }
        expectErrorKind("invalidArgument", "non-scalar output") { _ = try tape.backward(a * 2) }
        expectErrorKind("invalidArgument", "non-scalar constant") { _ = try Tape.valueAndGradients(at: [try Tensor.ones([2])]) { _ in a.detached } }
        expectErrorKind("invalidArgument", "foreign output") { _ = try tape.backward(b.sum()) }
        #expect(try tape.backward(a.sum()).gradient(of: b) == nil)
    }

    @Test func backwardCanRunTwiceAndAnswersCancellation() throws {
        let tape = Tape()
        let x = tape.leaf(try Tensor(shape: [1], values: [3], dtype: .float64))
        let y = try (x * x).sum()
        #expect(try tape.backward(y)[x].toDoubles() == [6])
        #expect(try tape.backward(y)[x].toDoubles() == [6])
        let flag = CancellationFlag()
        flag.cancel()
        expectErrorKind("interrupted") {
            try Cancellation.$current.withValue(flag) { _ = try tape.backward(y) }
        }
    }

    @Test func addAtAccumulatesAndBasicIndexingAdds() throws {
        let t = try Tensor.zeros([3], dtype: .float32)
        try t.addAt([.tensor(try Tensor(shape: [4], elements: [Int64(0), 2, 0, 0]))], try Tensor.ones([4], dtype: .float32))
        #expect(t.toDoubles() == [3, 0, 1])
        try t.addAt([.slice(start: 1, stop: nil, step: nil)], try Tensor(scalar: 2, dtype: .float32))
        #expect(t.toDoubles() == [3, 2, 3])
    }
}

/// The tape in a training loop, as the binding will use it: a fresh tape per step, updates
/// on plain tensors outside the graph.
struct AutodiffTrainingTests {
    @Test func sgdOnAFloat32SoftmaxRegressionLowersTheLoss() throws {
        let generator = RandomGenerator(seed: 7)
        let x = try Tensor.randn([64, 5], dtype: .float32, using: generator)
        // Labels from a fixed linear rule, so the data is learnable.
        let truth = try Tensor.randn([5, 3], dtype: .float32, using: generator)
        let labels = try Tensor.matmul(x, truth).argmax(axis: 1)
        let w = try Tensor.zeros([5, 3], dtype: .float32), b = try Tensor.zeros([3], dtype: .float32)
        var losses: [Double] = []
        for _ in 0..<50 {
            let tape = Tape()
            let tw = tape.leaf(w), tb = tape.leaf(b)
            let loss = try Traced.crossEntropy(Traced.matmul(Traced(constant: x), tw) + tb, labels: labels)
            #expect(loss.dtype == .float32)
            let grads = try tape.backward(loss)
            try w.applyInPlace(.subtract, Tensor.binary(.multiply, grads[tw], 0.5))
            try b.applyInPlace(.subtract, Tensor.binary(.multiply, grads[tb], 0.5))
            losses.append(try loss.value.item())
        }
        #expect(Swift.abs(losses[0] - 1.0986123) < 1e-5)  // log 3 at zero weights
        #expect(losses[49] < 0.5 * losses[0])
    }
}

/// The recorded rules capture traced values; were those to hold their tape strongly, every
/// tape would leak with all the intermediates of its step (a CNN's fit grew by 15 MB a batch).
struct AutodiffTapeLifetimeTests {
    @Test func aFinishedTapeIsFreedAndItsValuesBecomeConstants() throws {
        weak var weakTape: Tape?
        var kept: Traced?
        do {
            let tape = Tape()
            weakTape = tape
            let x = tape.leaf(try sample([3]))
            let y = try (x * x).exp().sum()
            let grads = try tape.backward(y)
            #expect(try grads[x].count == 3)
            kept = y
        }
        #expect(weakTape == nil)
        #expect(kept?.isTraced == false)
    }
}
