import Testing
@testable import TensorKit

@Suite("Errors on bad input")
struct ErrorTests {
    @Test func shapeMismatchNamesOpAndShapes() throws {
        let a = try Tensor.zeros([60000, 784]), b = try Tensor.zeros([10, 785])
        #expect(throws: TensorError.shapeMismatch(op: "-", lhs: [60000, 784], rhs: [10, 785])) { try a - b }
        #expect(throws: TensorError.innerDimensionMismatch(op: "@", lhs: [60000, 784], rhs: [10, 785], left: 784, right: 10)) {
            try Tensor.matmul(a, b)
        }
        #expect(throws: TensorError.innerDimensionMismatch(op: "dot", lhs: [3], rhs: [4], left: 3, right: 4)) {
            try Tensor.dot(Tensor.zeros([3]), Tensor.zeros([4]))
        }
        #expect(throws: TensorError.batchMismatch(op: "@", lhs: [2, 3, 4], rhs: [5, 4, 2])) {
            try Tensor.matmul(Tensor.zeros([2, 3, 4]), Tensor.zeros([5, 4, 2]))
        }
        #expect(throws: TensorError.joinMismatch(op: "concat", index: 2, first: [2, 3], other: [2, 4], axis: 0)) {
            try Tensor.concat([Tensor.zeros([2, 3]), Tensor.zeros([2, 4])], axis: 0)
        }
        #expect(throws: TensorError.joinMismatch(op: "stack", index: 2, first: [2], other: [3], axis: 0)) {
            try Tensor.stack([Tensor.zeros([2]), Tensor.zeros([3])])
        }
        #expect(throws: TensorError.maskMismatch(mask: [2], covered: [4], firstAxis: 1)) {
            try Tensor.zeros([3, 4]).get([.all, .tensor(Tensor.zeros([2], dtype: .bool))])
        }
        expectErrorKind("shapeMismatch") { _ = try Tensor.where(Tensor.zeros([2], dtype: .bool), Tensor.zeros([3]), Tensor.zeros([2])) }
    }

    @Test func indexOutOfRange() throws {
        let a = try Tensor.zeros([3, 4])
        #expect(throws: TensorError.indexOutOfRange(index: 3, axis: 0, size: 3)) { try a.get([.int(3)]) }
        #expect(throws: TensorError.indexOutOfRange(index: -5, axis: 1, size: 4)) { try a.get([.all, .int(-5)]) }
        #expect(throws: TensorError.indexOutOfRange(index: Int.min, axis: 0, size: 3)) { try a.get([.int(Int.min)]) }
        expectErrorKind("indexOutOfRange") { _ = try Tensor.oneHot(Tensor(shape: [2], elements: [Int64(1), 5]), 3) }
    }

    @Test func axisOutOfRange() throws {
        let a = try Tensor.zeros([3, 4])
        #expect(throws: TensorError.axisOutOfRange(axis: 2, ndim: 2)) { try a.sum(axes: [2]) }
        #expect(throws: TensorError.axisOutOfRange(axis: -3, ndim: 2)) { try a.argmax(axis: -3) }
        expectErrorKind("axisOutOfRange") { _ = try a.transpose([0, 5]) }
        expectErrorKind("axisOutOfRange") { _ = try a.expandDims(4) }
        expectErrorKind("axisOutOfRange") { _ = try Tensor.concat([a, a], axis: 2) }
        expectErrorKind("axisOutOfRange") { _ = try a.cumsum(axis: 9) }
    }

    @Test func badReshape() throws {
        let a = try Tensor.zeros([3, 4])
        #expect(throws: TensorError.badReshape(from: [3, 4], to: [5, -1])) { try a.reshape([5, -1]) }
        expectErrorKind("badReshape") { _ = try a.reshape([-1, -1]) }
        expectErrorKind("badReshape") { _ = try a.reshape([7]) }
        expectErrorKind("badReshape") { _ = try Tensor(shape: [2, 2], values: [1, 2, 3]) }
        expectErrorKind("badReshape") { _ = try a.reshape([Int.max, 2]) }
    }

    @Test func unsupportedDType() throws {
        let b = try Tensor.zeros([2], dtype: .bool)
        #expect(throws: TensorError.unsupportedDType(op: "-", dtype: .bool)) { try b - b }
        expectErrorKind("unsupportedDType") { _ = try b.unary(.negative) }
        expectErrorKind("unsupportedDType") { _ = try Tensor.rand([2], dtype: .int64, using: RandomGenerator(seed: 1)) }
        expectErrorKind("unsupportedDType") { _ = try Tensor.oneHot(Tensor.zeros([2]), 3) }
    }

    @Test func outOfMemoryAndOverflow() throws {
        expectErrorKind("outOfMemory") { _ = try Tensor.zeros([1 << 40, 1 << 40]) }
        expectErrorKind("outOfMemory") { _ = try Tensor.zeros([1 << 62]) }
        expectErrorKind("outOfMemory") { _ = try Tensor.arange(0, 1e300) }
        expectErrorKind("outOfMemory") { _ = try Tensor.zeros([1 << 20]).repeated(1 << 50, axis: 0) }
        expectErrorKind("outOfMemory") { _ = try Tensor.zeros([2, 2]).tiled([Int.max, 2]) }
    }

    @Test func invalidArgument() throws {
        let a = try Tensor.zeros([3, 4])
        expectErrorKind("invalidArgument") { _ = try a.get([.slice(start: nil, stop: nil, step: 0)]) }
        expectErrorKind("invalidArgument") { _ = try a.max(axes: [0, 0]) }
        expectErrorKind("invalidArgument") { _ = try Tensor.zeros([0]).max() }
        expectErrorKind("invalidArgument") { _ = try Tensor.zeros([0]).argmax() }
        expectErrorKind("invalidArgument") { _ = try a.item() }
        expectErrorKind("invalidArgument") { _ = try Tensor.zeros([-1]) }
        expectErrorKind("invalidArgument") { _ = try a.squeeze([0]) }
        expectErrorKind("invalidArgument") { _ = try a.split(sections: 3, axis: 1) }
        expectErrorKind("invalidArgument") { _ = try Tensor.arange(0, 5, step: 0) }
        expectErrorKind("invalidArgument") { _ = try Tensor.matmul(Tensor(scalar: Float(1)), a) }
        expectErrorKind("invalidArgument") { _ = try Tensor.randint(5, 5, [2], using: RandomGenerator(seed: 0)) }
        expectErrorKind("invalidArgument") { _ = try Tensor.choice(3, size: [5], replace: false, using: RandomGenerator(seed: 0)) }
        expectErrorKind("invalidArgument") {
            _ = try Tensor.choice(2, size: [1], p: T([0.9, 0.9], [2]), using: RandomGenerator(seed: 0))
        }
        // Writing into a broadcast view would write one element many times.
        expectErrorKind("invalidArgument") { try T([1], [1]).broadcast(to: [3]).applyInPlace(.add, 1) }
    }

    @Test func interruptedBetweenChunks() throws {
        let flag = CancellationFlag()
        flag.cancel()
        let big = try Tensor.zeros([1000, 1000])
        try Cancellation.$current.withValue(flag) { () throws -> Void in
            #expect(throws: TensorError.interrupted) { try big + big }
            #expect(throws: TensorError.interrupted) { try big.sum(axes: [1]) }
            #expect(throws: TensorError.interrupted) { try Tensor.matmul(big, big) }
        }
        flag.reset()
        try Cancellation.$current.withValue(flag) { () throws -> Void in
            #expect(try (big + big).shape == [1000, 1000])
        }
    }
}

@Suite("Error messages")
struct ErrorMessageTests {
    @Test func messagesNameOpAndShapes() {
        #expect(TensorError.shapeMismatch(op: "-", lhs: [60000, 784], rhs: [10, 785]).description
                == "cannot broadcast (60000, 784) with (10, 785) in '-'")
        #expect(TensorError.indexOutOfRange(index: 5, axis: 0, size: 3).description
                == "index 5 is out of bounds for axis 0 with size 3")
        #expect(TensorError.badReshape(from: [4], to: [3]).description
                == "cannot reshape a tensor of shape (4,) into shape (3,)")
    }
}
