import Testing
@testable import TensorKit

/// X @ W and Xᵀ @ G with few columns stream X through CVectorMath instead of BLAS (issue 7).
/// Checked at each vector level this CPU runs against a double-precision triple loop, with
/// row counts that split across the cores and operands that are views.
@Suite struct SkinnyGemmTests {
    static var levels: [Int32] { [2, 3].filter { Int($0) <= CPUFeatureSet.current.vectorLevel } }

    static func run(_ a: Tensor, _ b: Tensor, level: Int32) throws -> Tensor? {
        let m = a.shape[0], k = a.shape[1], n = b.shape[1]
        let out = try Tensor(zeros: [m, n], dtype: a.dtype)
        let done = try Tensor.skinnyGemm(try Tensor.operand(a), try Tensor.operand(b), out, outOffset: 0,
                                         m: m, n: n, k: k, level: level)
        return done ? out : nil
    }

    @Test(arguments: [DType.float32, .float64], [1, 10, 16])
    func xTimesWMatchesTheNaiveProduct(dtype: DType, n: Int) throws {
        // 111037 elements: above the minimum; an odd row count leaves a last row on its own
        // after the pairs, and n = 10 leaves two columns after the blocks of four.
        let x = try GemmTests.matrix(3001, 37, dtype, salt: 11)
        let w = try GemmTests.matrix(37, n, dtype, salt: 12)
        let expected = try GemmTests.naiveProduct(x, w)
        for level in Self.levels {
            let got = try #require(try Self.run(x, w, level: level), "level \(level) n \(n) not taken")
            assertClose(got, expected, "\(dtype) n=\(n) level \(level)", rtol: dtype == .float32 ? 1e-5 : 1e-12, atol: 1e-5)
            // W as a transposed view: copied into Wᵀ the same way.
            let wT = try GemmTests.matrix(n, 37, dtype, salt: 12).transpose()
            assertClose(try #require(try Self.run(x, wT, level: level)), try GemmTests.naiveProduct(x, wT),
                        "\(dtype) transposed W level \(level)", rtol: dtype == .float32 ? 1e-5 : 1e-12, atol: 1e-5)
        }
        assertClose(try Tensor.matmul(x, w), expected, "through matmul", rtol: dtype == .float32 ? 1e-5 : 1e-12, atol: 1e-5)
    }

    @Test(arguments: [DType.float32, .float64])
    func xTransposedTimesGMatchesTheNaiveProduct(dtype: DType) throws {
        let x = try GemmTests.matrix(4100, 29, dtype, salt: 13)  // rows split over the cores
        let g = try GemmTests.matrix(4100, 10, dtype, salt: 14)
        let xt = try x.transpose()
        let expected = try GemmTests.naiveProduct(xt, g)
        for level in Self.levels {
            let got = try #require(try Self.run(xt, g, level: level), "level \(level) not taken")
            assertClose(got, expected, "\(dtype) level \(level)", rtol: dtype == .float32 ? 1e-4 : 1e-12, atol: 1e-3)
            // G with columns not contiguous: copied first.
            let gT = try GemmTests.matrix(10, 4100, dtype, salt: 14).transpose()
            assertClose(try #require(try Self.run(xt, gT, level: level)), try GemmTests.naiveProduct(xt, gT),
                        "\(dtype) strided G level \(level)", rtol: dtype == .float32 ? 1e-4 : 1e-12, atol: 1e-3)
        }
    }

    /// k-means' centre update: the one-hot matrix transposed times X.
    @Test(arguments: [DType.float32, .float64])
    func gTransposedTimesXMatchesTheNaiveProduct(dtype: DType) throws {
        let g = try GemmTests.matrix(4100, 10, dtype, salt: 15), x = try GemmTests.matrix(4100, 29, dtype, salt: 16)
        let gt = try g.transpose()
        let expected = try GemmTests.naiveProduct(gt, x)
        for level in Self.levels {
            let got = try #require(try Self.run(gt, x, level: level), "level \(level) not taken")
            assertClose(got, expected, "\(dtype) level \(level)", rtol: dtype == .float32 ? 1e-4 : 1e-12, atol: 1e-3)
        }
        // Batched, so that each product lands at its own offset of the output.
        let batch = try Tensor.stack([gt, try gt.unary(.negative)], axis: 0)
        let product = try Tensor.matmul(batch, x)
        assertClose(try product.get([.int(1)]), try expected.unary(.negative), "batch 1",
                    rtol: dtype == .float32 ? 1e-4 : 1e-12, atol: 1e-3)
    }

    /// float32 X @ float64 W: the float64 product of NumPy's promotion, X widened as it is read.
    @Test(arguments: [1, 10, 16])
    func mixedPrecisionProductMatchesTheWidenedProduct(n: Int) throws {
        let wide = try GemmTests.matrix(3001, 40, .float32, salt: 17)
        let x = try wide.get([.slice(start: nil, stop: nil, step: nil), .slice(start: 0, stop: 37, step: nil)])  // rows 40 apart: a view
        let w = try GemmTests.matrix(37, n, .float64, salt: 18)
        let expected = try GemmTests.naiveProduct(try x.cast(to: .float64), w)
        for level in Self.levels {
            let got = try #require(try Tensor.mixedSkinnyProduct(x, w, level: level), "level \(level) not taken")
            #expect(got.dtype == .float64)
            assertClose(got, expected, "n=\(n) level \(level)", rtol: 1e-12, atol: 1e-12)
        }
        let viaMatmul = try Tensor.matmul(x, w)
        #expect(viaMatmul.dtype == .float64)
        assertClose(viaMatmul, expected, "through matmul", rtol: 1e-12, atol: 1e-12)
        #expect(try Tensor.mixedSkinnyProduct(x, w, level: 0) == nil)  // no AVX2: cast, then BLAS
        #expect(try Tensor.mixedSkinnyProduct(try x.cast(to: .float64), w) == nil)  // not mixed
    }

    @Test func otherShapesAndLevelsGoToBLAS() throws {
        let x = try GemmTests.matrix(3000, 37, .float32, salt: 1)
        #expect(try Self.run(x, try GemmTests.matrix(37, 17, .float32, salt: 2), level: 3) == nil)  // 17 columns
        #expect(try Self.run(x, try GemmTests.matrix(37, 4, .float32, salt: 2), level: 0) == nil)  // no AVX2
        let small = try GemmTests.matrix(30, 37, .float32, salt: 1)
        #expect(try Self.run(small, try GemmTests.matrix(37, 4, .float32, salt: 2), level: 3) == nil)  // too small
    }
}
