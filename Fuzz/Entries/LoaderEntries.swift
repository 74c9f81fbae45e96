import MNLData
import TensorKit

/// The file loaders' fuzz entries, straight from bytes (the same functions `load` calls after
/// reading the file). A clean `DataError` is a pass. Files that load are saved again and
/// reloaded where the format has an encoder: what we read, we must be able to write back.
enum LoaderEntries {
    static let path = "fuzz-input"

    static func run(_ target: FuzzTarget, _ b: UnsafeRawBufferPointer) -> String? {
        do {
            switch target {
            case .idx: _ = try IDX.decode(b, path: path)
            case .gzip: _ = try Gzip.decompress(b, path: path)
            case .csv: try csv(b)
            case .npy: return try npyRoundTrip(try NPY.decode(b, path: path))
            case .npz: _ = try NPZ.decode(b, path: path)
            case .safetensors: return try safetensorsRoundTrip(try Safetensors.decode(b, path: path))
            case .parse, .script, .tensorgen: return nil
            }
        } catch let error as DataError {
            if error.message.isEmpty { return "a loader error with an empty message: \(error)" }
        } catch {
            return "a loader threw something other than DataError: \(error)"
        }
        return nil
    }

    /// The first byte picks the options (header mode, missing policy, delimiter, threads);
    /// the rest is the file.
    static func csv(_ b: UnsafeRawBufferPointer) throws(DataError) {
        let first = b.first ?? 0
        let headers: [HeaderMode] = [.auto, .present, .absent]
        let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "\"")]
        let options = CSVReadOptions(header: headers[Int(first) % 3], missing: MissingPolicy.allCases[Int(first / 3) % 3],
                                     delimiter: delimiters[Int(first / 9) % 4], threads: 1 + Int(first / 36) % 2)
        _ = try CSV.parse(UnsafeRawBufferPointer(rebasing: b.dropFirst()), path: path, options: options)
    }

    static func npyRoundTrip(_ t: Tensor) throws -> String? {
        let again = try NPY.encode(t, path: path).withUnsafeBytes { b in try NPY.decode(b, path: path) }
        guard again.shape == t.shape, again.dtype == t.dtype else {
            return "an .npy of \(t.dtype) \(t.shape) reloads as \(again.dtype) \(again.shape)"
        }
        return nil
    }

    static func safetensorsRoundTrip(_ loaded: (tensors: TensorDictionary, metadata: [String: String])) throws -> String? {
        let bytes = try Safetensors.encode(loaded.tensors, metadata: loaded.metadata, path: path)
        let again = try bytes.withUnsafeBytes { b in try Safetensors.decode(b, path: path) }
        guard Set(again.tensors.names) == Set(loaded.tensors.names), again.metadata == loaded.metadata else {
            return "a safetensors file reloads with other names or metadata"
        }
        for (name, t) in loaded.tensors.pairs where again.tensors[name]?.shape != t.shape {
            return "safetensors tensor '\(name)' of shape \(t.shape) reloads with another shape"
        }
        return nil
    }
}
