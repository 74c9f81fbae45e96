#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import TensorKit

/// An MNIST-layout dataset: images (n, 28, 28) uint8 in 0...255 and labels (n) int64.
public struct MNISTDataset: Sendable {
    public let trainImages: Tensor
    public let trainLabels: Tensor
    public let testImages: Tensor
    public let testLabels: Tensor
    /// The directory the files came from.
    public let directory: String
    /// One line saying what was loaded, for the binding to print, e.g.
    /// "loaded the embedded MNIST sample (4000 train, 1000 test) from Data/mnist-sample".
    public let summary: String

    /// The four standard file stems; each may be stored plain or with `.gz`.
    public static let fileStems = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                                   "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]

    /// Loads the four standard files from `directory` (each plain or `.gz`), checking that the
    /// images are (n, rows, cols) uint8, the labels (n) and that both counts agree.
    /// `name` is used in the summary ("MNIST", "Fashion-MNIST", ...).
    public static func load(directory: String, name: String = "MNIST") throws(DataError) -> MNISTDataset {
        let missing = missingFiles(in: directory)
        if !missing.isEmpty {
            throw .datasetNotFound(name: name, directory: directory, missing: missing,
                                   hint: "expected the four IDX files \(fileStems.joined(separator: ", ")) (plain or .gz)")
        }
        let paths = fileStems.compactMap { locate($0, in: directory) }
        guard paths.count == 4 else {
            throw .datasetNotFound(name: name, directory: directory, missing: missingFiles(in: directory), hint: "files vanished while loading")
        }
        // The training and test pairs are independent: inflate them on two cores.
        var results = [Result<(Tensor, Tensor), DataError>](repeating: .failure(.fileNotFound(path: directory)), count: 2)
        results.withUnsafeMutableBufferPointer { rb in
            guard let base = rb.baseAddress else { return }
            let out = SendablePointer(p: base)
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                out.p[k] = Result { () throws(DataError) in try loadPair(images: paths[2 * k], labels: paths[2 * k + 1]) }
            }
        }
        let (trX, trY) = try results[0].get()
        let (teX, teY) = try results[1].get()
        let summary = "loaded \(name) (\(trY.count) train, \(teY.count) test) from \(directory)"
        return MNISTDataset(trainImages: trX, trainLabels: trY, testImages: teX, testLabels: teY,
                            directory: directory, summary: summary)
    }

    /// What `mnist()` loads: `Data/mnist/` (the full set, from `scripts/fetch-mnist`) when all
    /// four files are there, else the embedded sample `Data/mnist-sample/`. `Data/` is found by
    /// `DataLocator`. The summary says which one was loaded and why.
    public static func loadDefaultMNIST(environment: [String: String]? = nil) throws(DataError) -> MNISTDataset {
        let env = environment ?? DataLocator.processEnvironment()
        guard let data = try DataLocator.dataDirectory(environment: env) else {
            throw .datasetNotFound(name: "MNIST", directory: "Data", missing: [],
                                   hint: "run from the repository root, or set MNL_DATA to the repository's Data folder")
        }
        let full = data + "/mnist"
        if FileIO.isDirectory(full) {
            let missing = missingFiles(in: full)
            if missing.isEmpty {
                let d = try load(directory: full, name: "MNIST")
                return d.with(summary: "loaded the full MNIST (\(d.trainLabels.count) train, \(d.testLabels.count) test) from \(full)")
            }
            let d = try load(directory: data + "/mnist-sample", name: "MNIST sample")
            return d.with(summary: "loaded the embedded MNIST sample (\(d.trainLabels.count) train, \(d.testLabels.count) test) from \(d.directory); \(full) is incomplete (missing \(missing.joined(separator: ", ")))")
        }
        let d = try load(directory: data + "/mnist-sample", name: "MNIST sample")
        return d.with(summary: "loaded the embedded MNIST sample (\(d.trainLabels.count) train, \(d.testLabels.count) test) from \(d.directory); run scripts/fetch-mnist for the full 60000/10000")
    }

    /// Where Debian's `dataset-fashion-mnist` package installs Fashion-MNIST.
    public static let fashionMNISTDirectory = "/usr/share/datasets/fashion-mnist"

    /// What `fashion_mnist()` loads: the four Fashion-MNIST files from `directory`
    /// (default: Debian's package location), with an install hint when they are missing.
    public static func loadFashionMNIST(directory: String = fashionMNISTDirectory) throws(DataError) -> MNISTDataset {
        let missing = missingFiles(in: directory)
        if !missing.isEmpty {
            throw .datasetNotFound(name: "Fashion-MNIST", directory: directory, missing: missing,
                                   hint: "install it with `apt-get install dataset-fashion-mnist`")
        }
        return try load(directory: directory, name: "Fashion-MNIST")
    }

    private func with(summary: String) -> MNISTDataset {
        MNISTDataset(trainImages: trainImages, trainLabels: trainLabels, testImages: testImages,
                     testLabels: testLabels, directory: directory, summary: summary)
    }

    static func locate(_ stem: String, in dir: String) -> String? {
        for candidate in [dir + "/" + stem + ".gz", dir + "/" + stem] where FileIO.isFile(candidate) {
            return candidate
        }
        return nil
    }

    static func missingFiles(in dir: String) -> [String] {
        fileStems.filter { locate($0, in: dir) == nil }.map { $0 + ".gz" }
    }

    /// Reads an images file and a labels file and checks that they fit together.
    static func loadPair(images: String, labels: String) throws(DataError) -> (Tensor, Tensor) {
        let x = try IDX.read(images)
        guard x.dtype == .uint8, x.ndim == 3 else {
            throw .badMagic(path: images, format: "IDX images", expected: "uint8 (n, rows, cols)",
                            found: "\(x.dtype) \(x.shape)")
        }
        let y0 = try IDX.read(labels)
        guard y0.dtype == .uint8, y0.ndim == 1 else {
            throw .badMagic(path: labels, format: "IDX labels", expected: "uint8 (n)", found: "\(y0.dtype) \(y0.shape)")
        }
        guard x.shape[0] == y0.shape[0] else {
            throw .countMismatch(path: labels, images: x.shape[0], labels: y0.shape[0])
        }
        let y = try makeTensor(y0.shape, .int64, path: labels)
        let s = y0.storage.pointer(UInt8.self), d = y.storage.pointer(Int64.self)
        for i in 0..<y0.count { d[i] = Int64(s[i]) }
        return (x, y)
    }
}

/// Finds the repository's `Data/` folder: `$MNL_DATA`, then `./Data`, then walking up from the
/// executable's location (`CommandLine.arguments[0]` resolved) to a folder holding `Data/`.
public enum DataLocator {
    public static func processEnvironment() -> [String: String] {
        var env: [String: String] = [:]
        if let v = getenv("MNL_DATA") { env["MNL_DATA"] = String(cString: v) }
        return env
    }

    /// The `Data` directory, or nil when none is found.
    public static func dataDirectory(environment: [String: String]? = nil,
                                     executable: String? = nil,
                                     checkCurrentDirectory: Bool = true) throws(DataError) -> String? {
        let env = environment ?? processEnvironment()
        if let explicit = env["MNL_DATA"], !explicit.isEmpty {
            guard FileIO.isDirectory(explicit) else {
                throw .datasetNotFound(name: "Data folder", directory: explicit, missing: [],
                                       hint: "MNL_DATA names a folder that does not exist")
            }
            return explicit
        }
        if checkCurrentDirectory && FileIO.isDirectory("Data/mnist-sample") { return "Data" }
        let exe = executable ?? CommandLine.arguments.first ?? ""
        guard var dir = resolvedDirectory(of: exe) else { return nil }
        while true {
            if FileIO.isDirectory(dir + "/Data/mnist-sample") { return dir + "/Data" }
            guard let slash = dir.lastIndex(of: "/"), dir != "/" else { return nil }
            dir = slash == dir.startIndex ? "/" : String(dir[..<slash])
        }
    }

    /// The absolute, symlink-resolved directory holding `path` (looked up in PATH if bare).
    static func resolvedDirectory(of path: String) -> String? {
        var candidate = path
        if !path.contains("/") {
            // A bare command name: prefer /proc/self/exe, which is exact on Linux.
            candidate = "/proc/self/exe"
        }
        guard let r = realpath(candidate, nil) else { return nil }
        defer { free(r) }
        let full = String(cString: r)
        guard let slash = full.lastIndex(of: "/") else { return nil }
        return slash == full.startIndex ? "/" : String(full[..<slash])
    }
}
