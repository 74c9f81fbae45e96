/// Matrix products through CBLAS (OpenBLAS on Linux, Accelerate on macOS). This is the one
/// file that calls BLAS. Transposed views are passed as `CblasTrans` with their leading
/// dimension instead of being copied.

#if canImport(Accelerate)
import Accelerate
#else
import CBLAS
#endif

extension Tensor {
    /// NumPy's `matmul` (`@`): 2-D products, 1-D vectors promoted to a row (left) or column
    /// (right) and the added axis removed, and batched products over broadcast leading axes.
    /// Integer and bool operands are promoted to float32; float64 with anything gives float64.
    public static func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try matmul(a, b, blockWork: gemmBlockWork)
    }

    /// `matmul` with BLAS calls of at most `blockWork` multiply-adds (tests use small blocks).
    static func matmul(_ a: Tensor, _ b: Tensor, blockWork: Int) throws -> Tensor {
        guard a.ndim > 0, b.ndim > 0 else {
            throw TensorError.invalidArgument(op: "@", message: "matmul needs operands with at least one dimension, got shapes \(a.shape) and \(b.shape)")
        }
        let dt: DType = (a.dtype == .float64 || b.dtype == .float64) ? .float64 : .float32
        var x = try a.cast(to: dt), y = try b.cast(to: dt)
        let vecLeft = x.ndim == 1, vecRight = y.ndim == 1
        if vecLeft { x = try x.expandDims(0) }
        if vecRight { y = try y.expandDims(-1) }
        let m = x.shape[x.ndim - 2], k = x.shape[x.ndim - 1], k2 = y.shape[y.ndim - 2], n = y.shape[y.ndim - 1]
        guard k == k2 else { throw TensorError.shapeMismatch(op: "@", lhs: a.shape, rhs: b.shape) }
        let batchA = Array(x.shape.dropLast(2)), batchB = Array(y.shape.dropLast(2))
        let batch: [Int]
        do { batch = try broadcastShape(batchA, batchB, op: "@") } catch {
            throw TensorError.shapeMismatch(op: "@", lhs: a.shape, rhs: b.shape)
        }
        x = try x.broadcast(to: batch + [m, k], op: "@")
        y = try y.broadcast(to: batch + [k, n], op: "@")
        let out = k > 0 ? try Tensor(uninitialized: batch + [m, n], dtype: dt) : try Tensor(zeros: batch + [m, n], dtype: dt)
        guard m > 0, n > 0 else { return try finish(out, vecLeft, vecRight) }
        let limit = Int(Int32.max)
        guard m < limit, n < limit, k < limit else {
            throw TensorError.invalidArgument(op: "@", message: "matrix dimensions above 2^31 are not supported")
        }
        let batchCount = batch.reduce(1, *)
        let flag = Cancellation.current
        var index = [Int](repeating: 0, count: batch.count)
        for bi in 0..<batchCount {
            var rem = bi, offA = x.offset, offB = y.offset
            for d in stride(from: batch.count - 1, through: 0, by: -1) {
                index[d] = rem % batch[d]
                rem /= batch[d]
                offA += index[d] * x.strides[d]
                offB += index[d] * y.strides[d]
            }
            let am = try operand(Tensor(storage: x.storage, shape: [m, k], strides: Array(x.strides.suffix(2)), offset: offA))
            let bm = try operand(Tensor(storage: y.storage, shape: [k, n], strides: Array(y.strides.suffix(2)), offset: offB))
            try gemm(am, bm, out, outOffset: bi * m * n, m: m, n: n, k: k, blockWork: blockWork, cancellation: flag)
        }
        return try finish(out, vecLeft, vecRight)
    }

    private static func finish(_ out: Tensor, _ vecLeft: Bool, _ vecRight: Bool) throws -> Tensor {
        var r = out
        if vecRight { r = try r.squeeze([-1]) }
        if vecLeft { r = try r.squeeze([r.ndim - (vecRight ? 1 : 2)]) }
        return r
    }

    /// A matrix as BLAS sees it: the tensor to read, whether it is transposed, its leading dimension.
    private struct BLASOperand {
        let tensor: Tensor
        let transposed: Bool
        let ld: Int
    }

    /// Classifies a 2-D view: row-major (NoTrans), column-major (Trans), or copied.
    private static func operand(_ t: Tensor) throws -> BLASOperand {
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

    /// Multiply-adds in one BLAS call at most: larger products are split into blocks of output
    /// rows, and Ctrl-C is checked after each block. 2^33 multiply-adds take about 0.06 s at
    /// 300 GFLOP/s (0.4 s on OpenBLAS's generic kernels), so an interrupt lands quickly, while a
    /// block of a 4096² product still has 512 rows, enough that repacking B per block costs
    /// little (products up to 2048² are not split at all).
    static let gemmBlockWork = 1 << 33

    /// `out[outOffset...] = a @ b` (m×k times k×n), row block by row block; throws
    /// `interrupted` after the block during which `cancellation` was set.
    private static func gemm(_ a: BLASOperand, _ b: BLASOperand, _ out: Tensor, outOffset: Int, m: Int, n: Int, k: Int,
                             blockWork: Int, cancellation: CancellationFlag?) throws {
        if k == 0 { return }  // the output is already zeros
        let rowsPerBlock = Swift.max(1, blockWork / Swift.max(1, n * k))
        var row = 0
        while row < m {
            let rows = Swift.min(rowsPerBlock, m - row)
            gemmBlock(a, b, out, aOffset: a.transposed ? row : row * a.ld, outOffset: outOffset + row * n, m: rows, n: n, k: k)
            if let cancellation, cancellation.isCancelled { throw TensorError.interrupted }
            row += rows
        }
    }

    /// One BLAS call: rows of `a` from `aOffset` times all of `b`, into `out` from `outOffset`.
    private static func gemmBlock(_ a: BLASOperand, _ b: BLASOperand, _ out: Tensor, aOffset: Int, outOffset: Int,
                                  m: Int, n: Int, k: Int) {
        let ta = a.transposed ? CblasTrans : CblasNoTrans, tb = b.transposed ? CblasTrans : CblasNoTrans
        if out.dtype == .float32 {
            cblas_sgemm(CblasRowMajor, ta, tb, Int32(m), Int32(n), Int32(k), 1,
                        a.tensor.base(Float.self) + aOffset, Int32(a.ld), b.tensor.base(Float.self), Int32(b.ld),
                        0, out.base(Float.self) + outOffset, Int32(n))
        } else {
            cblas_dgemm(CblasRowMajor, ta, tb, Int32(m), Int32(n), Int32(k), 1,
                        a.tensor.base(Double.self) + aOffset, Int32(a.ld), b.tensor.base(Double.self), Int32(b.ld),
                        0, out.base(Double.self) + outOffset, Int32(n))
        }
    }

    /// NumPy's `dot`: `matmul` for 1-D and 2-D operands, multiplication when one is 0-d.
    public static func dot(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        if a.ndim == 0 || b.ndim == 0 { return try binary(.multiply, a, b) }
        guard a.ndim <= 2, b.ndim <= 2 else {
            throw TensorError.invalidArgument(op: "dot", message: "dot supports 1-D and 2-D tensors; use matmul for batches")
        }
        return try matmul(a, b)
    }

    /// The outer product of the flattened operands.
    public static func outer(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let x = try a.ravel(), y = try b.ravel()
        return try binary(.multiply, x.expandDims(1), y.expandDims(0))
    }

    /// The 2-norm (Frobenius for matrices) over `axes` (all if nil).
    public func norm(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor {
        let x = try cast(to: Promotion.floatResult(dtype))
        return try Tensor.binary(.multiply, x, x).sum(axes: axes, keepdims: keepdims).unary(.sqrt)
    }
}
