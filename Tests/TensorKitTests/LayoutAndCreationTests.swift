import Foundation
import Testing
@testable import TensorKit

/// Reductions of transposed views, argmax/argmin, one_hot, linspace and concat after their
/// rewrites, against plain loops over row-major values.
@Suite("Transposed reductions, arg-reductions, creation")
struct LayoutAndCreationTests {
    @Test(arguments: [DType.float32, .float64, .int64])
    func reductionsOfPermutedViewsMatchLoops(_ dtype: DType) throws {
        let (a, b, c) = (3, 4, 5)
        let values = (0..<(a * b * c)).map { Double(($0 * 29) % 17) - 8 }
        let x = try Tensor(shape: [a, b, c], values: values, dtype: dtype)
        func v(_ i: Int, _ j: Int, _ k: Int) -> Double { values[i * b * c + j * c + k] }
        let t = try x.transpose([2, 0, 1])  // t[k, i, j] = x[i, j, k]
        #expect(!t.isContiguous)
        // Sum over t's axis 2 (x's j): shape (c, a).
        var expected: [Double] = []
        for k in 0..<c { for i in 0..<a { expected.append((0..<b).map { v(i, $0, k) }.reduce(0, +)) } }
        let s = try t.sum(axes: [2])
        #expect(s.shape == [c, a] && s.toDoubles() == expected)
        // Max over t's axes 0 and 1 (x's k and i), keepdims: shape (1, 1, b).
        let m = try t.max(axes: [0, 1], keepdims: true)
        #expect(m.shape == [1, 1, b])
        #expect(m.toDoubles() == (0..<b).map { j in (0..<a).flatMap { i in (0..<c).map { v(i, j, $0) } }.max() ?? 0 })
        // Over everything, and the transposed matrix case.
        #expect(try t.sum().item() == values.reduce(0, +))
        let mat = try x.reshape([a * b, c]).T
        #expect(try mat.sum(axes: [1]).toDoubles() == (0..<c).map { k in (0..<(a * b)).map { values[$0 * c + k] }.reduce(0, +) })
    }

    @Test(arguments: [DType.float32, .float64, .int64, .uint8, .bool])
    func argmaxAndArgminTakeTheFirstExtreme(_ dtype: DType) throws {
        let rows: [[Double]] = [[3, 1, 3, 0], [0, 0, 0, 0], [1, 5, 2, 5], [2, 1, 1, 2]]
        let x = try Tensor(shape: [4, 4], values: rows.flatMap { $0 }, dtype: dtype)
        let stored = x.toDoubles()
        let r = (0..<4).map { Array(stored[($0 * 4)..<($0 * 4 + 4)]) }
        func first(_ row: [Double], _ m: Double) -> Int64 { Int64(row.firstIndex(of: m) ?? -1) }
        #expect(try x.argmax(axis: 1).toInt64s() == r.map { first($0, $0.max() ?? 0) })
        #expect(try x.argmin(axis: -1).toInt64s() == r.map { first($0, $0.min() ?? 0) })
        let cols = (0..<4).map { j in r.map { $0[j] } }
        #expect(try x.argmax(axis: 0).toInt64s() == cols.map { first($0, $0.max() ?? 0) })
        #expect(try x.argmax().item() == Double(first(stored, stored.max() ?? 0)))
    }

    /// Rows longer than the 16-element search blocks, with the extreme in the middle of a
    /// block, repeated later, at the very end, or a NaN after it.
    @Test func argmaxOnLongRows() throws {
        let n = 53
        var rows: [[Double]] = []
        for (pos, later) in [(0, 40), (21, 37), (52, 52), (31, 47)] {
            var r = (0..<n).map { Double(($0 * 7) % 11) }
            r[pos] = 20; r[later] = 20
            rows.append(r)
        }
        var nanRow = (0..<n).map(Double.init)
        nanRow[50] = .nan
        rows.append(nanRow)
        let x = try Tensor(shape: [rows.count, n], values: rows.flatMap { $0 }, dtype: .float32)
        #expect(try x.argmax(axis: 1).toInt64s() == [0, 21, 52, 31, 50])
        #expect(try x.argmin(axis: 1).toInt64s() == [Int64(rows[0].firstIndex(of: 0) ?? -1), Int64(rows[1].firstIndex(of: 0) ?? -1),
                                                     Int64(rows[2].firstIndex(of: 0) ?? -1), Int64(rows[3].firstIndex(of: 0) ?? -1), 50])
    }

    @Test func argmaxFindsTheFirstNaNAndHandlesInfinities() throws {
        let x = try Tensor(shape: [3, 4], values: [1, .nan, 5, .nan, -.infinity, -.infinity, -.infinity, -.infinity, 2, 7, 7, .infinity], dtype: .float32)
        #expect(try x.argmax(axis: 1).toInt64s() == [1, 0, 3])
        #expect(try x.argmin(axis: 1).toInt64s() == [1, 0, 0])
        #expect(throws: TensorError.self) { try Tensor.zeros([2, 0]).argmax(axis: 1) }
    }

    @Test func oneHotLinspaceAndConcat() throws {
        let labels = try Tensor(shape: [2, 2], elements: [Int64(2), 0, 1, 2])
        let h = try Tensor.oneHot(labels, 3, dtype: .int64)
        #expect(h.shape == [2, 2, 3] && h.toInt64s() == [0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1])
        #expect(throws: TensorError.indexOutOfRange(index: 3, axis: 1, size: 3)) {
            try Tensor.oneHot(try Tensor(shape: [1], elements: [Int64(3)]), 3)
        }
        for dtype in DType.allCases where dtype != .bool {
            let l = try Tensor.linspace(-1, 2, count: 7, dtype: dtype)
            let expected = (0..<7).map { $0 == 6 ? 2.0 : -1 + Double($0) * 0.5 }
            #expect(l.toDoubles() == (try Tensor(shape: [7], values: expected, dtype: dtype)).toDoubles())
        }
        #expect(try Tensor.linspace(0, 1, count: 4, endpoint: false, dtype: .float32).toDoubles() == [0, 0.25, 0.5, 0.75])
        #expect(try Tensor.linspace(0, 1, count: 0).shape == [0])
        let a = try Tensor(shape: [2, 2], values: [1, 2, 3, 4], dtype: .float32)
        let b = try Tensor(shape: [2, 1], values: [9, 8], dtype: .int64)
        let c = try Tensor.concat([a, b, a.get([.all, .slice(start: 0, stop: 0, step: nil)])], axis: 1)
        #expect(c.shape == [2, 3] && c.dtype == .float32 && c.toDoubles() == [1, 2, 9, 3, 4, 8])
        #expect(try Tensor.stack([a, a.T], axis: 1).toDoubles() == [1, 2, 1, 3, 3, 4, 2, 4])
    }
}
