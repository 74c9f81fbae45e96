import Foundation
import Testing
@testable import MNLData
import TensorKit

@Suite struct AtomicSaveTests {
    struct Boom: Error {}

    /// A save that fails half-way leaves the previous file byte for byte, and no temporary file.
    @Test func failedSaveLeavesTheOldFileIntact() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let p = dir.file("model.npy")
        let old = try Tensor(shape: [3], elements: [1.0, 2.0, 3.0])
        try NPY.save(old, to: p)
        let before = try Data(contentsOf: URL(fileURLWithPath: p))
        let e = expectDataError {
            try AtomicFile.write(to: p) { (sink) throws(DataError) in
                try sink.write(Array(repeating: 0xAB, count: 100_000))
                throw .writeFailed(path: p, reason: "simulated failure half-way")
            }
        }
        #expect(e == .writeFailed(path: p, reason: "simulated failure half-way"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: p)) == before)
        #expect(try NPY.load(p).toArray(Double.self) == [1, 2, 3])
        #expect(try dir.contents() == ["model.npy"])
    }

    /// Issue 8, section 4: a save killed by SIGKILL leaves `.NAME.tmp-PID-XXXXXX`; the next save
    /// to the same path removes it once process PID has gone, and leaves alone the temporaries
    /// of saves still under way (a live PID), of other targets, and recent ones of unknown age.
    @Test func aLaterSaveRemovesTheTemporariesOfKilledSaves() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier, alive = getppid()
        for name in [".w.npy.tmp-\(dead)-Ab12Cd", ".w.npy.tmp-\(alive)-Ef34Gh", ".w.npy.tmp-Ij56Kl", ".w.npy.tmp-Mn78Op",
                     ".other.npy.tmp-\(dead)-Qr90St"] {
            _ = try dir.write(name, [1, 2, 3])
        }
        let old = Date(timeIntervalSinceNow: -Double(StaleTemporaries.unnamedAge + 60))
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: dir.file(".w.npy.tmp-Ij56Kl"))
        try NPY.save(try Tensor(shape: [1], elements: [1.0]), to: dir.file("w.npy"))
        #expect(try dir.contents() == [".other.npy.tmp-\(dead)-Qr90St", ".w.npy.tmp-\(alive)-Ef34Gh", ".w.npy.tmp-Mn78Op", "w.npy"])
    }

    /// A writer that fails on the value (int64 too large for IDX) after the old file exists.
    @Test func failingWriterKeepsOldFile() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let p = dir.file("x.idx")
        try IDX.write(try Tensor(shape: [2], elements: [UInt8(7), 8]), to: p)
        #expect(throws: DataError.self) { try IDX.write(try Tensor(shape: [1], elements: [Int64.max]), to: p) }
        #expect(try IDX.read(p).toArray(UInt8.self) == [7, 8])
        #expect(try dir.contents() == ["x.idx"])
    }

    @Test func saveIntoMissingDirectoryIsAWriteError() {
        let p = "/nonexistent-dir/x.npy"
        let e = expectDataError { try NPY.save(try Tensor(shape: [1], elements: [1.0]), to: p) }
        guard case .writeFailed(let path, let reason)? = e else { Issue.record("wrong case \(String(describing: e))"); return }
        #expect(path == p && reason.contains("does not exist"))
        #expect(e?.message.contains(p) == true)
    }

    @Test func saveKeepsUsualPermissions() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let p = dir.file("a.npy")
        try NPY.save(try Tensor(shape: [1], elements: [1.0]), to: p)
        let attrs = try FileManager.default.attributesOfItem(atPath: p)
        let mode = (attrs[.posixPermissions] as? NSNumber)?.intValue ?? 0
        #expect(mode == 0o666 & ~Int(FileIO.umaskValue))
        #expect(FileIO.umaskValue <= 0o777)
    }
}
