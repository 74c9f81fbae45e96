import Foundation
import Testing
@testable import MNLData
import TensorKit

@Suite struct SafetensorsTests {
    @Test func readsTheReferenceImplementationsFile() throws {
        let all = try Expected.all()["ref.safetensors"] as? [String: Any] ?? [:]
        let (d, meta) = try Safetensors.load(try fixture("ref.safetensors"))
        #expect(meta == ["format": "np", "source": "make-data-fixtures"])
        #expect(Set(d.names) == Set(all.keys))
        #expect(d.count == 5)
        for name in d.names {
            guard let t = d[name] else { continue }
            try Expected(all[name]).check(t, name)
        }
    }

    @Test func roundTrips() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let p = dir.file("m.safetensors")
        var d = TensorDictionary()
        d["layers.0.weight"] = try Tensor(shape: [2, 2], elements: [Float(1), -2, 3.5, 4])
        d["layers.0.bias"] = try Tensor(shape: [2], elements: [0.25, -0.5])
        d["step"] = try Tensor(shape: [], elements: [Int64(12)])
        d["mask"] = try Tensor(shape: [3], elements: [true, false, true])
        d["img"] = try Tensor(shape: [1, 2], elements: [UInt8(0), 255])
        d["ids"] = try Tensor(shape: [2], elements: [Int32.max, Int32.min])
        try Safetensors.save(d, metadata: ["epoch": "3", "note": "quote \" and \\ and \n"], to: p)
        let raw = [UInt8](try Data(contentsOf: URL(fileURLWithPath: p)))
        var n = 0
        for k in 0..<8 { n |= Int(raw[k]) << (8 * k) }
        #expect(n % 8 == 0)
        let (r, meta) = try Safetensors.load(p)
        #expect(meta == ["epoch": "3", "note": "quote \" and \\ and \n"])
        #expect(Set(r.names) == Set(d.names))
        #expect(r["layers.0.weight"]?.toArray(Float.self) == [1, -2, 3.5, 4])
        #expect(r["layers.0.bias"]?.toArray(Double.self) == [0.25, -0.5])
        #expect(r["step"]?.shape == [] && r["step"]?.toArray(Int64.self) == [12])
        #expect(r["mask"]?.toArray(Bool.self) == [true, false, true])
        #expect(r["img"]?.toArray(UInt8.self) == [0, 255])
        #expect(r["ids"]?.toArray(Int32.self) == [Int32.max, Int32.min])
    }

    @Test func genericSaveAndLoadFollowTheExtension() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let t = try Tensor(shape: [2], elements: [1.0, 2.0])
        for name in ["a.npy", "a.npz", "a.safetensors", "a.csv", "a.idx"] {
            try DataFile.save(.tensor(t), to: dir.file(name))
            let back = try DataFile.load(dir.file(name))
            switch back {
            case .tensor(let x): #expect(asDoubles(x) == [1, 2], "\(name)")
            case .tensors(let d): #expect(d.pairs.first.map { asDoubles($0.tensor) } == [1, 2], "\(name)")
            case .table(let tb): #expect(asDoubles(tb.tensor) == [1, 2], "\(name)")
            }
        }
        guard case .unsupportedValue(let p, _)? = expectDataError({ try DataFile.save(.tensor(t), to: dir.file("a.txt")) }) else {
            Issue.record("expected unsupportedValue"); return
        }
        #expect(p == dir.file("a.txt"))
    }
}
