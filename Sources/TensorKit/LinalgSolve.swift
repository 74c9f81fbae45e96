/// Linear systems and determinants through LU factorisation (LAPACK gesv and getrf), batched
/// over leading axes as numpy.linalg does.

extension Tensor {
    /// `numpy.linalg.solve`: x with a @ x == b. `a` is (..., n, n); `b` is (n,) or
    /// (..., n, k), its batch axes broadcast with a's. A singular `a` is an error.
    public static func solve(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        var a = try a.checkedMatrices("solve", square: true)
        let vector = b.shape.count == 1, given = b.shape
        guard !given.isEmpty else { throw TensorError.notAMatrix(op: "solve", shape: given) }
        var b = vector ? try b.reshape([given[0], 1]) : b
        let n = a.shape[a.shape.count - 1]
        guard b.shape[b.shape.count - 2] == n else { throw TensorError.shapeMismatch(op: "solve", lhs: a.shape, rhs: given) }
        let dtype: DType = a.dtype == .float64 || b.dtype != .float32 ? .float64 : .float32
        let batch = try vector ? Array(a.shape.dropLast(2))
            : Tensor.broadcastShape(Array(a.shape.dropLast(2)), Array(b.shape.dropLast(2)), op: "solve")
        a = try a.cast(to: dtype).broadcast(to: batch + [n, n], op: "solve")
        b = try b.cast(to: dtype).broadcast(to: batch + [n, b.shape[b.shape.count - 1]], op: "solve")
        let x = try withLAPACKType(a) { try solveStack($0, a, b, op: "solve") }
        return vector ? try x.reshape(batch + [n]) : x
    }

    /// `numpy.linalg.inv`: the inverse of each square matrix; a singular one is an error.
    public func inv() throws -> Tensor {
        let a = try checkedMatrices("inv", square: true)
        if a.count == 0 { return try Tensor(zeros: a.shape, dtype: a.dtype) }
        let n = a.shape[a.shape.count - 1]
        let identity = try Tensor.eyeMatrices(n, batch: Array(a.shape.dropLast(2)), dtype: a.dtype)
        return try Tensor.withLAPACKType(a) { try Tensor.solveStack($0, a, identity, op: "inv") }
    }

    /// `numpy.linalg.det`: one determinant per matrix (a 0-d tensor for one matrix); 0 for a
    /// singular one. The product of the LU pivots, as NumPy computes it.
    public func det() throws -> Tensor {
        let a = try checkedMatrices("det", square: true)
        return try Tensor.withLAPACKType(a) { try Tensor.determinants($0, a, logarithmic: false).sign }
    }

    /// `numpy.linalg.slogdet`: the sign (1, -1, or 0 for a singular matrix) and the natural
    /// log of the absolute determinant (-inf for a singular one), which do not overflow.
    public func slogdet() throws -> (sign: Tensor, logabsdet: Tensor) {
        let a = try checkedMatrices("slogdet", square: true)
        return try Tensor.withLAPACKType(a) { try Tensor.determinants($0, a, logarithmic: true) }
    }

    /// `n`×`n` identity matrices, one per batch index.
    static func eyeMatrices(_ n: Int, batch: [Int], dtype: DType) throws -> Tensor {
        try checkFactorSize(batch: [], rows: n, cols: n)
        let eye = try Tensor(shape: [n, n], values: (0..<n * n).map { $0 / n == $0 % n ? 1 : 0 }, dtype: dtype)
        return try eye.broadcast(to: batch + [n, n])
    }

    private static func solveStack<T: LAPACKScalar>(_: T.Type, _ a: Tensor, _ b: Tensor, op: String) throws -> Tensor {
        var lhs = MatrixStack<T>(a), rhs = MatrixStack<T>(b)
        var ipiv = [Int32](repeating: 0, count: lhs.matrices.isEmpty ? 1 : Swift.max(1, lhs.rows))
        for k in 0..<lhs.matrices.count {
            try Cancellation.check()
            let info = T.gesv(Int32(lhs.rows), Int32(rhs.cols), &lhs.matrices[k], &ipiv, &rhs.matrices[k])
            if info > 0 { throw TensorError.linalg(op: op, problem: .singular) }
        }
        return try fromMatrices(rhs.matrices, batch: rhs.batch, rows: rhs.rows, cols: rhs.cols)
    }

    /// Per matrix, from its LU factorisation: the determinant (in `sign`), or with
    /// `logarithmic` its sign and log-magnitude.
    private static func determinants<T: LAPACKScalar>(_: T.Type, _ a: Tensor, logarithmic: Bool) throws -> (sign: Tensor, logabsdet: Tensor) {
        var stack = MatrixStack<T>(a)
        let n = stack.rows
        var ipiv = [Int32](repeating: 0, count: stack.matrices.isEmpty ? 1 : Swift.max(1, n))
        var signs: [T] = [], logs: [T] = []
        for k in 0..<stack.matrices.count {
            try Cancellation.check()
            // info > 0 is an exactly zero pivot: the determinant is 0, which is an answer here.
            let info = T.getrf(Int32(n), &stack.matrices[k], &ipiv)
            var sign: T = 1, log: T = 0
            for i in 0..<n {
                let pivot = stack.matrices[k][i * n + i]
                if ipiv[i] != Int32(i + 1) { sign = -sign }
                if logarithmic {
                    if pivot < 0 { sign = -sign }
                    log += T.log(Swift.abs(pivot))
                } else {
                    sign *= pivot
                }
            }
            if info > 0 { (sign, log) = (0, -.infinity) }
            signs.append(sign)
            logs.append(log)
        }
        return (try Tensor(shape: stack.batch, elements: signs), try Tensor(shape: stack.batch, elements: logs))
    }
}
