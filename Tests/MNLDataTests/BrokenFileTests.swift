import Foundation
import Testing
@testable import MNLData
import TensorKit

/// Broken input never traps and never half-loads: each case throws the right DataError, and the
/// message names the file.
@Suite struct BrokenFileTests {
    func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    @Test func missingFile() {
        for load in [{ _ = try IDX.read("/nonexistent/a.idx") }, { _ = try NPY.load("/nonexistent/a.idx") },
                     { _ = try NPZ.load("/nonexistent/a.idx") }, { _ = try CSV.read("/nonexistent/a.idx") },
                     { _ = try Safetensors.load("/nonexistent/a.idx") }] as [() throws -> Void] {
            let e = expectDataError(load)
            #expect(e == .fileNotFound(path: "/nonexistent/a.idx"))
            #expect(e?.message.contains("/nonexistent/a.idx") == true)
        }
    }

    @Test func directoryIsNotAFile() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        guard case .readFailed(let p, _)? = expectDataError({ _ = try NPY.load(dir.path) }) else { Issue.record("expected readFailed"); return }
        #expect(p == dir.path)
    }

    @Test func wrongIDXMagic() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let p = try dir.write("x.idx", [0x12, 0x34, 0x08, 0x01, 0, 0, 0, 0])
        let e = expectDataError { _ = try IDX.read(p) }
        guard case .badMagic(let path, "IDX", _, let found)? = e else { Issue.record("wrong case \(String(describing: e))"); return }
        #expect(path == p && found == "12 34 08 01")
        #expect(e?.message.contains(p) == true)
        let p2 = try dir.write("y.idx", [0, 0, 0x07, 0x01, 0, 0, 0, 0])
        #expect(expectDataError { _ = try IDX.read(p2) } == .unsupportedIDXType(path: p2, code: 0x07))
    }

    @Test func idxHeaderDisagreesWithDataSize() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        // says 2 x 3 uint8 = 6 bytes, holds 5
        let p = try dir.write("s.idx", [0, 0, 0x08, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5])
        let e = expectDataError { _ = try IDX.read(p) }
        #expect(e == .sizeMismatch(path: p, format: "IDX", expectedBytes: 6, foundBytes: 5))
        #expect(e?.message.contains(p) == true)
        // absurd header: 4 dims of 2^32-1 overflows; refused, not allocated
        let huge = try dir.write("h.idx", [0, 0, 0x0E, 4] + [UInt8](repeating: 0xFF, count: 16))
        guard case .tooLarge(let hp, _)? = expectDataError({ _ = try IDX.read(huge) }) else { Issue.record("expected tooLarge"); return }
        #expect(hp == huge)
        // large but not overflowing: 65535^2 float64 claimed with 0 bytes present
        let big = try dir.write("b.idx", [0, 0, 0x0E, 2, 0, 0, 0xFF, 0xFF, 0, 0, 0xFF, 0xFF])
        #expect(expectDataError { _ = try IDX.read(big) } == .sizeMismatch(path: big, format: "IDX", expectedBytes: 65535 * 65535 * 8, foundBytes: 0))
        // the same disagreement inside a gzip stream, short and long, for uint8 and int32
        for (payload, found) in [([UInt8](repeating: 1, count: 5), 5), ([UInt8](repeating: 1, count: 9), 9)] {
            for code: UInt8 in [0x08, 0x0C] {
                let elem = code == 0x08 ? 1 : 4
                let raw: [UInt8] = [0, 0, code, 2, 0, 0, 0, 2, 0, 0, 0, 3] + Array(repeating: payload, count: elem).flatMap { $0 }
                let gz = try raw.withUnsafeBytes { try Gzip.compress($0, path: "t") }
                let gp = try dir.write("s\(code)-\(found).idx.gz", Array(gz.bytes))
                #expect(expectDataError { _ = try IDX.read(gp) } == .sizeMismatch(path: gp, format: "IDX", expectedBytes: 6 * elem, foundBytes: found * elem))
            }
        }
        // images and labels that disagree in count
        let imgs = dir.file("i.idx"), labs = dir.file("l.idx")
        try IDX.write(try Tensor(zeros: [3, 2, 2], dtype: .uint8), to: imgs)
        try IDX.write(try Tensor(zeros: [2], dtype: .uint8), to: labs)
        #expect(expectDataError { _ = try MNISTDataset.loadPair(images: imgs, labels: labs) } == .countMismatch(path: labs, images: 3, labels: 2))
    }

    @Test func truncatedGzip() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let good = try bytes(repoRoot + "/Data/mnist-sample/t10k-labels-idx1-ubyte.gz")
        let p = try dir.write("t.gz", Array(good.prefix(good.count / 2)))
        let e = expectDataError { _ = try IDX.read(p) }
        guard case .truncatedCompressed(let path, let n)? = e else { Issue.record("wrong case \(String(describing: e))"); return }
        #expect(path == p && n > 0)
        #expect(e?.message.contains(p) == true)
        // every proper prefix fails; none traps or half-loads
        for cut in stride(from: 0, to: good.count, by: 7) {
            let q = try dir.write("c.gz", Array(good.prefix(cut)))
            #expect(throws: DataError.self) { _ = try IDX.read(q) }
        }
    }

    @Test func corruptGzip() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        var bad = try bytes(repoRoot + "/Data/mnist-sample/t10k-labels-idx1-ubyte.gz")
        for i in 20..<60 { bad[i] ^= 0x5A }
        let p = try dir.write("c.gz", bad)
        let e = expectDataError { _ = try IDX.read(p) }
        guard case .corruptCompressed(let path, let offset, _)? = e else { Issue.record("wrong case \(String(describing: e))"); return }
        #expect(path == p && offset >= 10)
        #expect(e?.message.contains(p) == true)
        // a flipped byte in the trailer is caught by the CRC
        var crcBad = try bytes(repoRoot + "/Data/mnist-sample/t10k-labels-idx1-ubyte.gz")
        crcBad[crcBad.count - 6] ^= 1
        let p2 = try dir.write("crc.gz", crcBad)
        guard case .corruptCompressed? = expectDataError({ _ = try IDX.read(p2) }) else { Issue.record("expected corruptCompressed"); return }
    }

    @Test func truncatedNPY() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let good = try bytes(try fixture("dtype_f8.npy"))  // 128-byte header + 48 bytes
        let p = try dir.write("t.npy", Array(good.dropLast(5)))
        let e = expectDataError { _ = try NPY.load(p) }
        #expect(e == .sizeMismatch(path: p, format: ".npy", expectedBytes: 48, foundBytes: 43))
        #expect(e?.message.contains(p) == true)
        for cut in 0..<good.count {
            let q = try dir.write("c.npy", Array(good.prefix(cut)))
            #expect(throws: DataError.self) { _ = try NPY.load(q) }
        }
    }

    @Test func badNPYHeaders() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        func npy(_ header: String) -> [UInt8] {
            let h = Array(header.utf8)
            return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(h.count & 0xFF), UInt8(h.count >> 8)] + h
        }
        let cases = ["{'descr': '<f4', 'fortran_order': False}",                       // no shape
                     "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }",     // negative
                     "{'descr': '<f4', 'fortran_order': 0, 'shape': (1,), }",          // not a bool
                     "{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }",
                     "{'descr': '<f4'",                                                // unterminated
                     String(repeating: "(", count: 5000)]                              // deep nesting
        for (i, c) in cases.enumerated() {
            let p = try dir.write("h\(i).npy", npy(c))
            guard case .badNPYHeader(let path, _)? = expectDataError({ _ = try NPY.load(p) }) else { Issue.record("case \(i)"); continue }
            #expect(path == p)
        }
        // a shape whose size overflows is refused before allocating
        let huge = try dir.write("huge.npy", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }"))
        guard case .tooLarge(let hp, _)? = expectDataError({ _ = try NPY.load(huge) }) else { Issue.record("expected tooLarge"); return }
        #expect(hp == huge)
        // Issue 8 (#3, #4): an empty array whose other dimensions overflow the strides loads
        // as an empty tensor of that shape, in C and in Fortran order (it used to trap).
        for (order, shape) in [("False", [0, 4294967296, 4294967296]), ("True", [0, 4294967296, 4294967296, 2])] {
            let header = "{'descr': '<f4', 'fortran_order': \(order), 'shape': (\(shape.map(String.init).joined(separator: ", "))), }"
            let empty = try NPY.load(try dir.write("empty-\(order).npy", npy(header)))
            #expect(empty.shape == shape && empty.count == 0, "\(order)")
        }
        let notNpy = try dir.write("x.npy", "hello, world")
        guard case .badMagic(let mp, ".npy", _, _)? = expectDataError({ _ = try NPY.load(notNpy) }) else { Issue.record("expected badMagic"); return }
        #expect(mp == notNpy)
    }

    @Test func badNPZ() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        for name in ["stored.npz", "compressed.npz"] {
            let good = try bytes(try fixture(name))
            for cut in stride(from: 0, to: good.count, by: 3) {
                let q = try dir.write("c.npz", Array(good.prefix(cut)))
                #expect(throws: DataError.self) { _ = try NPZ.load(q) }
            }
        }
        // a flipped data byte in a stored member: CRC mismatch
        var flipped = try bytes(try fixture("stored.npz"))
        let hit = flipped.indices.first { i in i + 6 <= flipped.count && Array(flipped[i..<(i + 6)]) == [0x93] + Array("NUMPY".utf8) } ?? 0
        flipped[hit + 140] ^= 0xFF
        let p = try dir.write("f.npz", flipped)
        let e = expectDataError { _ = try NPZ.load(p) }
        guard case .badZip(let path, let reason)? = e else { Issue.record("wrong case \(String(describing: e))"); return }
        #expect(path == p && reason.contains("CRC"))
        #expect(e?.message.contains(p) == true)
        let text = try dir.write("t.npz", "not a zip at all, just some text that is long enough")
        guard case .badMagic(let tp, _, _, _)? = expectDataError({ _ = try NPZ.load(text) }) else { Issue.record("expected badMagic"); return }
        #expect(tp == text)
    }

    @Test func badSafetensorsHeaders() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        func st(_ json: String, data: [UInt8] = [], length: UInt64? = nil) -> [UInt8] {
            let h = Array(json.utf8)
            let n = length ?? UInt64(h.count)
            return (0..<8).map { UInt8(truncatingIfNeeded: n >> (8 * UInt64($0))) } + h + data
        }
        let cases: [(String, [UInt8])] = [
            ("short", [1, 2, 3]),
            ("absurd length", st("{}", length: UInt64.max)),
            ("bad json", st("{\"a\": {\"dtype\": \"F32\",")),
            ("not an object", st("[1, 2]")),
            ("bad dtype", st("{\"a\":{\"dtype\":\"F8_E4M3\",\"shape\":[1],\"data_offsets\":[0,1]}}", data: [0])),
            ("outside", st("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,400]}}", data: [0, 0, 0, 0])),
            ("size mismatch", st("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", data: [0, 0, 0, 0])),
            ("overlap", st("{\"a\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[0,2]},\"b\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[1,3]}}", data: [0, 0, 0])),
            ("huge shape", st("{\"a\":{\"dtype\":\"F64\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,8]}}", data: [UInt8](repeating: 0, count: 8))),
            ("deep", st(String(repeating: "[", count: 10000))),
        ]
        for (what, b) in cases {
            let p = try dir.write("b.safetensors", b)
            let e = expectDataError { _ = try Safetensors.load(p) }
            guard case .badSafetensorsHeader(let path, _)? = e else { Issue.record("\(what): \(String(describing: e))"); continue }
            #expect(path == p, "\(what)")
            #expect(e?.message.contains(p) == true)
        }
        // every prefix of a good file fails cleanly
        let good = try bytes(try fixture("ref.safetensors"))
        for cut in 0..<good.count {
            let q = try dir.write("c.safetensors", Array(good.prefix(cut)))
            #expect(throws: DataError.self) { _ = try Safetensors.load(q) }
        }
    }

    /// Random byte flips in real files: every outcome is a value or a DataError, never a trap.
    @Test func flippedBytesNeverTrap() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        var rng = SystemRandomNumberGenerator()
        let files: [(String, (String) throws -> Void)] = [
            (try fixture("fortran_i4_3d.npy"), { _ = try NPY.load($0) }),
            (try fixture("compressed.npz"), { _ = try NPZ.load($0) }),
            (try fixture("ref.safetensors"), { _ = try Safetensors.load($0) }),
            (repoRoot + "/Data/mnist-sample/t10k-labels-idx1-ubyte.gz", { _ = try IDX.read($0) }),
            (repoRoot + "/Data/iris.csv", { _ = try CSV.read($0) }),
        ]
        for (src, load) in files {
            let good = try bytes(src)
            for _ in 0..<200 {
                var b = good
                for _ in 0..<3 { b[Int.random(in: 0..<min(b.count, 300), using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
                let p = try dir.write("f", b)
                do { try load(p) } catch is DataError {} catch { Issue.record("non-DataError \(error)") }
            }
        }
    }
}

@Suite struct DataErrorMessageTests {
    /// One instance of every case: the message is one sentence that names the file.
    @Test func everyMessageNamesTheFile() {
        let p = "/some/dir/file.bin"
        let all: [DataError] = [
            .fileNotFound(path: p), .readFailed(path: p, reason: "Permission denied"),
            .badMagic(path: p, format: "IDX", expected: "00 00", found: "12 34"),
            .corruptCompressed(path: p, offset: 10, reason: "invalid block type"),
            .truncatedCompressed(path: p, decompressedBytes: 100),
            .sizeMismatch(path: p, format: "IDX", expectedBytes: 6, foundBytes: 5), .tooLarge(path: p, what: "a tensor"),
            .unsupportedIDXType(path: p, code: 7), .countMismatch(path: p, images: 3, labels: 2),
            .datasetNotFound(name: "Fashion-MNIST", directory: p, missing: ["a.gz"], hint: "install it"),
            .raggedRow(path: p, line: 3, expectedFields: 3, foundFields: 2),
            .nonNumericCell(path: p, line: 3, column: "weight", text: "heavy"), .missingValue(path: p, line: 3, column: "b"),
            .badCSV(path: p, line: 2, reason: "a quoted field is never closed"), .badNPYHeader(path: p, reason: "no shape"),
            .unsupportedNPYDType(path: p, descr: "<c8"), .badZip(path: p, reason: "CRC-32 mismatch"),
            .memberNotFound(path: p, member: "w"), .badSafetensorsHeader(path: p, reason: "bad JSON"),
            .unsupportedValue(path: p, reason: "3-D"), .writeFailed(path: p, reason: "No space left on device"),
        ]
        for e in all {
            #expect(e.message.contains(p), "\(e)")
            #expect(e.path == p)
            #expect(e.message.hasSuffix("."))
            #expect(!e.message.dropLast().contains(". "), "one sentence: \(e.message)")
        }
        #expect(DataError.nonNumericCell(path: p, line: 3, column: "weight", text: "heavy").message
                == "/some/dir/file.bin:3: column 'weight' holds 'heavy', which is not a number.")
    }
}
