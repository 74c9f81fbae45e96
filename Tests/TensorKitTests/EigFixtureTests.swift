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
        var f = try FixtureCase(c)
        if f.args["transpose"] as? Bool == true { f.inputs[0] = f.inputs[0].T }
        let (a, name, op) = (f.inputs[0], f.name, f.op)
        var v: Tensor?
        guard let pairs = try f.results({ let r = try $0[0].eig(vectors: op == "eig", op: op); v = r.vectors; return [r.values] }),
              let (w, expected) = pairs.first else { return }
        let tol: (Double, Double) = expected.dtype == .float32 ? (1e-4, 1e-4) : (1e-9, 1e-10)
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
