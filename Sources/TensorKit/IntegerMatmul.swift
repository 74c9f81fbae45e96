/// Exact integer matrix products. BLAS has no integer gemm, and going through float32 would
/// round every value above 2^24, so two integer or bool operands multiply in int64 with
/// wrapping arithmetic (as NumPy's integer matmul wraps) and the result takes NumPy's dtype:
/// int64 with int64 gives int64, uint8 with uint8 gives uint8 (modulo 256, as NumPy), bool
/// with bool gives bool (an "any" of "and"s).

extension Tensor {
    /// `a @ b` for integer or bool operands.
    static func integerMatmul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let p = try ProductOperands(a, b, as: .int64)
        let x = try p.x.contiguous(), y = try p.y.contiguous()
        let out = try Tensor(zeros: p.batch + [p.m, p.n], dtype: .int64)
        let batchCount = p.batch.reduce(1, *)
        let px = SendablePointer(x.base(Int64.self)), py = SendablePointer(y.base(Int64.self))
        let po = SendablePointer(out.base(Int64.self))
        let (m, k, n) = (p.m, p.k, p.n)
        if batchCount > 0 && m > 0 && n > 0 && k > 0 {
            // One unit of work is one output row of one batch entry: k·n multiply-adds.
            try Parallel.forEachChunk(count: batchCount * m, unitCost: k * n) { rows in
                for row in rows {
                    let bi = row / m, i = row % m
                    multiplyRow(px.p + bi * m * k + i * k, py.p + bi * k * n, po.p + bi * m * n + i * n, k: k, n: n)
                }
            }
        }
        let result = try finish(out, p.vecLeft, p.vecRight)
        return try result.cast(to: Promotion.promote(a.dtype, b.dtype))
    }

    /// `outRow += aRow @ b` for one row: the i-k-j order reads `b` and writes `outRow`
    /// contiguously, so the inner loop vectorises.
    private static func multiplyRow(_ aRow: UnsafeMutablePointer<Int64>, _ b: UnsafeMutablePointer<Int64>,
                                    _ outRow: UnsafeMutablePointer<Int64>, k: Int, n: Int) {
        for kk in 0..<k {
            let scale = aRow[kk], bRow = b + kk * n
            if scale == 0 { continue }
            for j in 0..<n { outRow[j] = outRow[j] &+ scale &* bRow[j] }
        }
    }
}
