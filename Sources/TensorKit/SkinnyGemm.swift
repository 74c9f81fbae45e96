import CVectorMath
import Dispatch

/// Products with a handful of output columns against many rows, `X @ W` and `Xᵀ @ G` with W and
/// G of at most 16 columns (softmax regression's 60000×784 by 784×10 and its gradient), run on
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
        guard level >= 2, n <= skinnyMaxColumns, n > 0, k > 0, m * k >= skinnyMinElements,
              out.dtype == .float32 || out.dtype == .float64 else { return false }
        let c = out.dtype == .float32
        if !a.transposed {
            let wt = try b.tensor.transpose().copy()  // n×k, contiguous
            try Parallel.forEachChunk(count: m, unitCost: k * n) { rows in
                if c { skinnyNN(Float.self, a, wt, out, outOffset, rows, n: n, k: k, level: level) }
                else { skinnyNN(Double.self, a, wt, out, outOffset, rows, n: n, k: k, level: level) }
            }
            return true
        }
        // a is Xᵀ, with X (k×m) stored row-major at leading dimension a.ld.
        let g = b.tensor.strides[1] == 1 ? b.tensor : try b.tensor.copy()  // k×n, rows contiguous
        let ct = c ? try skinnyTN(Float.self, a, g, m: m, n: n, k: k, level: level)
                   : try skinnyTN(Double.self, a, g, m: m, n: n, k: k, level: level)
        let target = Tensor(storage: out.storage, shape: [n, m], strides: [1, n], offset: out.offset + outOffset)
        try target.assign(ct)
        return true
    }

    /// Rows `rows` of `out = X @ W`, W given as its contiguous transpose `wt`.
    private static func skinnyNN<T: TensorElement>(_: T.Type, _ a: BLASOperand, _ wt: Tensor, _ out: Tensor, _ outOffset: Int,
                                                   _ rows: Range<Int>, n: Int, k: Int, level: Int32) {
        let x = a.tensor.base(T.self) + rows.lowerBound * a.ld, c = out.base(T.self) + outOffset + rows.lowerBound * n
        if T.self == Float.self {
            _ = mnl_skinny_nn_f32(level, cast(x), a.ld, cast(wt.base(T.self)), cast(c), rows.count, n, k)
        } else {
            _ = mnl_skinny_nn_f64(level, cast(x), a.ld, cast(wt.base(T.self)), cast(c), rows.count, n, k)
        }
    }

    /// `Gᵀ @ X` as an n×m matrix, X's k rows split across the cores, each core summing into a
    /// partial result of its own; the partials are added at the end.
    private static func skinnyTN<T: TensorElement>(_: T.Type, _ a: BLASOperand, _ g: Tensor,
                                                   m: Int, n: Int, k: Int, level: Int32) throws -> Tensor {
        let parts = Swift.max(1, Swift.min(Parallel.cores, k / 1024))
        let partials = try (0..<parts).map { _ in try Tensor(zeros: [n, m], dtype: g.dtype) }
        let per = (k + parts - 1) / parts
        let flag = Cancellation.current
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            let lo = p * per, hi = Swift.min(k, lo + per)
            guard lo < hi, !(flag?.isCancelled ?? false) else { return }
            let x = a.tensor.base(T.self) + lo * a.ld, gp = g.base(T.self) + lo * g.strides[0]
            let ct = partials[p].base(T.self)
            if T.self == Float.self {
                _ = mnl_skinny_tn_f32(level, cast(x), a.ld, cast(gp), g.strides[0], cast(ct), hi - lo, n, m)
            } else {
                _ = mnl_skinny_tn_f64(level, cast(x), a.ld, cast(gp), g.strides[0], cast(ct), hi - lo, n, m)
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
