import Testing
@testable import TensorKit

/// The matmul rule in every form `Tensor.matmul` supports.
struct AutodiffMatmulTests {
    static let forms: [([Int], [Int])] = [
        ([4], [4]),            // vector · vector
        ([3, 4], [4]),         // matrix · vector
        ([4], [4, 2]),         // vector · matrix
        ([3, 4], [4, 2]),      // matrix · matrix
        ([2, 3, 4], [2, 4, 5]),  // batched
        ([2, 3, 4], [4, 5]),     // batch against a matrix
        ([3, 4], [2, 4, 5]),     // a matrix against a batch
        ([2, 1, 3, 4], [5, 4, 2]),  // broadcast batch axes
        ([4], [2, 4, 3]),        // a vector against a batch
        ([2, 3, 4], [4]),        // a batch against a vector
    ]

    @Test(arguments: forms)
    func everyForm(left: [Int], right: [Int]) throws {
        try checkGradients([try sample(left), try sample(right, seed: 1)]) { try Traced.matmul($0[0], $0[1]) }
    }

    @Test func transposedOperands() throws {
        let a = try sample([4, 3]).T, b = try sample([5, 4], seed: 1).T
        try checkGradients([a, b]) { try Traced.matmul($0[0], $0[1]) }
    }

    @Test func constantsMixWithTracedOperands() throws {
        let x = try sample([3, 4]), w = try sample([4, 2], seed: 2)
        try checkGradients([w]) { try Traced.matmul(Traced(constant: x), $0[0]) }
        // Integer data is a constant; a float32 weight gets a float32 gradient.
        let ints = try Tensor(shape: [2, 3], elements: [Int64(1), 2, 3, 4, 5, 6])
        let weight = try Tensor.ones([3, 2], dtype: .float32)
        let tape = Tape()
        let leaf = tape.leaf(weight), data = tape.leaf(ints)
        #expect(!data.isTraced)
        let g = try tape.backward(Traced.matmul(data, leaf).sum())
        #expect(try g[leaf].dtype == .float32)
        #expect(try g[leaf].toDoubles() == [5, 5, 7, 7, 9, 9])
        #expect(g.gradient(of: data) == nil)
    }
}

/// `linear` (x Wᵀ with W stored (out, in)): its rule gives W's gradient in W's own layout.
struct AutodiffLinearTests {
    @Test(arguments: [[5, 4], [4], [2, 3, 4]])
    func gradientsMatchFiniteDifferences(_ x: [Int]) throws {
        try checkGradients([try sample(x), try sample([3, 4], seed: 1)]) { try Traced.linear($0[0], $0[1]) }
    }

    @Test func theWeightGradientIsContiguousAndTransposedViewsWork() throws {
        let tape = Tape()
        let x = tape.leaf(try sample([6, 4])), w = tape.leaf(try sample([4, 3], seed: 2).T)
        let grads = try tape.backward(try Traced.linear(x, w).sum())
        #expect(try grads[w].isContiguous)
        try checkGradients([try sample([6, 4]), try sample([4, 3], seed: 2).T]) { try Traced.linear($0[0], $0[1]) }
        #expect(throws: TensorError.self) { try Traced.linear(Traced(constant: try sample([2, 5])), w) }
    }
}
