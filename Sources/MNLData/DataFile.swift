import TensorKit

/// What a data file holds, for the generic `save` / `load` builtins.
public enum DataValue: Sendable {
    case tensor(Tensor)
    case tensors(TensorDictionary)
    case table(Table)
}

/// The file formats MNLData knows, chosen by file name.
public enum DataFormat: String, Sendable, CaseIterable {
    case npy, npz, safetensors, csv, idx

    /// The format a path's extension names: `.npy`, `.npz`, `.safetensors`, `.csv` (or
    /// `.csv.gz`), IDX (`.idx`, `-ubyte`, either with `.gz`); nil for anything else.
    public init?(path: String) {
        let p = path.lowercased()
        let base = p.hasSuffix(".gz") ? String(p.dropLast(3)) : p
        if base.hasSuffix(".npy") { self = .npy }
        else if base.hasSuffix(".npz") { self = .npz }
        else if base.hasSuffix(".safetensors") { self = .safetensors }
        else if base.hasSuffix(".csv") { self = .csv }
        else if base.hasSuffix(".idx") || base.hasSuffix("-ubyte") { self = .idx }
        else { return nil }
    }
}

/// `save(path, value)` and `load(path)`: the format follows the file name.
public enum DataFile {
    /// Loads `path` in the format its name gives.
    public static func load(_ path: String) throws(DataError) -> DataValue {
        guard let f = DataFormat(path: path) else {
            throw .unsupportedValue(path: path, reason: "unknown file type; use .npy, .npz, .safetensors, .csv or .idx")
        }
        switch f {
        case .npy: return .tensor(try NPY.load(path))
        case .npz: return .tensors(try NPZ.load(path))
        case .safetensors: return .tensors(try Safetensors.load(path).tensors)
        case .csv: return .table(try CSV.read(path))
        case .idx: return .tensor(try IDX.read(path))
        }
    }

    /// Saves `value` to `path` in the format its name gives (atomically).
    public static func save(_ value: DataValue, to path: String) throws(DataError) {
        guard let f = DataFormat(path: path) else {
            throw .unsupportedValue(path: path, reason: "unknown file type; use .npy, .npz, .safetensors, .csv or .idx")
        }
        switch (f, value) {
        case (.npy, .tensor(let t)): try NPY.save(t, to: path)
        case (.npz, .tensors(let d)): try NPZ.save(d, to: path)
        case (.npz, .tensor(let t)): try NPZ.save(TensorDictionary([("arr_0", t)]), to: path)
        case (.safetensors, .tensors(let d)): try Safetensors.save(d, to: path)
        case (.safetensors, .tensor(let t)): try Safetensors.save(TensorDictionary([("tensor", t)]), to: path)
        case (.csv, .table(let t)): try CSV.write(t, to: path)
        case (.csv, .tensor(let t)): try CSV.write(t, to: path)
        case (.idx, .tensor(let t)): try IDX.write(t, to: path)
        default:
            throw .unsupportedValue(path: path, reason: "a \(f.rawValue) file cannot hold this value")
        }
    }
}
