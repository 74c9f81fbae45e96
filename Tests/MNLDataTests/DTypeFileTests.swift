import Foundation
import Testing
@testable import MNLData
import TensorKit

/// float16 and int32 `.npy` files written by NumPy (Fixtures/dtypes, from
/// scripts/make-dtype-fixtures.py) load with their dtype and exact values, and what we write
/// back is byte for byte what numpy.save wrote.
@Suite struct DTypeFileTests {
    static let names = ["f2_2d.npy", "f2_big_endian.npy", "f2_empty.npy", "f2_scalar.npy", "f2_fortran.npy", "i4_extremes.npy"]

    static func expected() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: try fixture("dtypes/expected.json")))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    @Test(arguments: names)
    func loadsNumPysFile(name: String) throws {
        let want = try #require(try Self.expected()[name] as? [String: Any])
        let t = try NPY.load(try fixture("dtypes/" + name))
        #expect(t.dtype.rawValue == want["dtype"] as? String)
        #expect(t.shape == want["shape"] as? [Int])
        let values: [Double] = (want["values"] as? [Any] ?? []).map { v in
            if let s = v as? String { return s == "nan" ? .nan : s == "inf" ? .infinity : s == "-inf" ? -.infinity : Double(s) ?? .nan }
            return (v as? NSNumber)?.doubleValue ?? .nan
        }
        #expect(t.toDoubles().map(\.bitPattern) == values.map(\.bitPattern))
        if want["written_by_numpy"] as? Bool == true {
            let theirs = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try fixture("dtypes/" + name))))
            #expect(try NPY.encode(t, path: "x.npy") == theirs)
        }
    }

    @Test func halfTensorsRoundTripThroughSafetensors() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let p = dir.file("h.safetensors")
        var d = TensorDictionary()
        d["h"] = try Tensor(shape: [3], values: [0.1, -65504, .infinity], dtype: .float16)
        d["b"] = try Tensor(shape: [2], values: [0.1, 3e38], dtype: .bfloat16)
        try Safetensors.save(d, to: p)
        let raw = [UInt8](try Data(contentsOf: URL(fileURLWithPath: p)))
        #expect(String(decoding: raw, as: UTF8.self).contains("\"dtype\":\"BF16\""))
        let (r, _) = try Safetensors.load(p)
        #expect(r["h"]?.dtype == .float16 && r["h"]?.toDoubles() == d["h"]?.toDoubles())
        #expect(r["b"]?.dtype == .bfloat16 && r["b"]?.toDoubles() == d["b"]?.toDoubles())
    }

    @Test func idxRefusesHalfFloatsAndCSVWritesTheirValues() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let h = try Tensor(shape: [1, 2], values: [0.5, -2.25], dtype: .float16)
        let e = expectDataError { try IDX.write(h, to: dir.file("h.idx")) }
        guard case .unsupportedValue? = e else { Issue.record("wrong error \(String(describing: e))"); return }
        try CSV.write(h, to: dir.file("h.csv"))
        #expect(try String(contentsOfFile: dir.file("h.csv"), encoding: .utf8) == "0.5,-2.25\n")
    }

    @Test func bfloat16IsRefusedByNPY() throws {
        let t = try Tensor(shape: [1], values: [1], dtype: .bfloat16)
        let e = expectDataError { _ = try NPY.encode(t, path: "b.npy") }
        #expect(e?.message.contains("bfloat16") == true)
    }
}
