import Foundation
import Testing
@testable import MNLData
import TensorKit

@Suite struct NPYTests {
    static let readable = ["dtype_f4.npy", "dtype_f8.npy", "dtype_i8.npy", "dtype_i4.npy", "dtype_i2.npy", "dtype_i1.npy",
                           "dtype_u1.npy", "dtype_u2.npy", "dtype_u4.npy", "dtype_b1.npy",
                           "big_f4.npy", "big_f8.npy", "big_i8.npy", "big_i4.npy", "big_i2.npy", "big_u2.npy",
                           "fortran_f8.npy", "fortran_i4_3d.npy", "scalar_f8.npy", "empty_f4.npy", "v2_f4.npy", "v3_f4.npy"]

    @Test(arguments: readable)
    func readsNumPyFiles(name: String) throws {
        let want = try Expected(try Expected.all()[name])
        want.check(try NPY.load(try fixture(name)), name)
    }

    @Test(arguments: ["c8", "U3", "u8", "structured"])
    func refusesUnsupportedDTypes(code: String) throws {
        let p = try fixture("unsupported_\(code).npy")
        let e = expectDataError { _ = try NPY.load(p) }
        guard case .unsupportedNPYDType(let path, _)? = e else { Issue.record("wrong case \(String(describing: e))"); return }
        #expect(path == p)
        #expect(e?.message.contains(p) == true)
    }

    static let written = ["numpy_save_f4_1d.npy", "numpy_save_f8_2d.npy", "numpy_save_i8_3d.npy", "numpy_save_u1_2d.npy", "numpy_save_i4_2d.npy",
                          "numpy_save_b1_1d.npy", "numpy_save_f8_0d.npy", "numpy_save_f4_empty.npy"]

    /// What we write is byte for byte what numpy.save writes.
    @Test(arguments: written)
    func writesExactlyWhatNumPyWrites(name: String) throws {
        let p = try fixture(name)
        let t = try NPY.load(p)
        let ours = try NPY.encode(t, path: "x.npy")
        let theirs = [UInt8](try Data(contentsOf: URL(fileURLWithPath: p)))
        #expect(ours == theirs)
        #expect(ours.count > 0)
    }

    @Test func headerRulesForALongerFirstAxis() throws {
        let theirs = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try fixture("numpy_header_f4_1000x784.bin"))))
        let ours = NPY.header(dtype: .float32, shape: [1000, 784])
        #expect(ours == theirs)
        #expect(ours.count % 64 == 0)
        #expect(ours.last == 0x0A)
        #expect(Array(ours[6..<8]) == [1, 0])
    }

    @Test func saveRoundTripsThroughAFile() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let t = try Tensor(shape: [2, 2], elements: [Float(1), 2, 3, 4])
        let p = dir.file("a.npy")
        try NPY.save(t, to: p)
        #expect(try NPY.load(p).toArray(Float.self) == [1, 2, 3, 4])
        // a transposed view is written in logical (row-major) order
        let tt = Tensor(storage: t.storage, shape: [2, 2], strides: [1, 2])
        try NPY.save(tt, to: p)
        #expect(try NPY.load(p).toArray(Float.self) == [1, 3, 2, 4])
        #expect(try dir.contents() == ["a.npy"])
    }

    @Test(arguments: ["stored.npz", "compressed.npz"])
    func readsNPZ(name: String) throws {
        let all = try Expected.all()[name] as? [String: Any] ?? [:]
        let d = try NPZ.load(try fixture(name))
        #expect(Set(d.names) == ["weights", "labels", "mask"])
        for key in ["weights", "labels", "mask"] {
            guard let t = d[key] else { Issue.record("missing \(key)"); continue }
            try Expected(all[key]).check(t, "\(name)[\(key)]")
        }
    }

    @Test func npzRoundTripsAndKeepsOrder() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let p = dir.file("m.npz")
        var d = TensorDictionary()
        d["w"] = try Tensor(shape: [2, 1], elements: [1.5, -2.5])
        d["b"] = try Tensor(shape: [], elements: [Int64(3)])
        d["empty"] = try Tensor(zeros: [0], dtype: .uint8)
        try NPZ.save(d, to: p)
        let r = try NPZ.load(p)
        #expect(r.names == ["w", "b", "empty"])
        #expect(r["w"]?.toArray(Double.self) == [1.5, -2.5])
        #expect(r["b"]?.shape == [] && r["b"]?.toArray(Int64.self) == [3])
        #expect(r["empty"]?.shape == [0] && r["empty"]?.dtype == .uint8)
    }
}
