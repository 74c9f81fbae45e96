import Foundation
import Testing
@testable import TensorKit

/// TensorKit's linear algebra against NumPy (Fixtures/linalg.json, written by
/// scripts/make-linalg-fixtures.py). Decompositions whose signs LAPACK chooses are compared
/// up to sign: |factors| against NumPy's, and the product of the factors against the input.
@Suite("NumPy linalg fixtures")
struct LinalgFixtureTests {
    @Test("solve, inv, det, decompositions, pinv, lstsq and their errors")
    func linalg() throws { for c in try loadFixture("linalg") { try Self.run(c) } }

    static func run(_ c: [String: Any]) throws {
        var f = try FixtureCase(c)
        if f.args["transpose"] as? Bool == true { f.inputs[0] = f.inputs[0].T }
        guard let pairs = try f.results({ try compute(f.op, $0, f.args) }) else { return }
        let (name, op, args, inputs) = (f.name, f.op, f.args, f.inputs)
        let actual = pairs.map(\.actual), expected = pairs.map(\.expected)
        let tol: (Double, Double) = expected[0].dtype == .float32 ? (2e-4, 2e-4) : (1e-9, 1e-10)
        switch op {
        case "qr": try checkQR(actual, expected, inputs[0], full: args["mode"] as? String == "complete", name, tol)
        case "eigh": try checkEigh(actual, expected, inputs[0], name, tol)
        case "svd": try checkSVD(actual, expected, inputs[0], name, tol)
        default:
            for (a, e) in zip(actual, expected) { assertClose(a, e, name, rtol: tol.0, atol: tol.1) }
        }
    }

    static func compute(_ op: String, _ x: [Tensor], _ args: [String: Any]) throws -> [Tensor] {
        switch op {
        case "inv": return [try x[0].inv()]
        case "det": return [try x[0].det()]
        case "slogdet": let r = try x[0].slogdet(); return [r.sign, r.logabsdet]
        case "solve": return [try Tensor.solve(x[0], x[1])]
        case "cholesky": return [try x[0].cholesky()]
        case "eigh": let r = try x[0].eigh(); return [r.values, try #require(r.vectors)]
        case "eigvalsh": return [try x[0].eigh(vectors: false).values]
        case "qr": let r = try x[0].qr(mode: args["mode"] as? String ?? "reduced"); return [try #require(r.q), r.r]
        case "svd":
            let r = try x[0].svd(fullMatrices: args["full"] as? Bool ?? true)
            return [try #require(r.u), r.s, try #require(r.vh)]
        case "svdvals": return [try x[0].svd(computeUV: false).s]
        case "pinv": return [try x[0].pinv()]
        case "matrix_rank": return [try x[0].matrixRank()]
        case "cond": return [try x[0].cond()]
        case "lstsq": let r = try Tensor.lstsq(x[0], x[1]); return [r.x, r.residuals, r.rank, r.s]
        default: throw TensorError.invalidArgument(op: op, message: "unknown fixture op")
        }
    }

    static func abs(_ t: Tensor) throws -> Tensor { try t.unary(.abs) }

    /// The first `k` columns (or rows) of each matrix.
    static func leading(_ t: Tensor, _ k: Int, columns: Bool) throws -> Tensor {
        let part = IndexComponent.slice(start: 0, stop: k, step: nil)
        return try t.get(columns ? [.ellipsis, part] : [.ellipsis, part, .all])
    }

    static func checkQR(_ a: [Tensor], _ e: [Tensor], _ x: Tensor, full: Bool, _ name: String, _ tol: (Double, Double)) throws {
        assertClose(try Tensor.matmul(a[0], a[1]), try x.cast(to: a[0].dtype), "\(name): Q @ R", rtol: tol.0, atol: tol.1)
        let k = Swift.min(x.shape[x.shape.count - 1], x.shape[x.shape.count - 2])
        // Beyond the first k, complete Q's columns are any orthonormal completion.
        assertClose(try abs(leading(a[0], k, columns: true)), try abs(leading(e[0], k, columns: true)), "\(name): |Q|", rtol: tol.0, atol: tol.1)
        assertClose(try abs(a[1]), try abs(e[1]), "\(name): |R|", rtol: tol.0, atol: tol.1)
        _ = full
    }

    static func checkEigh(_ a: [Tensor], _ e: [Tensor], _ x: Tensor, _ name: String, _ tol: (Double, Double)) throws {
        assertClose(a[0], e[0], "\(name): w", rtol: tol.0, atol: tol.1)
        assertClose(try abs(a[1]), try abs(e[1]), "\(name): |v|", rtol: tol.0, atol: tol.1)
        let av = try Tensor.matmul(x, a[1]), vw = try Tensor.binary(.multiply, a[1], try a[0].expandDims(-2))
        assertClose(av, vw, "\(name): a @ v == v * w", rtol: tol.0, atol: tol.1 * 10)
    }

    static func checkSVD(_ a: [Tensor], _ e: [Tensor], _ x: Tensor, _ name: String, _ tol: (Double, Double)) throws {
        let k = a[1].shape[a[1].shape.count - 1]
        assertClose(a[1], e[1], "\(name): S", rtol: tol.0, atol: tol.1)
        let u = try leading(a[0], k, columns: true), vh = try leading(a[2], k, columns: false)
        let product = try Tensor.matmul(try Tensor.binary(.multiply, u, try a[1].expandDims(-2)), vh)
        assertClose(product, x, "\(name): U @ diag(S) @ Vh", rtol: tol.0, atol: tol.1 * 10)
        assertClose(try abs(u), try abs(leading(e[0], k, columns: true)), "\(name): |U|", rtol: tol.0, atol: tol.1)
        assertClose(try abs(vh), try abs(leading(e[2], k, columns: false)), "\(name): |Vh|", rtol: tol.0, atol: tol.1)
        #expect(a[0].shape == e[0].shape && a[2].shape == e[2].shape, "\(name): shapes")
    }
}
