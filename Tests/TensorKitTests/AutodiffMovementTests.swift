import Testing
@testable import TensorKit

/// Finite-difference checks of shape, movement and indexing ops; gathers with repeated
/// indices must accumulate.
struct AutodiffMovementTests {
    @Test func reshapeTransposeBroadcast() throws {
        let x = try sample([2, 3, 4])
        try checkGradients([x]) { try $0[0].reshape([4, -1]) * $0[0].reshape([4, 6]) }
        try checkGradients([x]) { try $0[0].transpose([2, 0, 1]).exp() }
        try checkGradients([x]) { try $0[0].transpose().sum(axes: [0]) }
        try checkGradients([x]) { try $0[0].swapAxes(0, -1) }
        try checkGradients([try sample([3, 1])]) { try $0[0].broadcast(to: [2, 3, 4]) }
        try checkGradients([try sample([1, 3, 1])]) { try $0[0].squeeze().expandDims(0).flatten() }
    }

    @Test func basicIndexingWithStridesAndNegativeSteps() throws {
        let x = try sample([5, 6])
        try checkGradients([x]) { try $0[0].get([.slice(start: 1, stop: nil, step: 2), .slice(start: nil, stop: nil, step: -3)]) }
        try checkGradients([x]) { try $0[0].get([.int(-1)]) }
        try checkGradients([x]) { try $0[0].get([.ellipsis, .int(2), .newAxis]) }
        try checkGradients([x.T]) { try $0[0].get([.slice(start: 1, stop: 4, step: nil)]).tanh() }
    }

    @Test func gathersAccumulateRepeatedIndices() throws {
        let x = try sample([4, 3])
        let rows = try Tensor(shape: [5], elements: [Int64(2), 0, 2, 2, -1])
        try checkGradients([x]) { try $0[0].get([.tensor(rows)]) }
        try checkGradients([x]) { try $0[0].get([.all, .tensor(try Tensor(shape: [2, 2], elements: [Int64(1), 1, 0, 1]))]) }
        try checkGradients([x]) { try $0[0].take(rows, axis: 0) }
        try checkGradients([x]) { try $0[0].take(try Tensor(shape: [3], elements: [Int64(11), 0, 11]), axis: nil) }
        let along = try Tensor(shape: [4, 2], elements: [Int64(0), 0, 2, 1, 1, 1, 2, 0])
        try checkGradients([x]) { try $0[0].takeAlong(along, axis: 1) }
        let g = try gradients([x]) { try $0[0].get([.tensor(rows)]).sum() }
        #expect(g[0].toDoubles() == [1, 1, 1, 0, 0, 0, 3, 3, 3, 1, 1, 1])
        let half = try gradients([try x.cast(to: .float16)]) { try $0[0].get([.tensor(rows)]).sum() }
        #expect(half[0].dtype == .float16 && half[0].toDoubles() == g[0].toDoubles())
    }

    @Test func booleanMasks() throws {
        let x = try sample([3, 4])
        let mask = try Tensor.binary(.greater, x, 0)
        try checkGradients([x]) { try $0[0].get([.tensor(mask)]) }
        let rowMask = try Tensor(shape: [3], elements: [true, false, true])
        try checkGradients([x]) { try $0[0].get([.tensor(rowMask), .slice(start: 1, stop: nil, step: nil)]) }
    }

    @Test func concatStackSplit() throws {
        let a = try sample([2, 3]), b = try sample([2, 1], seed: 1), c = try sample([2, 3], seed: 2)
        try checkGradients([a, b, c]) { try Traced.concat($0, axis: 1) }
        try checkGradients([a, c]) { try Traced.stack($0, axis: 1) }
        try checkGradients([a, c]) { try Traced.stack($0, axis: -1).exp() }
        try checkGradients([try sample([6, 2])]) { x in
            let parts = try x[0].split(sections: 3, axis: 0)
            return try parts[0] * parts[2] - parts[1]
        }
        try checkGradients([try sample([2, 7])]) { x in
            let parts = try x[0].split(indices: [2, 5], axis: 1)
            return try parts[0].sum() * parts[1].sum() + parts[2].sum()
        }
    }
}
