import Foundation
import Testing
@testable import TensorKit

/// int32, float16 and bfloat16 against NumPy (Fixtures/dtypes.json, written by
/// scripts/make-dtype-fixtures.py).
@Suite struct DTypeFixtureTests {
    static func fixture() throws -> [String: Any] { try #require(try loadFixture("dtypes").first) }

    static func doubles(_ any: Any?) throws -> [Double] {
        try #require(any as? [String]).map { s in
            switch s {
            case "nan": .nan
            case "inf": .infinity
            case "-inf": -.infinity
            default: try #require(Double(s))
            }
        }
    }

    static func bits(_ any: Any?) throws -> [UInt16] { try #require(any as? [Int]).map { UInt16($0) } }

    static func half(_ bits: [UInt16], shape: [Int]? = nil) throws -> Tensor {
        try Tensor(shape: shape ?? [bits.count], elements: bits.map { Float16Bits(bits: $0) })
    }

    static func bitsOf(_ t: Tensor) throws -> [UInt16] {
        #expect(t.dtype == .float16)
        return try t.contiguous().toArray(Float16Bits.self).map(\.bits)
    }

    @Test func float64AndFloat32RoundToNumPysFloat16() throws {
        let c = try #require(try Self.fixture()["conversions"] as? [String: Any])
        let wide = try Self.doubles(c["from_float64"]), narrow = try Self.doubles(c["from_float32"])
        let want64 = try Self.bits(c["float16_bits_from_float64"]), want32 = try Self.bits(c["float16_bits_from_float32"])
        for (v, w) in zip(wide, want64) { #expect(Float16Bits(fromDouble: v).bits == w, "float64 \(v)") }
        for (v, w) in zip(narrow, want32) { #expect(Float16Bits(Float(v)).bits == w, "float32 \(v)") }
        // The same through the cast kernel, from a reversed (negative-stride) view.
        let t = try Tensor(shape: [wide.count], elements: wide)
        let reversed = Tensor(storage: t.storage, shape: [wide.count], strides: [-1], offset: wide.count - 1)
        #expect(try Self.bitsOf(reversed.cast(to: .float16)) == want64.reversed())
    }

    @Test func float32RoundsToBFloat16() throws {
        let c = try #require(try Self.fixture()["conversions"] as? [String: Any])
        let narrow = try Self.doubles(c["from_float32"]), want = try Self.bits(c["bfloat16_bits_from_float32"])
        for (v, w) in zip(narrow, want) { #expect(BFloat16Bits(Float(v)).bits == w, "float32 \(v)") }
        let t = try Tensor(shape: [narrow.count], values: narrow, dtype: .float32).cast(to: .bfloat16)
        #expect(t.toArray(BFloat16Bits.self).map(\.bits) == want)
    }

    /// Every float16 reads back exactly: widening then rounding gives the same bits.
    @Test func everyFloat16RoundTripsThroughFloat32() {
        for b in 0...UInt16.max {
            let h = Float16Bits(bits: b)
            if h.float.isNaN { #expect(Float16Bits(h.float).float.isNaN); continue }
            #expect(Float16Bits(h.float).bits == b)
            #expect(Float16Bits(fromDouble: Double(h.float)).bits == b)
            #if !(os(macOS) && arch(x86_64))
            #expect(h.float == Float(Float16(bitPattern: b)), "bits \(b)")
            #endif
        }
        for b in 0...UInt16.max {
            let x = BFloat16Bits(bits: b)
            #expect(x.float.isNaN ? BFloat16Bits(x.float).float.isNaN : BFloat16Bits(x.float).bits == b)
        }
    }

    @Test func float16ArithmeticMatchesNumPy() throws {
        let ops = try #require(try Self.fixture()["half_ops"] as? [String: Any])
        let aBits = try Self.bits(ops["a"]), bBits = try Self.bits(ops["b"])
        let a = try Self.half(aBits), b = try Self.half(bBits), m = try a.reshape([4, 6])
        let cases: [(String, Tensor)] = [
            ("add", try Tensor.binary(.add, a, b)), ("subtract", try Tensor.binary(.subtract, a, b)),
            ("multiply", try Tensor.binary(.multiply, a, b)), ("divide", try Tensor.binary(.divide, a, b)),
            ("exp", try a.unary(.exp)), ("sqrt", try a.unary(.abs).unary(.sqrt)), ("tanh", try a.unary(.tanh)),
            ("sum0", try m.sum(axes: [0])), ("max1", try m.max(axes: [1])), ("sum_T1", try m.T.sum(axes: [1])),
            ("reversed_plus_one", try Tensor.binary(.add, Tensor(storage: a.storage, shape: [24], strides: [-1], offset: 23), 1)),
            ("cumsum", try Self.half(Array(aBits.prefix(8))).cumsum()),
        ]
        for (name, got) in cases {
            #expect(try Self.bitsOf(got) == Self.bits(ops[name]), "\(name)")
        }
    }

    /// NumPy 2's table, except where Grammar.md "Dtypes" documents mnist-repl's own rule.
    @Test func promotionFollowsNumPyWithTheDocumentedDifferences() throws {
        let table = try #require(try Self.fixture()["promotion"] as? [[String]])
        let ours: [Set<String>: DType] = [
            // integers with float32 stay float32 (NumPy: float64 for int32 and int64)
            ["int32", "float32"]: .float32, ["int64", "float32"]: .float32,
            // integers with float16 give float16, as PyTorch (NumPy: float32 or float64)
            ["int32", "float16"]: .float16, ["int64", "float16"]: .float16,
        ]
        #expect(table.count == 49)
        for row in table {
            let a = try #require(DType(rawValue: row[0])), b = try #require(DType(rawValue: row[1]))
            let want = ours[[row[0], row[1]]] ?? DType(rawValue: row[2])
            #expect(Promotion.promote(a, b) == want, "\(a) with \(b)")
        }
        #expect(Promotion.promote(.float16, .bfloat16) == .float32)
        #expect(Promotion.promote(.bfloat16, .int32) == .bfloat16)
    }
}
