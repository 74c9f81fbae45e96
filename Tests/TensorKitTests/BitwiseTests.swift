import Testing
@testable import TensorKit

/// `&`, `|`, `^` and `~` (issue 9), against the same operations on Swift integers, through
/// the broadcast, strided and scalar paths of the generic kernels.
@Suite struct BitwiseTests {
    @Test func integersBroadcastBitByBit() throws {
        let a = try Tensor(shape: [2, 3], values: [5, -3, 12, 0, 7, 255], dtype: .int64)
        let b = try Tensor(shape: [3], values: [3, 6, -1], dtype: .int64)
        let av: [Int64] = [5, -3, 12, 0, 7, 255], bv: [Int64] = [3, 6, -1]
        func expected(_ f: (Int64, Int64) -> Int64) -> [Double] { av.indices.map { Double(f(av[$0], bv[$0 % 3])) } }
        #expect(try Tensor.binary(.bitAnd, a, b).toDoubles() == expected(&))
        #expect(try Tensor.binary(.bitOr, a, b).toDoubles() == expected(|))
        #expect(try Tensor.binary(.bitXor, a, b).toDoubles() == expected(^))
        #expect(try a.unary(.invert).toDoubles() == av.map { Double(~$0) })
        // A transposed (strided) operand and a scalar.
        #expect(try Tensor.binary(.bitAnd, try a.transpose(), 6).toDoubles() == [5 & 6, 0, -3 & 6, 7 & 6, 12 & 6, 255 & 6].map(Double.init))
    }

    @Test func boolsAreLogicalAndUInt8StaysUInt8() throws {
        let m = try Tensor(shape: [3], values: [1, 0, 1], dtype: .bool)
        let n = try Tensor(shape: [3], values: [1, 1, 0], dtype: .bool)
        #expect(try Tensor.binary(.bitAnd, m, n).toDoubles() == [1, 0, 0])
        #expect(try Tensor.binary(.bitOr, m, n).dtype == .bool)
        #expect(try Tensor.binary(.bitXor, m, n).toDoubles() == [0, 1, 1])
        #expect(try m.unary(.invert).toDoubles() == [0, 1, 0])
        let u = try Tensor(shape: [2], values: [0b1010, 255], dtype: .uint8)
        #expect(try u.unary(.invert).toDoubles() == [0b1111_0101, 0])
        #expect(try u.unary(.invert).dtype == .uint8)
    }

    @Test func floatsAreRefused() throws {
        let x = try Tensor(shape: [2], values: [1.5, 2], dtype: .float32)
        #expect(throws: TensorError.self) { try Tensor.binary(.bitAnd, x, x) }
        #expect(throws: TensorError.self) { try x.unary(.invert) }
    }

    @Test func inPlaceOnAMask() throws {
        let m = try Tensor(shape: [3], values: [1, 0, 1], dtype: .bool)
        try m.applyInPlace(.bitAnd, try Tensor(shape: [3], values: [1, 1, 0], dtype: .bool))
        #expect(m.toDoubles() == [1, 0, 0])
    }
}
