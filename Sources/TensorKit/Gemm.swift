/// The one file that calls BLAS for products (OpenBLAS on Linux, Accelerate on macOS).
/// Transposed views are passed as `CblasTrans` with their leading dimension instead of being
/// copied, and large products run as several calls so that Ctrl-C lands between them.

#if canImport(Accelerate)
import Accelerate
#else
import CBLAS
#endif

extension Tensor {
    /// A matrix as BLAS sees it: the tensor to read, whether it is transposed, its leading dimension.
    struct BLASOperand {
        let tensor: Tensor
        let transposed: Bool
        let ld: Int

        /// The offset (in elements) of entry (row, col) of the matrix this operand stands for.
        func offset(row: Int, col: Int) -> Int { transposed ? col * ld + row : row * ld + col }

        /// The same storage read as the transposed matrix.
        var transpose: BLASOperand { BLASOperand(tensor: tensor, transposed: !transposed, ld: ld) }
    }

    /// Whether an m×n product runs faster as (Bᵀ Aᵀ)ᵀ: OpenBLAS 0.3.21's kernels handle a
    /// handful of output columns against many rows 10-25 % slower than the transposed shape
    /// (measured for 60000×784 times 784×n, n from 10 to 64, and for Xᵀ G, on SkylakeX),
    /// while the extra transposing copy of the m×n result costs about 1 %.
    static func prefersTransposedProduct(m: Int, n: Int) -> Bool { n <= 64 && m >= 16 * n }

    /// `out[outOffset...] = a @ b`, computed as `(bᵀ @ aᵀ)ᵀ` into a scratch n×m matrix first.
    static func gemmTransposed(_ a: BLASOperand, _ b: BLASOperand, _ out: Tensor, outOffset: Int, m: Int, n: Int, k: Int,
                               blockWork: Int, cancellation: CancellationFlag?) throws {
        let scratch = try Tensor(uninitialized: [n, m], dtype: out.dtype)
        try gemm(b.transpose, a.transpose, scratch, outOffset: 0, m: n, n: m, k: k, blockWork: blockWork,
                 cancellation: cancellation)
        let target = Tensor(storage: out.storage, shape: [n, m], strides: [1, n], offset: out.offset + outOffset)
        try target.assign(scratch)
    }

    /// Classifies a 2-D view: row-major (NoTrans), column-major (Trans), or copied.
    static func operand(_ t: Tensor) throws -> BLASOperand {
        let r = t.shape[0], c = t.shape[1], s0 = t.strides[0], s1 = t.strides[1]
        if Swift.max(Swift.abs(s0), Swift.abs(s1)) >= Int(Int32.max) {
            return BLASOperand(tensor: try t.copy(), transposed: false, ld: Swift.max(1, c))
        }
        if (s1 == 1 || c == 1) && (s0 >= Swift.max(1, c) || r == 1) {
            return BLASOperand(tensor: t, transposed: false, ld: r == 1 ? Swift.max(1, c) : s0)
        }
        if (s0 == 1 || r == 1) && (s1 >= Swift.max(1, r) || c == 1) {
            return BLASOperand(tensor: t, transposed: true, ld: c == 1 ? Swift.max(1, r) : s1)
        }
        let copy = try t.copy()
        return BLASOperand(tensor: copy, transposed: false, ld: Swift.max(1, c))
    }

    /// Multiply-adds in one BLAS call at most. 2^33 take about 0.06 s at 300 GFLOP/s (0.4 s on
    /// OpenBLAS's generic kernels), so that an interrupt lands within about 0.1 s; products up
    /// to 2048² run as one call.
    static let gemmBlockWork = 1 << 33

    /// How a product is cut into BLAS calls. Along the shared axis k first: OpenBLAS packs
    /// each k-slice of both operands once either way and accumulates into C slice by slice
    /// itself, so the cut costs nothing measurable. Cutting rows of C instead makes every
    /// call repack all of B (about 15 % of a 4096² product in 8 blocks), so rows are cut only
    /// when k is too short to cut.
    enum GemmSplit: Equatable {
        case whole
        case alongK(chunk: Int)
        case alongRows(rows: Int)

        /// k-slices stay at least this long, a multiple of OpenBLAS's own k-blocking.
        static let minimumKChunk = 512

        init(m: Int, n: Int, k: Int, blockWork: Int) {
            let work = Double(m) * Double(n) * Double(k)
            let blocks = Int(Swift.min((work / Double(Swift.max(1, blockWork))).rounded(.up), Double(Int32.max)))
            if blocks <= 1 { self = .whole; return }
            let chunk = (k + blocks - 1) / blocks
            if chunk >= GemmSplit.minimumKChunk {
                self = .alongK(chunk: (chunk + 255) / 256 * 256)
            } else {
                self = .alongRows(rows: Swift.max(1, blockWork / Swift.max(1, n * k)))
            }
        }
    }

    /// `out[outOffset...] = a @ b` (m×k times k×n) in one or more BLAS calls; throws
    /// `interrupted` after the call during which `cancellation` was set.
    static func gemm(_ a: BLASOperand, _ b: BLASOperand, _ out: Tensor, outOffset: Int, m: Int, n: Int, k: Int,
                     blockWork: Int, cancellation: CancellationFlag?) throws {
        if k == 0 { return }  // the output is already zeros
        func stopIfInterrupted() throws {
            if let cancellation, cancellation.isCancelled { throw TensorError.interrupted }
        }
        switch GemmSplit(m: m, n: n, k: k, blockWork: blockWork) {
        case .whole:
            gemmCall(a, b, out, aOffset: 0, bOffset: 0, outOffset: outOffset, m: m, n: n, k: k, accumulate: false)
            try stopIfInterrupted()
        case .alongK(let chunk):
            for k0 in stride(from: 0, to: k, by: chunk) {
                gemmCall(a, b, out, aOffset: a.offset(row: 0, col: k0), bOffset: b.offset(row: k0, col: 0),
                         outOffset: outOffset, m: m, n: n, k: Swift.min(chunk, k - k0), accumulate: k0 > 0)
                try stopIfInterrupted()
            }
        case .alongRows(let rows):
            for r0 in stride(from: 0, to: m, by: rows) {
                gemmCall(a, b, out, aOffset: a.offset(row: r0, col: 0), bOffset: 0, outOffset: outOffset + r0 * n,
                         m: Swift.min(rows, m - r0), n: n, k: k, accumulate: false)
                try stopIfInterrupted()
            }
        }
    }

    /// One BLAS call: `out = a @ b`, or `out += a @ b` when accumulating, on the sub-matrices
    /// starting at the given offsets (the leading dimensions stay the operands' own).
    private static func gemmCall(_ a: BLASOperand, _ b: BLASOperand, _ out: Tensor, aOffset: Int, bOffset: Int,
                                 outOffset: Int, m: Int, n: Int, k: Int, accumulate: Bool) {
        let ta = a.transposed ? CblasTrans : CblasNoTrans, tb = b.transposed ? CblasTrans : CblasNoTrans
        let beta = accumulate ? 1.0 : 0.0
        if out.dtype == .float32 {
            cblas_sgemm(CblasRowMajor, ta, tb, Int32(m), Int32(n), Int32(k), 1,
                        a.tensor.base(Float.self) + aOffset, Int32(a.ld), b.tensor.base(Float.self) + bOffset, Int32(b.ld),
                        Float(beta), out.base(Float.self) + outOffset, Int32(n))
        } else {
            cblas_dgemm(CblasRowMajor, ta, tb, Int32(m), Int32(n), Int32(k), 1,
                        a.tensor.base(Double.self) + aOffset, Int32(a.ld), b.tensor.base(Double.self) + bOffset, Int32(b.ld),
                        beta, out.base(Double.self) + outOffset, Int32(n))
        }
    }

    /// `x · x` over a contiguous float tensor (BLAS sdot or ddot, in pieces below 2^31).
    static func selfDot(_ x: Tensor) -> Double {
        var total = 0.0, start = 0
        while start < x.count {
            let n = Swift.min(x.count - start, Int(Int32.max))
            if x.dtype == .float32 {
                let p = x.base(Float.self) + start
                total += Double(cblas_sdot(Int32(n), p, 1, p, 1))
            } else {
                let p = x.base(Double.self) + start
                total += cblas_ddot(Int32(n), p, 1, p, 1)
            }
            start += n
        }
        return total
    }

    /// 2-D @ 1-D and 1-D @ 2-D products of one float dtype through BLAS gemv, without the batch
    /// bookkeeping of the general path: the per-example work of the course (`W @ x`). nil when
    /// the operands need the general path (other dtypes or shapes, mismatches, empty or
    /// non-positive vector strides).
    static func matrixVector(_ a: Tensor, _ b: Tensor) throws -> Tensor? {
        guard a.dtype == b.dtype, a.dtype == .float32 || a.dtype == .float64 else { return nil }
        let vectorOnLeft: Bool
        if a.ndim == 2 && b.ndim == 1 { vectorOnLeft = false } else if a.ndim == 1 && b.ndim == 2 { vectorOnLeft = true } else { return nil }
        let matrix = vectorOnLeft ? b : a, vector = vectorOnLeft ? a : b
        let rows = matrix.shape[0], cols = matrix.shape[1]
        let k = vectorOnLeft ? rows : cols, m = vectorOnLeft ? cols : rows
        let inc = vector.strides[0], limit = Int(Int32.max)
        guard vector.shape[0] == k, k > 0, m > 0, inc > 0, inc < limit, rows < limit, cols < limit else { return nil }
        let op = try operand(matrix)
        // The stored matrix is M (rows×cols) or, for a transposed view, Mᵀ; y = M v or Mᵀ v.
        let storedRows = op.transposed ? cols : rows, storedCols = op.transposed ? rows : cols
        let trans = op.transposed != vectorOnLeft ? CblasTrans : CblasNoTrans
        let out = try Tensor(uninitialized: [m], dtype: a.dtype)
        if a.dtype == .float32 {
            cblas_sgemv(CblasRowMajor, trans, Int32(storedRows), Int32(storedCols), 1, op.tensor.base(Float.self), Int32(op.ld),
                        vector.base(Float.self), Int32(inc), 0, out.base(Float.self), 1)
        } else {
            cblas_dgemv(CblasRowMajor, trans, Int32(storedRows), Int32(storedCols), 1, op.tensor.base(Double.self), Int32(op.ld),
                        vector.base(Double.self), Int32(inc), 0, out.base(Double.self), 1)
        }
        try Cancellation.check()
        return out
    }
}

// MARK: mlp

/// Float and Double as BLAS multiplies them in caller-owned row-major buffers, for code outside
/// TensorKit whose hot loop is products of the same shapes again and again (MNLClassic's MLP
/// reuses one set of buffers for every mini-batch instead of making tensors per batch). SIMDScalar
/// lets such code write its elementwise loops on `SIMD8<T>`.
public protocol BLASFloat: FloatElement, SIMDScalar, Codable {
    /// `c = alpha·op(a)·op(b) + beta·c`, op(a) m×k and op(b) k×n, op transposing when asked.
    /// The sizes must fit in Int32 (the caller bounds them).
    static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Self,
                     _ a: UnsafePointer<Self>, lda: Int, _ b: UnsafePointer<Self>, ldb: Int,
                     beta: Self, _ c: UnsafeMutablePointer<Self>, ldc: Int)
}

extension Float: BLASFloat {
    public static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                            _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
                            beta: Float, _ c: UnsafeMutablePointer<Float>, ldc: Int) {
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}

extension Double: BLASFloat {
    public static func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                            _ a: UnsafePointer<Double>, lda: Int, _ b: UnsafePointer<Double>, ldb: Int,
                            beta: Double, _ c: UnsafeMutablePointer<Double>, ldc: Int) {
        cblas_dgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
