import Foundation
import Testing
@testable import TensorKit

/// Fancy-index gathers and scatters (row, column and strided blocks) and single-element
/// reads and writes, against plain loops over the row-major values.
@Suite("Gathers and element access")
struct GatherAndElementTests {
    static let rows = 6, cols = 5
    static func matrix(_ dtype: DType) throws -> (Tensor, [Double]) {
        let v = (0..<(rows * cols)).map { Double(($0 * 37) % 101) - (dtype == .uint8 || dtype == .bool ? 0 : 50) }
        let t = try Tensor(shape: [rows, cols], values: v, dtype: dtype)
        return (t, t.toDoubles())
    }

    @Test(arguments: DType.allCases)
    func columnGatherWithNegativeAndRepeatedIndices(_ dtype: DType) throws {
        let (x, v) = try Self.matrix(dtype)
        let idx: [Int64] = [4, -1, 0, 2, 2]
        let got = try x.get([.all, .tensor(Tensor(shape: [5], elements: idx))])
        #expect(got.shape == [Self.rows, 5] && got.dtype == dtype)
        let expected = (0..<Self.rows).flatMap { r in idx.map { v[r * Self.cols + Int(($0 + 5) % 5)] } }
        #expect(got.toDoubles() == expected)
    }

    @Test func gathersFromNonContiguousViews() throws {
        let (x, v) = try Self.matrix(.float64)
        // Rows of the transpose: blocks with stride `cols`.
        let rowsOfT = try x.T.get([.tensor(Tensor(shape: [2], elements: [Int64(3), 1]))])
        #expect(rowsOfT.toDoubles() == [3, 1].flatMap { c in (0..<Self.rows).map { v[$0 * Self.cols + c] } })
        // A column gather of a stepped slice, and a 3-D block with strided inner axes.
        let stepped = try x.get([.slice(start: nil, stop: nil, step: 2), .tensor(Tensor(shape: [2], elements: [Int64(1), 0]))])
        #expect(stepped.toDoubles() == [0, 2, 4].flatMap { r in [1, 0].map { v[r * Self.cols + $0] } })
        let cube = try Tensor(shape: [2, 3, 4], values: (0..<24).map(Double.init), dtype: .float32)
        let picked = try cube.transpose([0, 2, 1]).get([.tensor(Tensor(shape: [2], elements: [Int64(1), 0]))])
        var expected: [Double] = []
        for a in [1, 0] { for b in 0..<4 { for c in 0..<3 { expected.append(Double(a * 12 + c * 4 + b)) } } }
        #expect(picked.shape == [2, 4, 3] && picked.toDoubles() == expected)
    }

    @Test func gatherEdgeCasesAndErrors() throws {
        let (x, _) = try Self.matrix(.float32)
        #expect(try x.get([.all, .tensor(Tensor.zeros([0], dtype: .int64))]).shape == [Self.rows, 0])
        #expect(try Tensor.zeros([0, 3]).get([.all, .tensor(Tensor(shape: [1], elements: [Int64(2)]))]).shape == [0, 1])
        #expect(throws: TensorError.indexOutOfRange(index: 5, axis: 1, size: 5)) {
            try x.get([.all, .tensor(Tensor(shape: [2], elements: [Int64(0), 5]))])
        }
        #expect(throws: TensorError.indexOutOfRange(index: -7, axis: 0, size: 6)) {
            try x.get([.tensor(Tensor(shape: [1], elements: [Int64(-7)]))])
        }
    }

    @Test func columnScatterWritesInOrder() throws {
        let x = try Tensor.zeros([3, 4], dtype: .int64)
        let idx = try Tensor(shape: [3], elements: [Int64(1), 3, 1])
        try x.set([.all, .tensor(idx)], to: try Tensor(shape: [3], elements: [Int64(7), 8, 9]))
        #expect(x.toInt64s() == [0, 9, 0, 8, 0, 9, 0, 8, 0, 9, 0, 8], "the last of repeated writes wins")
    }

    @Test(arguments: DType.allCases)
    func elementReadsAndWritesMatchIndexing(_ dtype: DType) throws {
        let (x, v) = try Self.matrix(dtype)
        for (i, j) in [(0, 0), (5, 4), (-1, -1), (2, -5), (-6, 3)] {
            let at = x.offset + (try x.axisOffset(i, axis: 0)) + (try x.axisOffset(j, axis: 1))
            let r = (i + Self.rows) % Self.rows, c = (j + Self.cols) % Self.cols
            #expect(x.element(at: at) == v[r * Self.cols + c])
            #expect(x.element(at: at) == (try x.get([.int(i), .int(j)]).item()))
        }
        // Writes convert as a scalar tensor of the dtype does (truncation for ints, != 0 for bool).
        let y = try x.copy(), z = try x.copy()
        let at = y.offset + (try y.axisOffset(1, axis: 0)) + (try y.axisOffset(-2, axis: 1))
        try y.setElement(at: at, to: 2.75)
        try z.set([.int(1), .int(-2)], to: 2.75)
        #expect(y.toDoubles() == z.toDoubles())
        #expect(y.toDoubles()[1 * Self.cols + 3] == (try Tensor(scalar: 2.75, dtype: dtype)).toDoubles()[0])
    }

    @Test func leadingIntegerViewsMatchIndexing() throws {
        let cube = try Tensor(shape: [2, 3, 4], values: (0..<24).map(Double.init), dtype: .float32)
        for t in [cube, try cube.transpose([2, 0, 1])] {
            let at = t.offset + (try t.axisOffset(-1, axis: 0))
            let row = t.view(at: at, droppingLeading: 1)
            let reference = try t.get([.int(-1)])
            #expect(row.shape == reference.shape && row.toDoubles() == reference.toDoubles())
            let at2 = at + (try t.axisOffset(1, axis: 1))
            #expect(t.view(at: at2, droppingLeading: 2).toDoubles() == (try t.get([.int(-1), .int(1)])).toDoubles())
            #expect(t.view(at: at2, droppingLeading: 2).storage === t.storage, "a view, not a copy")
        }
    }

    @Test func elementAccessOnViewsAndErrors() throws {
        let (x, v) = try Self.matrix(.float32)
        let t = x.T  // non-contiguous
        let at = t.offset + (try t.axisOffset(4, axis: 0)) + (try t.axisOffset(1, axis: 1))
        #expect(t.element(at: at) == v[1 * Self.cols + 4])
        try t.setElement(at: at, to: -3)
        #expect(x.toDoubles()[1 * Self.cols + 4] == -3, "a write through a view changes the base")
        #expect(throws: TensorError.indexOutOfRange(index: 6, axis: 0, size: 6)) { try x.axisOffset(6, axis: 0) }
        #expect(throws: TensorError.indexOutOfRange(index: -6, axis: 1, size: 5)) { try x.axisOffset(-6, axis: 1) }
        let wide = try Tensor.ones([1, 3]).broadcast(to: [4, 3])
        #expect(throws: TensorError.invalidArgument(op: "[]=", message: "cannot write into a broadcast view")) {
            try wide.setElement(at: wide.offset, to: 1)
        }
    }

    @Test func shortestDoubleMatchesTheShortestDigits() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var floats: [Float] = (0...255).map { Float($0) / 255 } + [0.1, -0.1, 1e-3, 3.4028235e38, -0.0, 0, 1e10, 16777216, Float(16777216).nextUp, 16777215,
                                                                     .leastNormalMagnitude, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .infinity, -.infinity, 0.3, 2.5e-8]
        for k in -126...127 { floats += [Float(sign: .plus, exponent: k, significand: 1), Float(sign: .plus, exponent: k, significand: 1).nextDown] }
        for _ in 0..<200_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let f = Float(bitPattern: UInt32(truncatingIfNeeded: state >> 32))
            if f.isFinite { floats.append(f) }
            // And in the ranges data lives in: [0, 1) and about ±1000.
            let u = Float(state >> 40) / Float(1 << 24)
            floats += [u, (u - 0.5) * 2000]
        }
        var mismatches: [Float] = []
        for f in floats {
            let expected = Double("\(f)") ?? .nan
            let got = f.shortestDouble
            if !(got == expected && got.sign == expected.sign) { mismatches.append(f) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10).map { "\($0) -> \($0.shortestDouble)" })")
        #expect(Float.nan.shortestDouble.isNaN)
    }
}
