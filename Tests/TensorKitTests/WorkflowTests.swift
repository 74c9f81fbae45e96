import Testing
@testable import TensorKit

@Suite("Workflows from the course scripts")
struct WorkflowTests {
    /// The softmax-regression loop of bench/softmax_gd.py on a small synthetic problem:
    /// the loss must fall and the accuracy must beat chance by far.
    @Test func softmaxRegressionLearns() throws {
        let g = RandomGenerator(seed: 7)
        let n = 300, d = 5, k = 3
        let centers = try Tensor.randn([k, d], using: g) * 3
        let y = try Tensor.randint(0, k, [n], using: g)
        let x = try centers.get([.tensor(y)]) + Tensor.randn([n, d], using: g)
        let Y = try Tensor.eye(k).get([.tensor(y)])
        #expect(Y.shape == [n, k])
        let W = try Tensor.zeros([d, k]), b = try Tensor.zeros([k])
        var losses: [Double] = []
        for _ in 0..<50 {
            let Z = try Tensor.matmul(x, W) + b
            try Z.applyInPlace(.subtract, Z.max(axes: [1], keepdims: true))
            let P = try Z.unary(.exp)
            try P.applyInPlace(.divide, P.sum(axes: [1], keepdims: true))
            let picked = try P.get([.tensor(Tensor.arange(0, Double(n))), .tensor(y)])
            let loss = try -(picked + 1e-12).unary(.log).mean().item()
            losses.append(loss)
            let G = try (P - Y) / Double(n)
            try W.applyInPlace(.subtract, Tensor.matmul(x.T, G) * 0.5)
            try b.applyInPlace(.subtract, G.sum(axes: [0]) * 0.5)
        }
        let acc = try Tensor.binary(.equal, (Tensor.matmul(x, W) + b).argmax(axis: 1), y).mean().item()
        #expect(losses[0] > 1.0 && losses[0] < 1.1, "initial loss is log(3)")
        #expect(losses.last! < losses[0] * 0.5)
        #expect(acc > 0.8)
    }

    /// The k-means step of bench/kmeans.py: assignment by argmin of distances, centre update
    /// by a mask and a mean, `C[j] = mean(x[lab == j], axis=0)`.
    @Test func kmeansStep() throws {
        let x = try T([0, 0, 0, 1, 10, 10, 10, 11], [4, 2])
        let C = try T([0, 0, 10, 10], [2, 2])
        let xx = try (x * x).sum(axes: [1], keepdims: true)
        let cc = try (C * C).sum(axes: [1])
        let D = try xx - Tensor.matmul(x, C.T) * 2 + cc
        let lab = try D.argmin(axis: 1)
        #expect(lab.toInt64s() == [0, 0, 1, 1])
        for j in 0..<2 {
            let members = try x.get([.tensor(Tensor.binary(.equal, lab, Double(j)))])
            try C.set([.int(j)], to: members.mean(axes: [0]))
        }
        assertClose(C, try T([0, 0.5, 10, 10.5], [2, 2]))
    }

    @Test func inPlaceWritesIntoStorageWithoutNewBuffer() throws {
        let a = try T([1, 2, 3, 4, 5, 6], [2, 3])
        let storage = a.storage
        try a.applyInPlace(.subtract, T([1, 1, 1], [3]))
        #expect(a.storage === storage)
        assertClose(a, try T([0, 1, 2, 3, 4, 5], [2, 3]))
        // Through a view: the column of a transposed view.
        let col = try a.T.get([.int(1)])
        try col.applyInPlace(.multiply, 10)
        assertClose(a, try T([0, 10, 2, 3, 40, 5], [2, 3]))
        // Overlap: a += a.T on a square matrix reads the original values.
        let s = try T([1, 2, 3, 4], [2, 2])
        try s.applyInPlace(.add, s.T)
        assertClose(s, try T([2, 5, 5, 8], [2, 2]))
        // Same-kind casting: float32 -= float64 is fine, int -= float is not.
        let f = try T([1, 2], [2])
        try f.applyInPlace(.subtract, T([0.5, 0.5], [2], .float64))
        assertClose(f, try T([0.5, 1.5], [2]))
        let i = try T([1, 2], [2], .int64)
        expectErrorKind("invalidArgument") { try i.applyInPlace(.divide, 2) }
        expectErrorKind("shapeMismatch") { try T([1, 2], [2]).applyInPlace(.add, T([1, 2, 3, 4], [2, 2])) }
    }

    @Test func viewsShareStorage() throws {
        let a = try Tensor.arange(0, 12, dtype: .float32).reshape([3, 4])
        let row = try a.get([.int(1)])
        try row.set([.all], to: 0)
        #expect(try a.sum().item() == 66 - (4 + 5 + 6 + 7))
        let t = a.T
        #expect(t.storage === a.storage && t.shape == [4, 3])
        #expect(try a.reshape([-1]).storage === a.storage)
    }

    @Test func flattenCopiesRavelViews() throws {
        let a = try T([1, 2, 3, 4], [2, 2])
        let f = try a.flatten(), r = try a.ravel()
        try f.set([.int(0)], to: 9)
        #expect(try a.get([.int(0), .int(0)]).item() == 1)
        try r.set([.int(0)], to: 7)
        #expect(try a.get([.int(0), .int(0)]).item() == 7)
    }

    @Test func minibatchGatherCopiesRows() throws {
        let x = try Tensor.arange(0, 60000 * 8, dtype: .float32).reshape([60000, 8])
        let idx = try T([59999, 0, 123], [3], .int64)
        let b = try x.get([.tensor(idx)])
        #expect(b.shape == [3, 8])
        #expect(try b.get([.int(0), .int(7)]).item() == 59999 * 8 + 7)
        #expect(try b.get([.int(2), .int(0)]).item() == 123 * 8)
    }

    @Test func largeParallelKernelsMatchSerialResults() throws {
        // Big enough to be split across threads; compare with a per-element computation.
        let g = RandomGenerator(seed: 3)
        let x = try Tensor.rand([700, 300], using: g)
        let m = try x.max(axes: [0], keepdims: true)
        let e = try (x - m).unary(.exp)
        let xs = x.toDoubles(), ms = m.toDoubles(), es = e.toDoubles()
        var worst = 0.0
        for i in 0..<700 { for j in 0..<300 {
            worst = Swift.max(worst, Swift.abs(es[i * 300 + j] - Double(Float(Foundation.exp(Double(Float(xs[i * 300 + j] - ms[j])))))))
        } }
        #expect(worst < 1e-6)
        let rowSums = try x.sum(axes: [1]).toDoubles()
        for i in [0, 350, 699] {
            let ref = xs[(i * 300)..<(i * 300 + 300)].reduce(0, +)
            #expect(Swift.abs(rowSums[i] - ref) < 1e-3)
        }
    }
}

import Foundation

@Suite("Edge cases")
struct EdgeCaseTests {
    @Test func emptyTensorsFlowThrough() throws {
        let e = try Tensor.zeros([0, 3])
        #expect(try (e + 1).shape == [0, 3])
        #expect(try e.unary(.exp).shape == [0, 3])
        #expect(try e.sum(axes: [1]).shape == [0])
        #expect(try e.mean(axes: [0]).toDoubles().allSatisfy { $0.isNaN })
        #expect(try Tensor.matmul(e, Tensor.zeros([3, 2])).shape == [0, 2])
        #expect(try Tensor.matmul(Tensor.zeros([2, 0]), Tensor.zeros([0, 4])).toDoubles() == [Double](repeating: 0, count: 8))
        #expect(try Tensor.concat([e, Tensor.ones([2, 3])]).shape == [2, 3])
        #expect(try e.get([.slice(start: nil, stop: nil, step: -1)]).shape == [0, 3])
        #expect(try e.sort(axis: 0).shape == [0, 3])
        let u = try Tensor.zeros([0], dtype: .int64).unique()
        #expect(u.values.shape == [0] && u.counts.shape == [0])
        #expect(try Tensor.ones([3]).get([.tensor(Tensor.zeros([0], dtype: .int64))]).shape == [0])
        #expect(try e.cumsum(axis: 0).shape == [0, 3])
    }

    @Test func sizeOneAxesAndScalars() throws {
        let s = try Tensor(scalar: 2.5, dtype: .float32)
        #expect(try (s * s).item() == 6.25)
        #expect(try s.sum().shape == [])
        #expect(try s.get([.newAxis]).shape == [1])
        let c = try T([1, 2, 3], [3, 1])
        #expect(try (c + c.T).shape == [3, 3])
        #expect(try c.squeeze().shape == [3])
        #expect(try c.argmax(axis: 1).toInt64s() == [0, 0, 0])
        #expect(try c.max(axes: [1], keepdims: true).shape == [3, 1])
    }

    @Test func integerSemantics() throws {
        let a = try T([7, -7, 7, -7], [4], .int64), b = try T([2, 2, -2, 0], [4], .int64)
        #expect(try Tensor.binary(.mod, a, b).toInt64s() == [1, 1, -1, 0])
        #expect(try Tensor.binary(.floorDivide, a, b).toInt64s() == [3, -4, -4, 0])
        #expect(try Tensor.binary(.divide, a, b).dtype == .float32)
        let big = try T([9.2e18], [1], .int64)
        #expect(try (big + big).dtype == .int64, "wraps like NumPy instead of trapping")
        let u = try T([250], [1], .uint8)
        #expect(try (u + 10).toInt64s() == [4], "uint8 wraps")
        #expect(try (u + 300).dtype == .int64, "an out-of-range scalar widens")
        #expect(try T([1.5, .nan, .infinity], [3]).cast(to: .int64).toInt64s() == [1, Int64.min, Int64.min])
        let near = try Tensor(shape: [3], elements: [Int64(1) << 60, (Int64(1) << 60) + 1, Int64(1) << 60])
        #expect(try near.unique().counts.toInt64s() == [2, 1], "int64 above 2^53 stays exact")
    }
}

@Suite("Element access")
struct ElementAccessTests {
    @Test func valueAtFlatIndexFollowsViews() throws {
        let a = try Tensor.arange(0, 12, dtype: .float32).reshape([3, 4])
        let v = try a.T.get([.slice(start: nil, stop: nil, step: -1)])  // (4, 3), reversed rows
        #expect(try v.value(atFlatIndex: 0) == 3)
        #expect(try v.value(atFlatIndex: 4) == 6)
        #expect(v.toDoubles() == (0..<12).map { try! v.value(atFlatIndex: $0) })
        expectErrorKind("indexOutOfRange") { _ = try v.value(atFlatIndex: 12) }
    }
}
