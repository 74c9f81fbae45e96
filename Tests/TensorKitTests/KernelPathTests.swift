import Testing
@testable import TensorKit

/// The elementwise kernels take a one-loop path for small contiguous work (issue 7) and the
/// chunked strided path otherwise; both must give each element the op's own result. Expected
/// values are computed element by element in Swift.
@Suite struct KernelPathTests {
    static func values(_ n: Int, salt: Int) -> [Double] { (0..<n).map { Double((($0 + salt) * 7919) % 201) - 100 } }

    @Test(arguments: [BinaryOp.add, .subtract, .multiply, .divide, .maximum, .less], [DType.float32, .float64, .int64])
    func smallAndLargeWorkAgreeWithTheScalarOp(op: BinaryOp, dtype: DType) throws {
        for n in [1, 5, 33, Kernels.singlePieceLimit + 5] {
            let x = Self.values(n, salt: 1), y = Self.values(n, salt: 2).map { $0 == 0 ? 3 : $0 }
            let a = try Tensor(shape: [n], values: x, dtype: dtype), b = try Tensor(shape: [n], values: y, dtype: dtype)
            let got = try Tensor.binary(op, a, b).toDoubles()
            let scalar = try Tensor.binary(op, a, 3.0).toDoubles()  // a plain number, then a broadcast scalar
            let scalarFirst = try Tensor.binary(op, 3.0, b).toDoubles()
            for i in stride(from: 0, to: n, by: Swift.max(1, n / 50)) {
                #expect(got[i] == Self.reference(op, x[i], y[i], dtype), "\(op) \(dtype) n=\(n) [\(i)]")
                #expect(scalar[i] == Self.reference(op, x[i], 3, dtype), "\(op) \(dtype) scalar n=\(n) [\(i)]")
                #expect(scalarFirst[i] == Self.reference(op, 3, y[i], dtype), "\(op) \(dtype) scalar first n=\(n) [\(i)]")
            }
        }
    }

    static func reference(_ op: BinaryOp, _ a: Double, _ b: Double, _ dtype: DType) -> Double {
        switch op {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide:
            if dtype == .float64 { return a / b }
            return Double(Float(a) / Float(b))  // float32, and int / int gives float32
        case .maximum: return Swift.max(a, b)
        default: return a < b ? 1 : 0
        }
    }

    @Test func aSmallNonContiguousOperandTakesTheStridedPath() throws {
        let m = try Tensor(shape: [3, 4], values: Self.values(12, salt: 3), dtype: .float32)
        let t = try m.transpose()  // not contiguous
        let got = try Tensor.binary(.add, t, t).toDoubles(), x = try t.copy().toDoubles()
        #expect(got == x.map { $0 + $0 })
        #expect(try t.unary(.negative).toDoubles() == x.map { -$0 })
    }
}
