import Foundation
import Testing
@testable import TensorKit

/// eig and eigvals against NumPy (Fixtures/eig.json, written by scripts/make-eig-fixtures.py).
/// LAPACK chooses the order of the eigenvalues and the sign of each eigenvector, so the
/// values are compared sorted, and the vectors by what they must satisfy: a @ v == v * w,
/// with unit columns.
@Suite("NumPy eig fixtures")
struct EigFixtureTests {
    @Test("eig and eigvals: real spectra, batches, views, empty input and the errors")
    func eig() throws { for c in try loadFixture("eig") { try Self.run(c) } }

    static func run(_ c: [String: Any]) throws {
        let name = c["name"] as? String ?? "?"
        let args = c["args"] as? [String: Any] ?? [:]
        var a = try decodeTensor((c["inputs"] as? [Any])?.first)
        if args["transpose"] as? Bool == true { a = a.T }
        let op = try #require(c["op"] as? String)
        if let kind = c["error"] as? String {
            expectErrorKind(kind, name) { _ = try a.eig(vectors: op == "eig", op: op) }
            return
        }
        let expected = try decodeTensor((c["expected_list"] as? [Any])?.first)
        let tol: (Double, Double) = expected.dtype == .float32 ? (1e-4, 1e-4) : (1e-9, 1e-10)
        let (w, v) = try a.eig(vectors: op == "eig", op: op)
        assertClose(try w.sort(axis: -1), expected, "\(name): sorted w", rtol: tol.0, atol: tol.1)
        guard op == "eig" else { return }
        let vectors = try #require(v, "\(name): vectors")
        let av = try Tensor.matmul(try a.cast(to: vectors.dtype), vectors)
        let vw = try Tensor.binary(.multiply, vectors, try w.expandDims(-2))
        assertClose(av, vw, "\(name): a @ v == v * w", rtol: tol.0 * 10, atol: tol.1 * 100)
        let norms = try Tensor.binary(.multiply, vectors, vectors).reduce(.sum, axes: [-2]).unary(.sqrt)
        assertClose(norms, try Tensor(shape: norms.shape, values: [Double](repeating: 1, count: norms.count), dtype: norms.dtype),
                    "\(name): unit columns", rtol: tol.0, atol: tol.1)
    }
}
