import Foundation
import Testing
@testable import MNLData
import TensorKit

/// Writes one file per writer and format. Run with MNL_FIXTURE_OUT=DIR to keep them, then
/// `python3 scripts/make-data-fixtures.py --verify DIR` loads them with NumPy and safetensors.
@Suite struct NumPyInteropTests {
    @Test func writtenFilesForNumPy() throws {
        let tmp = try TempDir(); defer { tmp.cleanup() }
        let out = ProcessInfo.processInfo.environment["MNL_FIXTURE_OUT"] ?? tmp.path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let tensors: [(String, Tensor)] = [
            ("f4", try Tensor(shape: [2, 3], elements: [Float(1.5), -2, 0, 3e10, -4e-3, 1.0 / 3.0])),
            ("f8", try Tensor(shape: [3], elements: [Double.pi, -1e300, 0.1])),
            ("i8", try Tensor(shape: [2, 2], elements: [Int64.min, -1, 0, Int64.max])),
            ("u1", try Tensor(shape: [4], elements: [UInt8(0), 1, 128, 255])),
            ("i4", try Tensor(shape: [3], elements: [Int32.min, -1, Int32.max])),
            ("b1", try Tensor(shape: [1, 3], elements: [true, false, true])),
            ("scalar", try Tensor(shape: [], elements: [2.5])),
            ("empty", try Tensor(zeros: [0, 3], dtype: .float32)),
        ]
        var spec: [String: Any] = [:]
        func describe(_ t: Tensor) -> [String: Any] {
            let values: [Any]
            switch t.dtype {
            case .float32: values = t.toArray(Float.self).map { "\(Double($0))" }
            case .float64: values = t.toArray(Double.self).map { "\($0)" }
            case .int64: values = t.toArray(Int64.self).map { Int($0) }
            case .int32: values = t.toArray(Int32.self).map { Int($0) }
            case .float16, .bfloat16: values = t.toDoubles().map { "\($0)" }
            case .uint8: values = t.toArray(UInt8.self).map { Int($0) }
            case .bool: values = t.toArray(Bool.self)
            }
            return ["dtype": t.dtype.rawValue, "shape": t.shape, "values": values]
        }
        for (name, t) in tensors {
            let p = out + "/ours_\(name).npy"
            try NPY.save(t, to: p)
            #expect(asDoubles(try NPY.load(p)) == asDoubles(t))
            spec["ours_\(name).npy"] = describe(t)
        }
        let dict = TensorDictionary(tensors)
        try NPZ.save(dict, to: out + "/ours.npz")
        #expect(try NPZ.load(out + "/ours.npz").names == dict.names)
        try Safetensors.save(dict, metadata: ["by": "MNLData"], to: out + "/ours.safetensors")
        #expect(try Safetensors.load(out + "/ours.safetensors").tensors.count == dict.count)
        var members: [String: Any] = [:]
        for (name, t) in tensors { members[name] = describe(t) }
        spec["ours.npz"] = members
        spec["ours.safetensors"] = members
        let json = try JSONSerialization.data(withJSONObject: spec, options: [.sortedKeys])
        try json.write(to: URL(fileURLWithPath: out + "/ours.json"))
    }
}
