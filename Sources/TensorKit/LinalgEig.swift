/// `numpy.linalg.eig` and `eigvals` through LAPACK's geev, batched over leading axes.
/// Tensors have no complex dtype, so only real spectra are answered: a matrix with any
/// eigenvalue whose imaginary part is not exactly zero is an error that says how many there
/// are and points to eigh for symmetric input (whose eigenvalues are always real).

extension Tensor {
    /// The eigenvalues of each square matrix, in LAPACK's order (not sorted, as NumPy's), and
    /// with `vectors` the right eigenvectors as unit columns: a @ v[:, i] == w[i] * v[:, i].
    public func eig(vectors: Bool = true, op: String = "eig") throws -> (values: Tensor, vectors: Tensor?) {
        let a = try checkedMatrices(op, square: true)
        let nonFinite = try Tensor.binary(.logicalOr, try a.unary(.isnan), try a.unary(.isinf)).any().item() != 0
        if nonFinite { throw TensorError.linalg(op: op, problem: .notFinite) }
        return try Tensor.withLAPACKType(a) { try Tensor.eigStack($0, a, vectors: vectors, op: op) }
    }

    private static func eigStack<T: LAPACKScalar>(_: T.Type, _ a: Tensor, vectors: Bool, op: String) throws -> (values: Tensor, vectors: Tensor?) {
        var stack = MatrixStack<T>(a)
        let n = stack.rows
        var values: [T] = [], vs: [[T]] = []
        for k in 0..<stack.matrices.count {
            try Cancellation.check()
            var wr = [T](repeating: 0, count: n), wi = [T](repeating: 0, count: n)
            var vr = [T](repeating: 0, count: vectors ? n * n : 1)
            if n > 0 && T.geev(vectors: vectors, Int32(n), &stack.matrices[k], &wr, &wi, &vr) > 0 {
                throw TensorError.linalg(op: op, problem: .noConvergence)
            }
            let complex = wi.filter { $0 != 0 }.count
            if complex > 0 { throw TensorError.linalg(op: op, problem: .complexEigenvalues(count: complex)) }
            values += wr
            vs.append(vr)
        }
        let w = try Tensor(shape: stack.batch + [n], elements: values)
        return (w, vectors ? try fromMatrices(vs, batch: stack.batch, rows: n, cols: n) : nil)
    }
}
