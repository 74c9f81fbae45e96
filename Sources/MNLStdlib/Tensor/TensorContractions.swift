import MNLRuntime
import MNLSyntax
import TensorKit

/// NumPy's contractions (issue 10): inner, kron, tensordot, einsum, convolve and norm.
enum TensorContractions {
    static var builtins: [any TensorLibraryEntry] { [] }
}
