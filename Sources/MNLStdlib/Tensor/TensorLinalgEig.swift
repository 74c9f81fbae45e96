import MNLRuntime
import MNLSyntax
import TensorKit

/// numpy.linalg.eig and eigvals for general (non-symmetric) matrices, through LAPACK geev.
/// Tensors have no complex dtype: a matrix with complex eigenvalues is an error (see
/// Grammar.md, NumPy differences).
extension TensorLinalg {
    static let eig = unary("eig",
        doc: "A tuple (w, v) of a general square matrix: its eigenvalues w (in LAPACK's order, not sorted, as NumPy's) and unit right eigenvectors as the columns of v (a @ v[:, i] == w[i] * v[:, i]), batched over leading axes. Only real spectra: a matrix with complex eigenvalues (a rotation, say) is an error saying how many; for a symmetric matrix use eigh. Each eigenvector's sign is arbitrary.",
        example: "(w, v) = eig(tensor([[2, 1], [0, 3]]))\nlinalg.eig(tensor([[4, 1], [2, 3]], dtype=\"f64\"))[0]") { x, _ in
        let (w, v) = try x.eig()
        return .tuple([.tensor(w), v.map(Value.tensor) ?? .null])
    }

    static let eigvals = unary("eigvals", doc: "The eigenvalues of a general square matrix (eig without the vectors), in LAPACK's order; complex eigenvalues are an error, as in eig.",
                               example: "eigvals(tensor([[2, 1], [0, 3]]))") { x, _ in .tensor(try x.eig(vectors: false, op: "eigvals").values) }
}
