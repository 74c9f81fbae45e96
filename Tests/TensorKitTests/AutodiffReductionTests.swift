import Testing
@testable import TensorKit

/// Finite-difference checks of the reductions, over every axis form, with and without keepdims.
struct AutodiffReductionTests {
    static let axisForms: [[Int]?] = [nil, [0], [1], [-1], [0, 2]]

    @Test(arguments: axisForms)
    func sumMeanMaxMin(axes: [Int]?) throws {
        let x = try sample([2, 3, 4])
        for keepdims in [false, true] {
            try checkGradients([x]) { try $0[0].sum(axes: axes, keepdims: keepdims) }
            try checkGradients([x]) { try $0[0].mean(axes: axes, keepdims: keepdims) }
            try checkGradients([x]) { try $0[0].max(axes: axes, keepdims: keepdims) }
            try checkGradients([x]) { try $0[0].min(axes: axes, keepdims: keepdims) }
        }
    }

    @Test(arguments: axisForms)
    func varianceStdLogsumexpNorm(axes: [Int]?) throws {
        let x = try sample([2, 3, 4])
        for keepdims in [false, true] {
            try checkGradients([x]) { try $0[0].variance(axes: axes, keepdims: keepdims) }
            try checkGradients([x]) { try $0[0].std(axes: axes, keepdims: keepdims, ddof: 1) }
            try checkGradients([x]) { try $0[0].logsumexp(axes: axes, keepdims: keepdims) }
            try checkGradients([x]) { try $0[0].norm(axes: axes, keepdims: keepdims) }
        }
    }

    @Test func reductionsOfViews() throws {
        let x = try sample([4, 5]).T
        try checkGradients([x]) { try $0[0].sum(axes: [1]) * $0[0].max(axes: [1]) }
        try checkGradients([x]) { try $0[0].logsumexp(axes: [0]) }
    }

    @Test func tiedExtremesShareTheGradient() throws {
        let x = try Tensor(shape: [2, 3], values: [1, 3, 3, 2, 2, 2], dtype: .float64)
        let g = try gradients([x]) { try $0[0].max(axes: [1]).sum() }
        assertClose(g[0], try Tensor(shape: [2, 3], values: [0, 0.5, 0.5, 1.0 / 3, 1.0 / 3, 1.0 / 3], dtype: .float64))
        let m = try gradients([x]) { try $0[0].min() }
        assertClose(m[0], try Tensor(shape: [2, 3], values: [1, 0, 0, 0, 0, 0], dtype: .float64))
    }

    @Test func normAtZeroHasZeroGradient() throws {
        let g = try gradients([try Tensor.zeros([3], dtype: .float64)]) { try $0[0].norm() }
        #expect(g[0].toDoubles() == [0, 0, 0])
    }

    @Test func logsumexpIsStableForLargeAndInfiniteInputs() throws {
        let x = try Tensor(shape: [2, 2], values: [1000, 1000, -.infinity, -.infinity], dtype: .float64)
        let tape = Tape()
        let leaf = tape.leaf(x)
        let r = try leaf.logsumexp(axes: [1])
        #expect(Swift.abs(r.value.toDoubles()[0] - (1000 + 0.6931471805599453)) < 1e-9)
        #expect(r.value.toDoubles()[1] == -.infinity)
        // The all -inf row's gradient is NaN (0 · exp(-inf - -inf)), as PyTorch's.
        let g = try tape.backward(r.get([.int(0)]))
        #expect(try Array(g[leaf].toDoubles().prefix(2)) == [0.5, 0.5])
    }
}
