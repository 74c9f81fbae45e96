/// `numpy.linalg.lstsq` through LAPACK's gelsd (the SVD by divide and conquer), the routine
/// NumPy calls, so the solution, the rank and the cut-off agree with NumPy's.

extension Tensor {
    /// `numpy.linalg.lstsq` for one matrix `a` (m×n) and `b` (m or m×k): the minimum-norm x
    /// minimising |b - a @ x|, the squared residual sums (empty unless a has full rank n < m),
    /// the rank and the singular values. Singular values at or below `rcond` times the
    /// largest count as zero; `rcond` defaults to eps * max(m, n) as in NumPy.
    public static func lstsq(_ a: Tensor, _ b: Tensor, rcond: Double? = nil) throws -> (x: Tensor, residuals: Tensor, rank: Tensor, s: Tensor) {
        guard a.shape.count == 2 else { throw TensorError.notAMatrix(op: "lstsq", shape: a.shape) }
        guard b.shape.count == 1 || b.shape.count == 2, b.shape[0] == a.shape[0] else {
            throw TensorError.shapeMismatch(op: "lstsq", lhs: a.shape, rhs: b.shape)
        }
        let checked = try a.checkedMatrices("lstsq", square: false)
        let dtype: DType = checked.dtype == .float32 && b.dtype == .float32 ? .float32 : .float64
        let (m, n) = (a.shape[0], a.shape[1])
        let eps = dtype == .float32 ? Double(Float.ulpOfOne) : Double.ulpOfOne
        let cut = rcond ?? eps * Double(Swift.max(m, n))
        let matrix = try checked.cast(to: dtype), rhs = try (b.shape.count == 1 ? b.reshape([m, 1]) : b).cast(to: dtype)
        try checkFactorSize(batch: [], rows: Swift.max(m, n), cols: rhs.shape[1])
        let r = try withLAPACKType(matrix) { try leastSquares($0, matrix, rhs, rcond: cut) }
        guard b.shape.count == 1 else { return r }
        return (try r.x.reshape([n]), try r.residuals.reshape([r.residuals.count]), r.rank, r.s)
    }

    /// gelsd on column-major copies; b is (m, k). The residuals are the squared norms of the
    /// rows of the transformed b past n, which gelsd leaves there (as NumPy reads them).
    private static func leastSquares<T: LAPACKScalar>(_: T.Type, _ a: Tensor, _ b: Tensor, rcond: Double) throws -> (x: Tensor, residuals: Tensor, rank: Tensor, s: Tensor) {
        var lhs = MatrixStack<T>(a).matrices[0]
        let rhsColumns = MatrixStack<T>(b).matrices[0]
        let (m, n, k) = (a.shape[0], a.shape[1], b.shape[1])
        let ldb = Swift.max(1, m, n)
        // With no right-hand side LAPACK still finds the rank and s from one zero column (as NumPy does).
        var rhs = [T](repeating: 0, count: ldb * Swift.max(k, 1))
        for j in 0..<k { for i in 0..<m { rhs[j * ldb + i] = rhsColumns[j * m + i] } }
        var s = [T](repeating: 0, count: Swift.min(m, n))
        var rank: Int32 = 0
        if m > 0 && n > 0 {
            try Cancellation.check()
            let info = T.gelsd(Int32(m), Int32(n), Int32(Swift.max(k, 1)), &lhs, &rhs, Int32(ldb), &s, rcond: T(rcond), rank: &rank)
            if info > 0 { throw TensorError.linalg(op: "lstsq", problem: .noConvergence) }
        }
        var x = [T](repeating: 0, count: n * k)
        for j in 0..<k { for i in 0..<n where m > 0 { x[i * k + j] = rhs[j * ldb + i] } }
        var residuals: [T] = []
        if Int(rank) == n && m > n {
            residuals = (0..<k).map { j in (n..<m).reduce(T(0)) { $0 + rhs[j * ldb + $1] * rhs[j * ldb + $1] } }
        }
        return (try Tensor(shape: [n, k], elements: x), try Tensor(shape: [residuals.count], elements: residuals),
                Tensor(scalar: Int64(rank)), try Tensor(shape: [s.count], elements: s))
    }
}
