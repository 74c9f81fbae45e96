import Foundation
import Testing
@testable import TensorKit

/// Issue 10's element-wise functions and contractions against NumPy (Fixtures/elementwise.json
/// and contractions.json, written by scripts/make-elementwise-fixtures.py).
@Suite("NumPy element-wise and contraction fixtures")
struct ElementwiseFixtureTests {
    @Test("log1p ... cosh, trunc, arctan2, nan_to_num, round(decimals=), clip with tensor bounds")
    func elementwise() throws {
        let cases = try loadFixture("elementwise")
        #expect(cases.count > 200)
        for c in cases { try Self.run(c, Self.elementwise) }
    }

    @Test("inner, kron, tensordot, einsum, convolve, norm(ord=, axis=)")
    func contractions() throws {
        let cases = try loadFixture("contractions")
        #expect(cases.count > 200)
        for c in cases { try Self.run(c, Self.contraction) }
    }

    @Test("einsum's diagonals and permutations are views; its matrix product is matmul's, bit for bit")
    func einsumDispatch() throws {
        let x = try Tensor.arange(0, 16, step: 1).cast(to: .float32).reshape([4, 4])
        #expect(try Tensor.einsum("ii->i", [x]).sharesStorage(with: x))
        #expect(try Tensor.einsum("ij->ji", [x]).sharesStorage(with: x))
        let a = try Tensor.binary(.multiply, x, 0.37), b = try Tensor.binary(.add, x.T, 0.5)
        let viaEinsum = try Tensor.einsum("ij,jk->ik", [a, b]), viaMatmul = try Tensor.matmul(a, b)
        #expect(viaEinsum.toDoubles() == viaMatmul.toDoubles())
    }

    static func run(_ c: [String: Any], _ compute: (String, [Tensor], [String: Any]) throws -> [Tensor]) throws {
        var f = try FixtureCase(c)
        for (k, v) in (f.args["views"] as? [[String: Any]] ?? []).enumerated() {
            if let index = v["index"] { f.inputs[k] = try f.inputs[k].get(try decodeIndex(index, f.inputs)) }
            if v["T"] as? Bool == true { f.inputs[k] = f.inputs[k].T }
        }
        guard let pairs = try f.results({ try compute(f.op, $0, f.args) }), let first = pairs.first else { return }
        // SVD-based norms of float32 matrices agree with NumPy's LAPACK to a few ulps of the largest value.
        let loose = f.op == "norm" && first.expected.dtype == .float32
        for (a, e) in pairs { assertClose(a, e, f.name, rtol: loose ? 1e-4 : nil, atol: loose ? 1e-5 : nil) }
    }

    static func elementwise(_ op: String, _ x: [Tensor], _ args: [String: Any]) throws -> [Tensor] {
        switch op {
        case "unary":
            let u = try #require(UnaryOp(rawValue: args["op_name"] as? String ?? ""))
            return [try x[0].unary(u)]
        case "arctan2": return [try Tensor.arctan2(x[0], x[1])]
        case "nan_to_num":
            return [try x[0].nanToNum(nan: (args["nan"] as? NSNumber)?.doubleValue ?? 0, posinf: (args["posinf"] as? NSNumber)?.doubleValue,
                                      neginf: (args["neginf"] as? NSNumber)?.doubleValue)]
        case "round": return [try x[0].rounded(decimals: args["decimals"] as? Int ?? 0)]
        case "clip":
            switch args["sides"] as? String {
            case "min": return [try Tensor.clip(x[0], min: x[1], max: nil)]
            case "max": return [try Tensor.clip(x[0], min: nil, max: x[1])]
            default: return [try Tensor.clip(x[0], min: x[1], max: x[2])]
            }
        default: throw TensorError.invalidArgument(op: op, message: "unknown fixture op")
        }
    }

    static func contraction(_ op: String, _ x: [Tensor], _ args: [String: Any]) throws -> [Tensor] {
        switch op {
        case "inner": return [try Tensor.inner(x[0], x[1])]
        case "kron": return [try Tensor.kron(x[0], x[1])]
        case "tensordot":
            if let n = args["axes"] as? Int { return [try Tensor.tensordot(x[0], x[1], axes: n)] }
            let pair = try #require(args["axes"] as? [[Int]])
            return [try Tensor.tensordot(x[0], x[1], axes: pair[0], pair[1])]
        case "einsum": return [try Tensor.einsum(try #require(args["subscripts"] as? String), x)]
        case "convolve": return [try Tensor.convolve(x[0], x[1], mode: args["mode"] as? String ?? "full")]
        case "norm":
            let axes = (args["axis"] as? Int).map { [$0] } ?? args["axis"] as? [Int]
            return [try x[0].norm(ord: try normOrder(args["ord"]), axes: axes, keepdims: args["keepdims"] as? Bool ?? false)]
        default: throw TensorError.invalidArgument(op: op, message: "unknown fixture op")
        }
    }

    static func normOrder(_ v: Any?) throws -> NormOrder? {
        switch v {
        case let s as String:
            switch s {
            case "fro": return .frobenius
            case "nuc": return .nuclear
            case "inf": return .p(.infinity)
            case "-inf": return .p(-.infinity)
            default: throw TensorError.invalidArgument(op: "norm", message: "unknown fixture ord \(s)")
            }
        case let n as NSNumber: return .p(n.doubleValue)
        default: return nil
        }
    }
}
