import Foundation
import Testing
@testable import TensorKit

/// The fast paths of issue 7: typed row sorts, block gathers, single-element access and the
/// float32 digits of a read element. Each is checked against values computed here by plain
/// loops over Swift arrays, independently of the kernels.
@Suite("Small-tensor fast paths")
struct SmallOpsTests {
    /// A deterministic mix with duplicates, negatives and (for floats) NaN and ±0.
    static func values(_ n: Int, nan: Bool) -> [Double] {
        (0..<n).map { i in
            if nan && i % 7 == 3 { return .nan }
            if i % 5 == 0 { return 0 }
            return Double((i * 7919) % 23) - 11 + (i % 3 == 0 ? 0.5 : 0)
        }
    }

    /// Column `j` of a row-major `rows`×`cols` array.
    static func column(_ a: [Double], _ rows: Int, _ cols: Int, _ j: Int) -> [Double] { (0..<rows).map { a[$0 * cols + j] } }

    /// NumPy's order: NaN last, the rest ascending; a stable index sort by that order.
    static func reference(_ v: [Double]) -> (sorted: [Double], order: [Int64]) {
        let order = v.indices.sorted { i, j in
            let a = v[i], b = v[j]
            if a.isNaN || b.isNaN { return !a.isNaN && b.isNaN || (a.isNaN && b.isNaN && i < j) }
            return a < b || (a == b && i < j)
        }
        return (order.map { v[$0] }, order.map { Int64($0) })
    }

    static func same(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }

    @Test(arguments: DType.allCases)
    func sortAndArgsortAlongEachAxisMatchAPlainSort(_ dtype: DType) throws {
        let rows = 37, cols = 5
        let raw = Self.values(rows * cols, nan: dtype.isFloatingPoint)
        let x = try Tensor(shape: [rows, cols], values: raw, dtype: dtype)
        let stored = x.toDoubles()  // after conversion to the dtype
        let s0 = try x.sort(axis: 0), a0 = try x.argsort(axis: 0)
        #expect(s0.dtype == dtype && s0.shape == [rows, cols] && a0.dtype == .int64)
        for j in 0..<cols {
            let ref = Self.reference(Self.column(stored, rows, cols, j))
            #expect(Self.same(Self.column(s0.toDoubles(), rows, cols, j), ref.sorted))
            let column = Self.column(a0.toDoubles(), rows, cols, j)
            #expect(column == ref.order.map { Double($0) })
        }
        let s1 = try x.sort(axis: -1), a1 = try x.argsort(axis: 1)
        for i in 0..<rows {
            let ref = Self.reference(Array(stored[(i * cols)..<((i + 1) * cols)]))
            #expect(Self.same(Array(s1.toDoubles()[(i * cols)..<((i + 1) * cols)]), ref.sorted))
            #expect(Array(a1.toInt64s()[(i * cols)..<((i + 1) * cols)]) == ref.order)
        }
        let flat = Self.reference(stored)
        #expect(Self.same(try x.sort(axis: nil).toDoubles(), flat.sorted))
        #expect(try x.argsort(axis: nil).toInt64s() == flat.order)
    }

    /// A middle axis of a 3-D tensor: lines with outer and inner neighbours, and an inner size
    /// (20) that leaves a partial block of lines.
    @Test(arguments: [DType.float32, .int64])
    func sortAlongAMiddleAxis(_ dtype: DType) throws {
        let (a, b, c) = (3, 7, 20)
        let x = try Tensor(shape: [a, b, c], values: Self.values(a * b * c, nan: dtype.isFloatingPoint), dtype: dtype)
        let v = x.toDoubles()
        let sorted = try x.sort(axis: 1).toDoubles(), order = try x.argsort(axis: -2).toInt64s()
        for i in 0..<a {
            for k in 0..<c {
                let positions = (0..<b).map { i * b * c + $0 * c + k }
                let ref = Self.reference(positions.map { v[$0] })
                #expect(Self.same(positions.map { sorted[$0] }, ref.sorted))
                #expect(positions.map { order[$0] } == ref.order)
            }
        }
    }

    @Test func sortLeavesItsInputAndViewsAlone() throws {
        let x = try Tensor(shape: [4, 3], values: [5, 1, 4, 2, 8, 0, 7, 3, 6, 9, 11, 10], dtype: .float32)
        let before = x.toDoubles()
        // A non-contiguous view (the transpose, every other row) sorts like its copy.
        let view = try x.T.get([.all, .slice(start: nil, stop: nil, step: 2)])
        #expect(try view.sort(axis: 1).toDoubles() == [5, 7, 1, 3, 4, 6])
        #expect(try view.sort(axis: 0).toDoubles() == [1, 3, 4, 6, 5, 7])
        #expect(x.toDoubles() == before)
        let contiguous = try x.sort(axis: 1)
        #expect(contiguous.toDoubles() == [1, 4, 5, 0, 2, 8, 3, 6, 7, 9, 10, 11])
        #expect(x.toDoubles() == before, "sorting a contiguous tensor copies it first")
    }

    /// The fallbacks of the row sort, run directly: heapsort (taken when the quicksort depth
    /// budget is spent), a zero budget, insertion sort, and many equal values.
    @Test func rowSortFallbacksSortToo() {
        var state: UInt64 = 42
        var inputs: [[Float]] = [0, 1, 2, 3, 15, 16, 17, 100, 1000].map { n in
            (0..<n).map { i in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return i % 4 == 0 ? 0 : Float(Int(state >> 50)) - 8000
            }
        }
        // Adversarial shapes for the partition: all equal, sorted, reversed, organ pipe, two values.
        inputs += [[Float](repeating: 3, count: 500), (0..<500).map(Float.init), (0..<500).map { Float(500 - $0) },
                   (0..<500).map { Float(Swift.min($0, 500 - $0)) }, (0..<500).map { Float($0 % 2) }]
        for data in inputs {
            let n = data.count
            for method in 0..<3 {
                var v = data
                v.withUnsafeMutableBufferPointer { b in
                    guard let p = b.baseAddress else { return }
                    switch method {
                    case 0: Sorting.heapsort(p, n)
                    case 1: Sorting.introsort(p, 0, n, depth: 0)
                    default: Sorting.introsort(p, 0, n, depth: 2)
                    }
                }
                #expect(v == data.sorted(), "n=\(n) method \(method) first \(data.prefix(3))")
            }
        }
    }

    /// Reductions over everything of small float tensors take a short path; it must agree
    /// with plain loops and with the general path (an explicit axis list).
    @Test(arguments: [DType.float32, .float64])
    func smallFullReductions(_ dtype: DType) throws {
        let v: [Double] = [0.5, -2, 3.25, 8, -0.125, 1, 7, -3, 2, 0.75, 4, -1, 6, 5, 0.5, 9, -7]  // 17: SIMD lanes + tail
        let x = try Tensor(shape: [v.count], values: v, dtype: dtype)
        #expect(try x.sum().item() == v.reduce(0, +))
        #expect(try x.max().item() == 9 && x.min().item() == -7)
        #expect(try x.prod().item() == (try Tensor(scalar: v.reduce(1, *), dtype: dtype)).item())
        let m = try x.reshape([1, 17])
        for op in [ReduceOp.sum, .prod, .max, .min, .mean] {
            #expect(try m.reduce(op).item() == (try m.reduce(op, axes: [0, 1]).item()))
            #expect(try m.reduce(op).shape == [])
        }
        let withNaN = try Tensor(shape: [3], values: [1, .nan, 2], dtype: dtype)
        #expect(try withNaN.max().item().isNaN && withNaN.sum().item().isNaN)
        let strided = try x.get([.slice(start: nil, stop: nil, step: 2)])
        #expect(try strided.sum().item() == stride(from: 0, to: v.count, by: 2).map { v[$0] }.reduce(0, +))
        #expect(throws: TensorError.self) { try Tensor.zeros([0], dtype: dtype).max() }
        #expect(try Tensor.zeros([0], dtype: dtype).sum().item() == 0)
    }

    @Test func sortEdgeCases() throws {
        #expect(try Tensor.zeros([0, 4]).sort(axis: 0).shape == [0, 4])
        #expect(try Tensor.zeros([3, 0]).argsort(axis: 1).shape == [3, 0])
        #expect(try Tensor(scalar: Float(2)).sort().toDoubles() == [2])
    }

    @Test func sortRejectsABadAxis() {
        #expect(throws: TensorError.axisOutOfRange(axis: 2, ndim: 2)) { try Tensor.zeros([2, 2]).sort(axis: 2) }
        #expect(throws: TensorError.axisOutOfRange(axis: -3, ndim: 2)) { try Tensor.zeros([2, 2]).argsort(axis: -3) }
    }

    @Test(arguments: DType.allCases)
    func uniqueCountsRuns(_ dtype: DType) throws {
        let raw = Self.values(60, nan: dtype.isFloatingPoint)
        let x = try Tensor(shape: [60], values: raw, dtype: dtype)
        var expected: [(Double, Int64)] = []
        for v in Self.reference(x.toDoubles()).sorted {
            if let last = expected.last, last.0 == v || (last.0.isNaN && v.isNaN) { expected[expected.count - 1].1 += 1 } else { expected.append((v, 1)) }
        }
        let (values, counts) = try x.unique()
        #expect(values.dtype == dtype)
        #expect(Self.same(values.toDoubles(), expected.map { $0.0 }))
        #expect(counts.toInt64s() == expected.map { $0.1 })
    }
}
