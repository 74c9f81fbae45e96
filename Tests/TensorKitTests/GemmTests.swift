import Testing
@testable import TensorKit

/// How products reach BLAS (issue 7): large ones in several calls so that Ctrl-C lands between
/// them, tall-and-skinny ones as (Bᵀ Aᵀ)ᵀ. Small blocks here force the split; the expected
/// values come from a plain triple loop in double precision, independently of BLAS.
@Suite struct GemmTests {
    /// Values in [-1, 1) from a fixed pattern, so that every entry of a product differs.
    static func matrix(_ rows: Int, _ cols: Int, _ dtype: DType, salt: Int) throws -> Tensor {
        let values = (0..<rows * cols).map { Double(($0 * 7919 + salt * 104729) % 2003) / 1001.5 - 1 }
        return try Tensor(shape: [rows, cols], values: values, dtype: dtype)
    }

    static func naiveProduct(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let m = a.shape[0], k = a.shape[1], n = b.shape[1]
        let x = try a.copy().toDoubles(), y = try b.copy().toDoubles()
        var out = [Double](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { for p in 0..<k { out[i * n + j] += x[i * k + p] * y[p * n + j] } } }
        return try Tensor(shape: [m, n], values: out, dtype: a.dtype)
    }

    @Test(arguments: [DType.float32, .float64], [false, true])
    func aSplitProductEqualsTheWholeOne(dtype: DType, transposedLeft: Bool) throws {
        let a = transposedLeft ? try Self.matrix(13, 37, dtype, salt: 1).transpose() : try Self.matrix(37, 13, dtype, salt: 1)
        let b = try Self.matrix(13, 11, dtype, salt: 2)
        let expected = try Self.naiveProduct(a, b)
        // 13 * 11 = 143 multiply-adds a row: 5 rows a block, the last block 2 rows.
        for work in [1, 143 * 5, 1 << 33] {
            let product = try Tensor.matmul(a, b, blockWork: work)
            assertClose(product, expected, "\(dtype) transposed=\(transposedLeft) block work \(work)",
                        rtol: dtype == .float32 ? 1e-5 : 1e-12, atol: 1e-5)
        }
    }

    /// A long shared axis is cut into k-slices accumulated into C (beta = 1 after the first).
    @Test(arguments: [DType.float32, .float64], [false, true])
    func aProductCutAlongKEqualsTheWholeOne(dtype: DType, transposedRight: Bool) throws {
        let a = try Self.matrix(3, 1100, dtype, salt: 7)
        let b = transposedRight ? try Self.matrix(2, 1100, dtype, salt: 8).transpose() : try Self.matrix(1100, 2, dtype, salt: 8)
        #expect(Tensor.GemmSplit(m: 3, n: 2, k: 1100, blockWork: 3300) == .alongK(chunk: 768))
        let product = try Tensor.matmul(a, b, blockWork: 3300)
        assertClose(product, try Self.naiveProduct(a, b), "\(dtype) transposed=\(transposedRight)",
                    rtol: dtype == .float32 ? 1e-4 : 1e-12, atol: 1e-4)
    }

    @Test func largeProductsAreCutAlongKAndShortKIsCutByRows() {
        #expect(Tensor.GemmSplit(m: 2048, n: 2048, k: 2048, blockWork: Tensor.gemmBlockWork) == .whole)
        #expect(Tensor.GemmSplit(m: 4096, n: 4096, k: 4096, blockWork: Tensor.gemmBlockWork) == .alongK(chunk: 512))
        #expect(Tensor.GemmSplit(m: 1 << 20, n: 1 << 14, k: 10, blockWork: Tensor.gemmBlockWork) == .alongRows(rows: 52428))
        #expect(Tensor.GemmSplit(m: Int(Int32.max) - 1, n: Int(Int32.max) - 1, k: Int(Int32.max) - 1, blockWork: 1)
                == .alongRows(rows: 1))
    }

    @Test func aBatchedSplitProductEqualsEachProduct() throws {
        let a = try Self.matrix(3 * 9, 4, .float64, salt: 3).reshape([3, 9, 4])
        let b = try Self.matrix(4, 5, .float64, salt: 4)
        let product = try Tensor.matmul(a, b, blockWork: 20 * 2)
        for i in 0..<3 {
            let slice = try product.get([.int(i)])
            assertClose(slice, try Self.naiveProduct(try a.get([.int(i)]), b), "batch \(i)")
        }
    }

    /// Tall, skinny outputs (m ≥ 16n, n ≤ 64) go through the transposed product.
    @Test(arguments: [DType.float32, .float64], [false, true])
    func aTallSkinnyProductEqualsTheNaiveOne(dtype: DType, transposedOperands: Bool) throws {
        #expect(Tensor.prefersTransposedProduct(m: 40, n: 2) && !Tensor.prefersTransposedProduct(m: 40, n: 3))
        let a = transposedOperands ? try Self.matrix(7, 40, dtype, salt: 9).transpose() : try Self.matrix(40, 7, dtype, salt: 9)
        let b = transposedOperands ? try Self.matrix(2, 7, dtype, salt: 10).transpose() : try Self.matrix(7, 2, dtype, salt: 10)
        let expected = try Self.naiveProduct(a, b)
        assertClose(try Tensor.matmul(a, b), expected, "\(dtype) transposed=\(transposedOperands)",
                    rtol: dtype == .float32 ? 1e-5 : 1e-12, atol: 1e-5)
        // Batched: each product lands at its own offset of the output.
        let batch = try Tensor.stack([a, try a.unary(.negative)], axis: 0)
        let product = try Tensor.matmul(batch, b)
        assertClose(try product.get([.int(0)]), expected, "batch 0")
        assertClose(try product.get([.int(1)]), try expected.unary(.negative), "batch 1")
    }

    /// norm over all axes is sqrt(x · x) through BLAS: views, integers and keepdims.
    @Test func normOverAllAxesIsTheSquareRootOfTheDot() throws {
        let m = try Self.matrix(7, 5, .float64, salt: 17)
        let expected = m.toDoubles().reduce(0) { $0 + $1 * $1 }.squareRoot()
        assertClose(try m.transpose().norm(), try Tensor(scalar: expected, dtype: .float64), "transposed view")
        let kept = try m.norm(keepdims: true)
        #expect(kept.shape == [1, 1])
        assertClose(try kept.reshape([]), try Tensor(scalar: expected, dtype: .float64), "keepdims")
        let ints = try Tensor(shape: [2], values: [3, 4], dtype: .int64)
        assertClose(try ints.norm(), try Tensor(scalar: 5, dtype: .float32), "int64 gives float32 (Promotion.floatResult)")
        assertClose(try Tensor(zeros: [0], dtype: .float32).norm(), try Tensor(scalar: 0, dtype: .float32), "empty")
    }

    @Test func anInterruptDuringAProductStopsItAfterTheCurrentBlock() throws {
        let a = try Self.matrix(64, 8, .float32, salt: 5), b = try Self.matrix(8, 8, .float32, salt: 6)
        let flag = CancellationFlag()
        flag.cancel()
        #expect(throws: TensorError.interrupted) {
            try Cancellation.$current.withValue(flag) { try Tensor.matmul(a, b, blockWork: 64) }
        }
        #expect(throws: TensorError.interrupted) {
            try Cancellation.$current.withValue(flag) { try Tensor.matmul(a, b) }  // one block: checked when it returns
        }
    }
}

/// Matrix-vector products go through gemv (issue 7): every layout of the matrix, both sides,
/// strided vectors, against the double-precision triple loop; the cases gemv leaves alone.
@Suite struct MatrixVectorTests {
    @Test(arguments: [DType.float32, .float64], [false, true])
    func matrixTimesVectorEqualsTheNaiveProduct(dtype: DType, transposedMatrix: Bool) throws {
        let m = transposedMatrix ? try GemmTests.matrix(6, 9, dtype, salt: 20).transpose() : try GemmTests.matrix(9, 6, dtype, salt: 20)
        let long = try GemmTests.matrix(1, 12, dtype, salt: 21).reshape([12])
        let v6 = try long.get([.slice(start: 0, stop: 12, step: 2)])  // a strided vector of 6
        let v9 = try long.get([.slice(start: 0, stop: 9, step: 1)])
        let tol = dtype == .float32 ? 1e-5 : 1e-12
        let mv = try #require(try Tensor.matrixVector(m, v6))
        assertClose(mv, try GemmTests.naiveProduct(m, v6.reshape([6, 1])).reshape([9]), "M v", rtol: tol, atol: 1e-6)
        let vm = try #require(try Tensor.matrixVector(v9, m))
        assertClose(vm, try GemmTests.naiveProduct(v9.reshape([1, 9]), m).reshape([6]), "v M", rtol: tol, atol: 1e-6)
        assertClose(try Tensor.matmul(m, v6), mv, "through matmul")
    }

    @Test func otherCasesTakeTheGeneralPath() throws {
        let m = try GemmTests.matrix(3, 4, .float32, salt: 1)
        #expect(try Tensor.matrixVector(m, try GemmTests.matrix(1, 4, .float64, salt: 2).reshape([4])) == nil)  // mixed dtypes
        #expect(try Tensor.matrixVector(m, try Tensor(zeros: [5], dtype: .float32)) == nil)  // mismatch: the general error
        #expect(throws: TensorError.innerDimensionMismatch(op: "@", lhs: [3, 4], rhs: [5], left: 4, right: 5)) {
            try Tensor.matmul(m, try Tensor(zeros: [5], dtype: .float32))
        }
        let reversed = try GemmTests.matrix(1, 4, .float32, salt: 3).reshape([4]).get([.slice(start: nil, stop: nil, step: -1)])
        #expect(try Tensor.matrixVector(m, reversed) == nil)  // negative stride
        assertClose(try Tensor.matmul(m, reversed), try GemmTests.naiveProduct(m, reversed.copy().reshape([4, 1])).reshape([3]),
                    "reversed vector, general path", rtol: 1e-5, atol: 1e-6)
        assertClose(try Tensor.matmul(try Tensor(zeros: [0, 4], dtype: .float32), try Tensor(zeros: [4], dtype: .float32)),
                    try Tensor(zeros: [0], dtype: .float32), "empty")
    }
}

/// outer of contiguous float vectors runs row by row (issue 7); other inputs broadcast.
@Suite struct OuterTests {
    @Test(arguments: [DType.float32, .float64, .int64])
    func outerEqualsTheProductOfEachPair(dtype: DType) throws {
        for (m, n) in [(1, 1), (3, 17), (700, 900), (0, 4)] {  // 700×900 splits across the cores
            let x = try Tensor(shape: [m], values: (0..<m).map { Double($0 % 13) - 6 }, dtype: dtype)
            let y = try Tensor(shape: [n], values: (0..<n).map { Double($0 % 7) + 0.5 * Double($0 % 2) }, dtype: dtype)
            let got = try Tensor.outer(x, y)
            #expect(got.shape == [m, n])
            let xs = x.toDoubles(), ys = y.toDoubles(), out = got.toDoubles()
            for i in 0..<m { for j in stride(from: 0, to: n, by: 7) { #expect(out[i * n + j] == xs[i] * ys[j], "\(dtype) \(m)x\(n) [\(i), \(j)]") } }
        }
        let grid = try Tensor(shape: [2, 2], values: [1, 2, 3, 4], dtype: dtype)
        #expect(try Tensor.outer(grid.transpose(), grid).toDoubles()[0..<4] == [1, 2, 3, 4])  // flattened view: 1, 3, 2, 4
    }
}
