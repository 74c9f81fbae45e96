import MNLRuntime
import MNLSyntax
import TensorKit

/// numpy.linalg's functions, through LAPACK (TensorKit's Linalg*.swift). Each takes
/// matrices in its last two axes; float32 computes in float32, everything else in float64.
enum TensorLinalg {
    static var builtins: [any TensorLibraryEntry] {
        [solve, inv, det, slogdet, cholesky, qr, eigh, eigvalsh, eig, eigvals, svd, pinv, matrixRank, cond, lstsq]
    }

    /// The record `linalg`, so that NumPy's spelling `linalg.inv(a)` works beside `inv(a)`.
    static func namespace() -> Value {
        let functions = builtins.compactMap(\.function) + [TensorContractions.norm.builtin]  // linalg.norm
        return .record(RecordBox(functions.map { ($0.name, Value.builtin(BuiltinFunction($0))) }))
    }

    /// A linalg function over one matrix argument `a`.
    static func unary(_ name: String, _ rest: [BuiltinParameter] = [], doc: String, example: String,
                              _ body: @escaping (Tensor, Arguments) throws -> Value) -> Builtin {
        Builtin(name, [.required("a")] + rest, topic: "linalg", doc: doc, example: example) { a, _ in
            let x = try a.tensor(0)
            return try bridging { try body(x, a) }
        }
    }

    static let solve = Builtin("solve", [.required("a"), .required("b")], topic: "linalg",
        doc: "x with a @ x == b, as numpy.linalg.solve: a is (..., n, n), b is (n,) or (..., n, k), batched over leading axes. A singular a is an error.",
        example: "solve(tensor([[3, 1], [1, 2]]), tensor([9, 8]))") { a, _ in
        let (x, y) = (try a.tensor(0), try a.tensor(1))
        return try bridging { .tensor(try Tensor.solve(x, y)) }
    }

    static let inv = unary("inv", doc: "The inverse of each square matrix (batched over leading axes). A singular matrix is an error.",
                           example: "inv(tensor([[4, 7], [2, 6]]))") { x, _ in .tensor(try x.inv()) }

    static let det = unary("det", doc: "The determinant of each square matrix (a 0-d tensor for one matrix; 0 for a singular one).",
                           example: "det(tensor([[1, 2], [3, 4]], dtype=\"f64\"))") { x, _ in .tensor(try x.det()) }

    static let slogdet = unary("slogdet", doc: "A tuple (sign, logabsdet) with det == sign * exp(logabsdet), which does not overflow; a singular matrix gives (0, -inf).",
                               example: "(sign, logdet) = slogdet(tensor([[2, 0], [0, 3]]))") { x, _ in
        let (sign, log) = try x.slogdet()
        return .tuple([.tensor(sign), .tensor(log)])
    }

    static let cholesky = unary("cholesky", doc: "The lower-triangular L with L @ L.T == a, for a symmetric positive-definite a (only its lower triangle is read). Anything else is an error.",
                                example: "cholesky(tensor([[4, 2], [2, 3]]))") { x, _ in .tensor(try x.cholesky()) }

    static let qr = unary("qr", [.optional("mode", defaultText: "\"reduced\"")],
        doc: "A tuple (Q, R) with Q @ R == a, Q's columns orthonormal and R upper triangular. mode=\"reduced\" (k = min(m, n) columns), \"complete\" (Q is m×m) or \"r\" (R alone). Signs are LAPACK's, as NumPy's: a row of R and the matching column of Q may both be negated relative to another library.",
        example: "(q, r) = qr(tensor([[1, 2], [3, 4], [5, 6]]))") { x, a in
        let (q, r) = try x.qr(mode: try a.string(1, default: "reduced"))
        return q.map { .tuple([.tensor($0), .tensor(r)]) } ?? .tensor(r)
    }

    static let eigh = unary("eigh",
        doc: "A tuple (w, v) of a symmetric matrix: eigenvalues w in ascending order and unit eigenvectors as the columns of v (a @ v[:, i] == w[i] * v[:, i]). Only the lower triangle is read. Each eigenvector's sign is arbitrary (LAPACK's, as NumPy's); compare |v| or a reconstruction.",
        example: "(w, v) = eigh(tensor([[2, 1], [1, 2]]))") { x, _ in
        let (w, v) = try x.eigh()
        return .tuple([.tensor(w), v.map(Value.tensor) ?? .null])
    }

    static let eigvalsh = unary("eigvalsh", doc: "The eigenvalues of a symmetric matrix in ascending order (eigh without the vectors).",
                                example: "eigvalsh(tensor([[2, 1], [1, 2]]))") { x, _ in .tensor(try x.eigh(vectors: false, op: "eigvalsh").values) }

    static let svd = unary("svd", [.optional("full_matrices", defaultText: "true"), .optional("compute_uv", defaultText: "true")],
        doc: "A tuple (U, S, Vh) with a == U @ diag(S) @ Vh and S descending. full_matrices=false gives the reduced U (m×k) and Vh (k×n); compute_uv=false returns S alone. A pair of singular vectors (a column of U and the row of Vh) may both be negated relative to another library; compare reconstructions.",
        example: "(u, s, vh) = svd(tensor([[3, 0], [0, 4], [0, 0]]), full_matrices=false)") { x, a in
        let (u, s, vh) = try x.svd(fullMatrices: try a.bool(1, default: true), computeUV: try a.bool(2, default: true))
        guard let u, let vh else { return .tensor(s) }
        return .tuple([.tensor(u), .tensor(s), .tensor(vh)])
    }

    static let pinv = unary("pinv", [.optional("rcond", defaultText: "1e-15")],
        doc: "The Moore-Penrose pseudo-inverse, from the SVD; singular values at or below rcond times the largest count as zero.",
        example: "pinv(tensor([[1, 2], [3, 4], [5, 6]]))") { x, a in .tensor(try x.pinv(rcond: try a.number(1, default: 1e-15))) }

    static let matrixRank = unary("matrix_rank", [.optional("tol", defaultText: "nil")],
        doc: "The number of singular values above tol (default: the largest times max(m, n) times the dtype's epsilon), as an int64.",
        example: "matrix_rank(tensor([[1, 2], [2, 4]]))") { x, a in
        .tensor(try x.matrixRank(tol: a[1] == nil ? nil : try a.number(1)))
    }

    static let cond = unary("cond", doc: "The condition number in the 2-norm: the largest singular value over the smallest (inf for a singular matrix).",
                            example: "cond(tensor([[1, 0], [0, 10]]))") { x, _ in .tensor(try x.cond()) }

    static let lstsq = Builtin("lstsq", [.required("a"), .required("b"), .optional("rcond", defaultText: "nil")], topic: "linalg",
        doc: "Least squares, as numpy.linalg.lstsq for one matrix a (m×n) and b (m or m×k): a tuple (x, residuals, rank, s) where x minimises |b - a @ x| (the minimum-norm one), residuals holds the squared residual sums (empty unless rank == n < m) and s the singular values of a. rcond defaults to eps * max(m, n).",
        example: "(x, res, rank, s) = lstsq(tensor([[1, 1], [1, 2], [1, 3]]), tensor([1, 2, 2]))") { a, _ in
        let (x, y) = (try a.tensor(0), try a.tensor(1))
        let rcond = a[2] == nil ? nil : try a.number(2)
        return try bridging {
            let r = try Tensor.lstsq(x, y, rcond: rcond)
            return .tuple([.tensor(r.x), .tensor(r.residuals), .tensor(r.rank), .tensor(r.s)])
        }
    }
}
