import CVectorMath
import Dispatch

/// Products with a handful of output columns (or rows) against many rows of data, `X @ W`,
/// `Xᵀ @ G` and `Gᵀ @ X` with W and G of at most 16 columns (softmax regression's 60000×784 by
/// 784×10 and its gradient, k-means' distances and centre update), run on
/// CVectorMath's streaming loops instead of BLAS: OpenBLAS packs all of X for them, and that
/// copy took 30-40 % of their time (perf, on SkylakeX). Other shapes, other dtypes and CPUs
/// below AVX2 go to BLAS.
extension Tensor {
    static let skinnyMaxColumns = 16
    /// Below this many elements of X the BLAS call is cheap anyway.
    static let skinnyMinElements = 1 << 16

    /// `out[outOffset...] = a @ b` when the shape suits the skinny loops; false otherwise.
    static func skinnyGemm(_ a: BLASOperand, _ b: BLASOperand, _ out: Tensor, outOffset: Int, m: Int, n: Int, k: Int,
                           level: Int32 = VectorMath.level) throws -> Bool {
        guard level >= 2, m > 0, n > 0, k > 0, out.dtype == .float32 || out.dtype == .float64 else { return false }
        let target = Tensor(storage: out.storage, shape: [m, n], strides: [n, 1], offset: out.offset + outOffset)
        if n <= skinnyMaxColumns && m * k >= skinnyMinElements && !a.transposed {
            // X @ W: W given as its contiguous transpose.
            let wt = try b.tensor.transpose().copy()
            try Parallel.forEachChunk(count: m, unitCost: k * n) { rows in
                if target.dtype == .float32 { skinnyNN(Float.self, a, wt, target, rows, n: n, k: k, level: level) }
                else { skinnyNN(Double.self, a, wt, target, rows, n: n, k: k, level: level) }
            }
            return true
        }
        if n <= skinnyMaxColumns && m * k >= skinnyMinElements && a.transposed {
            // Xᵀ @ G: a is Xᵀ, X (k×m) row-major at leading dimension a.ld; the n×m result is Cᵀ.
            let g = try rowMajor(b.tensor)
            let ct = try sumOfScaledRows(x: a.tensor, ldx: a.ld, g: g, rows: k, columns: n, rowLength: m, level: level)
            try target.transpose().assign(ct)
            return true
        }
        if m <= skinnyMaxColumns && n * k >= skinnyMinElements && a.transposed && !b.transposed {
            // Gᵀ @ X (k-means' one-hot update): a is Gᵀ with G (k×m) row-major; the m×n result is C.
            let ct = try sumOfScaledRows(x: b.tensor, ldx: b.ld, g: a.tensor.transpose(), rows: k, columns: m, rowLength: n,
                                         level: level)
            try target.assign(ct)
            return true
        }
        return false
    }

    /// `a @ b` for a float32 matrix `a` of many rows and a float64 `b` of at most 16 columns:
    /// the float64 product NumPy's promotion gives, with `a` widened as the loop reads it
    /// instead of copied to float64 first (the copy took longer than the product: a model's
    /// predict on float32 images). Nil for any other shape or dtype.
    static func mixedSkinnyProduct(_ a: Tensor, _ b: Tensor, level: Int32 = VectorMath.level) throws -> Tensor? {
        guard level >= 2, a.dtype == .float32, b.dtype == .float64, a.ndim == 2, b.ndim == 2 else { return nil }
        let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
        guard b.shape[0] == k, m > 0, k > 0, n > 0, n <= skinnyMaxColumns, m * k >= skinnyMinElements,
              a.strides[1] == 1, a.strides[0] >= k else { return nil }
        let wt = try b.transpose().copy()
        let out = try Tensor(uninitialized: [m, n], dtype: .float64)
        let ld = a.strides[0]
        try Parallel.forEachChunk(count: m, unitCost: k * n) { rows in
            _ = mnl_skinny_nn_f32_f64(level, a.base(Float.self) + rows.lowerBound * ld, ld, wt.base(Double.self),
                                      out.base(Double.self) + rows.lowerBound * n, rows.count, n, k)
        }
        return out
    }

    /// The tensor itself when its rows are contiguous, else a contiguous copy.
    private static func rowMajor(_ t: Tensor) throws -> Tensor { t.strides[1] == 1 ? t : try t.copy() }

    /// Rows `rows` of `out = X @ W`, W given as its contiguous transpose `wt`.
    private static func skinnyNN<T: TensorElement>(_: T.Type, _ a: BLASOperand, _ wt: Tensor, _ out: Tensor,
                                                   _ rows: Range<Int>, n: Int, k: Int, level: Int32) {
        let x = a.tensor.base(T.self) + rows.lowerBound * a.ld, c = out.base(T.self) + rows.lowerBound * n
        if T.self == Float.self {
            _ = mnl_skinny_nn_f32(level, cast(x), a.ld, cast(wt.base(T.self)), cast(c), rows.count, n, k)
        } else {
            _ = mnl_skinny_nn_f64(level, cast(x), a.ld, cast(wt.base(T.self)), cast(c), rows.count, n, k)
        }
    }

    /// Gᵀ @ X as a `columns`×`rowLength` matrix: Σ over the `rows` rows of X (at `x`, leading
    /// dimension `ldx`) of each row scaled by the matching row of G (`rows`×`columns`, rows
    /// contiguous). The rows are split across the cores, each summing into a partial result
    /// of its own; the partials are added at the end.
    private static func sumOfScaledRows(x: Tensor, ldx: Int, g: Tensor, rows: Int, columns: Int, rowLength: Int,
                                        level: Int32) throws -> Tensor {
        let g = try rowMajor(g)
        let parts = Swift.max(1, Swift.min(Parallel.cores, rows / 1024))
        let partials = try (0..<parts).map { _ in try Tensor(zeros: [columns, rowLength], dtype: g.dtype) }
        let per = (rows + parts - 1) / parts
        let flag = Cancellation.current
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            let lo = p * per, hi = Swift.min(rows, lo + per)
            guard lo < hi, !(flag?.isCancelled ?? false) else { return }
            if g.dtype == .float32 {
                _ = mnl_skinny_tn_f32(level, x.base(Float.self) + lo * ldx, ldx, g.base(Float.self) + lo * g.strides[0],
                                      g.strides[0], partials[p].base(Float.self), hi - lo, columns, rowLength)
            } else {
                _ = mnl_skinny_tn_f64(level, x.base(Double.self) + lo * ldx, ldx, g.base(Double.self) + lo * g.strides[0],
                                      g.strides[0], partials[p].base(Double.self), hi - lo, columns, rowLength)
            }
        }
        if let flag, flag.isCancelled { throw TensorError.interrupted }
        var total = partials[0]
        for p in partials.dropFirst() { total = try Tensor.binary(.add, total, p) }
        return total
    }

    @inline(__always) private static func cast<T, U>(_ p: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<U> {
        UnsafeMutableRawPointer(p).assumingMemoryBound(to: U.self)
    }
}
