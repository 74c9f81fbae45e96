import Foundation
import Testing
@testable import MNLData
import TensorKit

@Suite struct IDXTests {
    @Test func embeddedSampleLoads() throws {
        let d = try MNISTDataset.load(directory: repoRoot + "/Data/mnist-sample", name: "MNIST sample")
        #expect(d.trainImages.shape == [4000, 28, 28])
        #expect(d.testImages.shape == [1000, 28, 28])
        #expect(d.trainImages.dtype == .uint8)
        #expect(d.trainLabels.shape == [4000])
        #expect(d.testLabels.shape == [1000])
        #expect(d.trainLabels.dtype == .int64)
        var trainCounts = [Int](repeating: 0, count: 10), testCounts = [Int](repeating: 0, count: 10)
        for v in d.trainLabels.toArray(Int64.self) { trainCounts[Int(v)] += 1 }
        for v in d.testLabels.toArray(Int64.self) { testCounts[Int(v)] += 1 }
        #expect(trainCounts == [Int](repeating: 400, count: 10))
        #expect(testCounts == [Int](repeating: 100, count: 10))
        let px = d.trainImages.toArray(UInt8.self)
        #expect(px.min() == 0)
        #expect(px.max() == 255)
        // real handwriting, not noise: about a fifth of MNIST pixels are ink
        let ink = Double(px.filter { $0 > 0 }.count) / Double(px.count)
        #expect(ink > 0.12 && ink < 0.30)
    }

    @Test func defaultMNISTFindsTheSampleThroughMNLData() throws {
        let d = try MNISTDataset.loadDefaultMNIST(environment: ["MNL_DATA": repoRoot + "/Data"])
        #expect(d.trainImages.shape[0] == 4000 || d.trainImages.shape[0] == 60000)
        #expect(d.summary.contains("MNIST"))
        #expect(d.summary.contains(repoRoot + "/Data/mnist"))
    }

    @Test func dataLocatorWalksUpFromTheExecutable() throws {
        // Pretend this source file is the executable: two levels below the repository root.
        let found = try DataLocator.dataDirectory(environment: [:], executable: #filePath, checkCurrentDirectory: false)
        #expect(found == repoRoot + "/Data")
        let none = try DataLocator.dataDirectory(environment: [:], executable: "/usr/bin/env", checkCurrentDirectory: false)
        #expect(none == nil)
    }

    @Test func badMNLDataIsAnError() {
        let e = expectDataError { _ = try DataLocator.dataDirectory(environment: ["MNL_DATA": "/nonexistent/Data"]) }
        #expect(e?.path == "/nonexistent/Data")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")))
    func fashionMNISTLoads() throws {
        let d = try MNISTDataset.loadFashionMNIST()
        #expect(d.trainImages.shape == [60000, 28, 28])
        #expect(d.testImages.shape == [10000, 28, 28])
        #expect(d.trainLabels.toArray(Int64.self).max() == 9)
    }

    @Test func fashionMNISTMissingSaysHowToInstall() {
        let e = expectDataError { _ = try MNISTDataset.loadFashionMNIST(directory: "/nonexistent/fashion") }
        guard case .datasetNotFound(_, let dir, let missing, _)? = e else { Issue.record("wrong case \(String(describing: e))"); return }
        #expect(dir == "/nonexistent/fashion")
        #expect(missing.count == 4)
        #expect(e?.message.contains("apt-get install dataset-fashion-mnist") == true)
        #expect(e?.message.contains("/nonexistent/fashion") == true)
    }

    @Test(arguments: ["plain.idx", "packed.idx.gz"])
    func roundTripsEveryWritableType(name: String) throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let p = dir.file(name)
        let u8 = try Tensor(shape: [2, 3], elements: [UInt8(0), 1, 2, 253, 254, 255])
        try IDX.write(u8, to: p)
        let r = try IDX.read(p)
        #expect(r.dtype == .uint8 && r.shape == [2, 3] && r.toArray(UInt8.self) == [0, 1, 2, 253, 254, 255])
        let f = try Tensor(shape: [3], elements: [Float(1.5), -2, .infinity])
        try IDX.write(f, to: p)
        #expect(try IDX.read(p).toArray(Float.self) == [1.5, -2, .infinity])
        let d = try Tensor(shape: [1, 2], elements: [Double.pi, -1e300])
        try IDX.write(d, to: p)
        #expect(try IDX.read(p).toArray(Double.self) == [Double.pi, -1e300])
        let i = try Tensor(shape: [2], elements: [Int64(-5), 2_000_000_000])
        try IDX.write(i, to: p)
        #expect(try IDX.read(p).toArray(Int64.self) == [-5, 2_000_000_000])
        #expect(try dir.contents() == [name])  // no temporary files left behind
    }

    @Test func readsSignedTypesAsInt64() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        // int8 (0x09), 3 values; int16 (0x0B), 2 values
        let p8 = try dir.write("a.idx", [0, 0, 0x09, 1, 0, 0, 0, 3, 0xFF, 0x7F, 0x80])
        #expect(try IDX.read(p8).toArray(Int64.self) == [-1, 127, -128])
        let p16 = try dir.write("b.idx", [0, 0, 0x0B, 1, 0, 0, 0, 2, 0xFF, 0xFE, 0x01, 0x00])
        #expect(try IDX.read(p16).toArray(Int64.self) == [-2, 256])
    }

    @Test func int64ThatDoesNotFitInt32IsRefused() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let t = try Tensor(shape: [1], elements: [Int64(1) << 40])
        let e = expectDataError { try IDX.write(t, to: dir.file("x.idx")) }
        guard case .unsupportedValue(let p, _)? = e else { Issue.record("wrong case \(String(describing: e))"); return }
        #expect(p == dir.file("x.idx"))
        #expect(try dir.contents().isEmpty)
    }
}
