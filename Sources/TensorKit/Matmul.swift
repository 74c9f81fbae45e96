/// Matrix products: shapes, broadcasting of batch axes and dtypes. The BLAS calls themselves
/// are in Gemm.swift.

extension Tensor {
    /// NumPy's `matmul` (`@`): 2-D products, 1-D vectors promoted to a row (left) or column
    /// (right) and the added axis removed, and batched products over broadcast leading axes.
    /// Two integer or bool operands multiply exactly in int64 (IntegerMatmul.swift); otherwise
    /// integers are promoted to float32, and float64 with anything gives float64.
    public static func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try matmul(a, b, blockWork: gemmBlockWork)
    }

    /// `matmul` with BLAS calls of at most `blockWork` multiply-adds (tests use small blocks).
    static func matmul(_ a: Tensor, _ b: Tensor, blockWork: Int) throws -> Tensor {
        guard a.ndim > 0, b.ndim > 0 else {
            throw TensorError.invalidArgument(op: "@", message: "matmul needs operands with at least one dimension, got shapes \(a.shape) and \(b.shape)")
        }
        if !a.dtype.isFloatingPoint && !b.dtype.isFloatingPoint { return try integerMatmul(a, b) }
        let promoted = Promotion.promote(a.dtype, b.dtype)
        if promoted.isHalf {
            // BLAS has no 2-byte floats: multiply in float32 and round the product back.
            return try matmul(a.cast(to: .float32), b.cast(to: .float32), blockWork: blockWork).cast(to: promoted)
        }
        if let product = try matrixVector(a, b) { return product }
        if let product = try mixedSkinnyProduct(a, b) { return product }
        let dt: DType = (a.dtype == .float64 || b.dtype == .float64) ? .float64 : .float32
        let p = try ProductOperands(a, b, as: dt)
        let (x, y, batch, m, k, n, vecLeft, vecRight) = (p.x, p.y, p.batch, p.m, p.k, p.n, p.vecLeft, p.vecRight)
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
            if try skinnyGemm(am, bm, out, outOffset: bi * m * n, m: m, n: n, k: k) {
                if let flag, flag.isCancelled { throw TensorError.interrupted }
            } else if k > 0 && prefersTransposedProduct(m: m, n: n) {
                try gemmTransposed(am, bm, out, outOffset: bi * m * n, m: m, n: n, k: k, blockWork: blockWork, cancellation: flag)
            } else {
                try gemm(am, bm, out, outOffset: bi * m * n, m: m, n: n, k: k, blockWork: blockWork, cancellation: flag)
            }
        }
        return try finish(out, vecLeft, vecRight)
    }

    static func finish(_ out: Tensor, _ vecLeft: Bool, _ vecRight: Bool) throws -> Tensor {
        var r = out
        if vecRight { r = try r.squeeze([-1]) }
        if vecLeft { r = try r.squeeze([r.ndim - (vecRight ? 1 : 2)]) }
        return r
    }

    /// NumPy's `dot`: `matmul` for 1-D and 2-D operands, multiplication when one is 0-d.
    public static func dot(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        if a.ndim == 0 || b.ndim == 0 { return try binary(.multiply, a, b) }
        guard a.ndim <= 2, b.ndim <= 2 else {
            throw TensorError.invalidArgument(op: "dot", message: "dot supports 1-D and 2-D tensors; use matmul for batches")
        }
        return try matmul(a, b, named: "dot")
    }

    /// `matmul` whose shape errors name `op`, the function the user called (`dot`, `matmul`).
    public static func matmul(_ a: Tensor, _ b: Tensor, named op: String) throws -> Tensor {
        do { return try matmul(a, b) } catch TensorError.innerDimensionMismatch(_, let l, let r, let left, let right) {
            throw TensorError.innerDimensionMismatch(op: op, lhs: l, rhs: r, left: left, right: right)
        } catch TensorError.batchMismatch(_, let l, let r) {
            throw TensorError.batchMismatch(op: op, lhs: l, rhs: r)
        }
    }

    /// The outer product of the flattened operands.
    public static func outer(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let x = try a.ravel(), y = try b.ravel()
        if x.dtype == y.dtype, x.isContiguous, y.isContiguous, x.dtype == .float32 || x.dtype == .float64 {
            return try x.dtype == .float32 ? outerRows(Float.self, x, y) : outerRows(Double.self, x, y)
        }
        return try binary(.multiply, x.expandDims(1), y.expandDims(0))
    }

    /// The outer product of contiguous float vectors row by row (row i is x[i] times y), at
    /// the CPU's full width: the per-example update `outer(p - y, x)` without broadcasting.
    private static func outerRows<T: NumericElement>(_: T.Type, _ x: Tensor, _ y: Tensor) throws -> Tensor {
        let m = x.count, n = y.count
        let out = try Tensor(uninitialized: [m, n], dtype: x.dtype)
        guard m > 0, n > 0 else { return out }
        let px = SendablePointer(x.base(T.self)), py = SendablePointer(y.base(T.self)), po = SendablePointer(out.base(T.self))
        try Parallel.forEachChunk(count: m, unitCost: n) { rows in
            for i in rows {
                let row = po.p + i * n, scale = UnsafePointer(px.p + i), v = UnsafePointer(py.p)
                if !VectorMath.arithmetic(.mul, scale, 0, v, 1, row, n) {
                    let s = scale.pointee
                    for j in 0..<n { row[j] = T.mul(s, v[j]) }
                }
            }
        }
        return out
    }

    /// The 2-norm (Frobenius for matrices) over `axes` (all if nil).
    /// Over all axes it is `sqrt(x · x)` through BLAS, as NumPy does (one pass, no temporary).
    public func norm(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor {
        // selfDot reads float32 or float64 memory: half tensors compute in float32.
        if dtype.isHalf { return try inFloat32 { try $0.norm(axes: axes, keepdims: keepdims) } }
        let x = try cast(to: Promotion.floatResult(dtype))
        if axes == nil {
            let flat = try x.contiguous()
            let r = try Tensor(scalar: Tensor.selfDot(flat).squareRoot(), dtype: x.dtype)
            return keepdims ? try r.reshape([Int](repeating: 1, count: ndim)) : r
        }
        return try Tensor.binary(.multiply, x, x).sum(axes: axes, keepdims: keepdims).unary(.sqrt)
    }
}
