/// Matrix decompositions through LAPACK (potrf, geqrf/orgqr, syevd, gesdd), batched over
/// leading axes. Signs of eigenvectors and singular vectors are LAPACK's, as NumPy's are
/// (both call the same routines), but any column may differ by -1 between LAPACK builds.

extension Tensor {
    /// `numpy.linalg.cholesky`: the lower-triangular L with L @ L.T == a, for a symmetric
    /// positive-definite `a` (only its lower triangle is read). Anything else is an error.
    public func cholesky() throws -> Tensor {
        let a = try checkedMatrices("cholesky", square: true)
        return try Tensor.withLAPACKType(a) { try Tensor.choleskyStack($0, a) }
    }

    /// `numpy.linalg.qr` with mode "reduced" (Q m×k, R k×n, k = min(m, n)), "complete"
    /// (Q m×m, R m×n) or "r" (R only, Q nil).
    public func qr(mode: String = "reduced") throws -> (q: Tensor?, r: Tensor) {
        guard ["reduced", "complete", "r"].contains(mode) else {
            throw TensorError.invalidArgument(op: "qr", message: "mode must be \"reduced\", \"complete\" or \"r\", got \"\(mode)\"")
        }
        let a = try checkedMatrices("qr", square: false)
        return try Tensor.withLAPACKType(a) { try Tensor.qrStack($0, a, mode: mode) }
    }

    /// `numpy.linalg.eigh`: eigenvalues in ascending order and the eigenvectors as columns,
    /// of a symmetric matrix (only its lower triangle is read). With `vectors` false the
    /// vectors are nil (`eigvalsh`).
    public func eigh(vectors: Bool = true, op: String = "eigh") throws -> (values: Tensor, vectors: Tensor?) {
        let a = try checkedMatrices(op, square: true)
        return try Tensor.withLAPACKType(a) { try Tensor.eighStack($0, a, vectors: vectors, op: op) }
    }

    /// `numpy.linalg.svd`: U, the singular values in descending order, and Vh, with
    /// a == U @ diag(S) @ Vh. `fullMatrices` makes U m×m and Vh n×n (else m×k and k×n);
    /// without `computeUV` only S is computed.
    public func svd(fullMatrices: Bool = true, computeUV: Bool = true, op: String = "svd") throws -> (u: Tensor?, s: Tensor, vh: Tensor?) {
        let a = try checkedMatrices(op, square: false)
        return try Tensor.withLAPACKType(a) { try Tensor.svdStack($0, a, full: fullMatrices, uv: computeUV, op: op) }
    }

    private static func choleskyStack<T: LAPACKScalar>(_: T.Type, _ a: Tensor) throws -> Tensor {
        var stack = MatrixStack<T>(a)
        let n = stack.rows
        for k in 0..<stack.matrices.count {
            try Cancellation.check()
            if T.potrf(Int32(n), &stack.matrices[k]) > 0 { throw TensorError.linalg(op: "cholesky", problem: .notPositiveDefinite) }
            // potrf leaves the upper triangle as it was; L is the lower one alone.
            for j in 0..<n { for i in 0..<j { stack.matrices[k][j * n + i] = 0 } }
        }
        return try fromMatrices(stack.matrices, batch: stack.batch, rows: n, cols: n)
    }

    private static func qrStack<T: LAPACKScalar>(_: T.Type, _ a: Tensor, mode: String) throws -> (q: Tensor?, r: Tensor) {
        var stack = MatrixStack<T>(a)
        let m = stack.rows, n = stack.cols, k = Swift.min(m, n)
        let qCols = mode == "complete" ? m : k, rRows = mode == "complete" ? m : k
        try checkFactorSize(batch: stack.batch, rows: m, cols: qCols)
        try checkFactorSize(batch: stack.batch, rows: rRows, cols: n)
        var qs: [[T]] = [], rs: [[T]] = []
        for index in 0..<stack.matrices.count {
            try Cancellation.check()
            var tau = [T](repeating: 0, count: Swift.max(1, k))
            _ = T.geqrf(Int32(m), Int32(n), &stack.matrices[index], &tau)
            let factored = stack.matrices[index]
            var r = [T](repeating: 0, count: rRows * n)
            for j in 0..<n { for i in 0..<Swift.min(j + 1, rRows) { r[j * rRows + i] = factored[j * m + i] } }
            rs.append(r)
            guard mode != "r" else { continue }
            // orgqr builds Q in place from the reflectors below the diagonal.
            var q = [T](repeating: 0, count: m * qCols)
            for j in 0..<Swift.min(n, qCols) { for i in 0..<m { q[j * m + i] = factored[j * m + i] } }
            if m > 0 && qCols > 0 { _ = T.orgqr(Int32(m), Int32(qCols), Int32(k), &q, tau) }
            qs.append(q)
        }
        let r = try fromMatrices(rs, batch: stack.batch, rows: rRows, cols: n)
        return (mode == "r" ? nil : try fromMatrices(qs, batch: stack.batch, rows: m, cols: qCols), r)
    }

    private static func eighStack<T: LAPACKScalar>(_: T.Type, _ a: Tensor, vectors: Bool, op: String) throws -> (values: Tensor, vectors: Tensor?) {
        var stack = MatrixStack<T>(a)
        let n = stack.rows
        var values: [T] = []
        for k in 0..<stack.matrices.count {
            try Cancellation.check()
            var w = [T](repeating: 0, count: n)
            if T.syevd(vectors: vectors, Int32(n), &stack.matrices[k], &w) > 0 {
                throw TensorError.linalg(op: op, problem: .noConvergence)
            }
            values += w
        }
        let w = try Tensor(shape: stack.batch + [n], elements: values)
        return (w, vectors ? try fromMatrices(stack.matrices, batch: stack.batch, rows: n, cols: n) : nil)
    }

    private static func svdStack<T: LAPACKScalar>(_: T.Type, _ a: Tensor, full: Bool, uv: Bool, op: String) throws -> (u: Tensor?, s: Tensor, vh: Tensor?) {
        var stack = MatrixStack<T>(a)
        let m = stack.rows, n = stack.cols, k = Swift.min(m, n)
        let uCols = full ? m : k, vRows = full ? n : k
        let job = UInt8(ascii: !uv ? "N" : (full ? "A" : "S"))
        if uv {
            try checkFactorSize(batch: stack.batch, rows: m, cols: uCols)
            try checkFactorSize(batch: stack.batch, rows: vRows, cols: n)
        }
        var us: [[T]] = [], vs: [[T]] = [], values: [T] = []
        for index in 0..<stack.matrices.count {
            try Cancellation.check()
            var s = [T](repeating: 0, count: k)
            var u = [T](repeating: 0, count: uv ? m * uCols : 1), vt = [T](repeating: 0, count: uv ? vRows * n : 1)
            if k > 0 {
                let info = T.gesdd(job, Int32(m), Int32(n), &stack.matrices[index], &s, &u, Int32(Swift.max(1, m)),
                                   &vt, Int32(Swift.max(1, vRows)))
                if info > 0 { throw TensorError.linalg(op: op, problem: .noConvergence) }
            } else if uv {
                // An empty matrix: the full factors are identities, as NumPy returns them.
                for i in 0..<uCols where i < m { u[i * m + i] = 1 }
                for i in 0..<vRows where i < n { vt[i * vRows + i] = 1 }
            }
            values += s
            us.append(u)
            vs.append(vt)
        }
        let s = try Tensor(shape: stack.batch + [k], elements: values)
        guard uv else { return (nil, s, nil) }
        return (try fromMatrices(us, batch: stack.batch, rows: m, cols: uCols), s,
                try fromMatrices(vs, batch: stack.batch, rows: vRows, cols: n))
    }
}
