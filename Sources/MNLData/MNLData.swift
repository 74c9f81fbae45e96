/// # MNLData
///
/// Readers and writers for the files an MNIST course touches, on TensorKit and zlib, with no
/// knowledge of the language. The binding layer (MNLStdlib) maps them to builtins:
///
/// | builtin | API |
/// |---|---|
/// | `mnist()` | `MNISTDataset.loadDefaultMNIST()` (`Data/mnist/` if complete, else `Data/mnist-sample/`; print `.summary`) |
/// | `fashion_mnist()` | `MNISTDataset.loadFashionMNIST(directory:)` |
/// | `load_idx(path)` | `IDX.read(_:)`; writing: `IDX.write(_:to:)` |
/// | `read_csv(path, header:, missing:)` | `CSV.read(_:options:)` → `Table` |
/// | `write_csv(path, x, header:)` | `CSV.write(_ table:to:header:)`, `CSV.write(_ tensor:to:columnNames:)` |
/// | `load_npy` / `save_npy` | `NPY.load(_:)`, `NPY.save(_:to:)` |
/// | `load_npz` / `save_npz` | `NPZ.load(_:)`, `NPZ.save(_:to:)` (a `TensorDictionary`) |
/// | `load` / `save` | `DataFile.load(_:)`, `DataFile.save(_:to:)` (format from the extension; `.safetensors` too) |
///
/// Every function throws `DataError` (typed throws), whose `message` is one sentence naming the
/// file. No input bytes can trap: header sizes are overflow-checked and refused when larger than
/// memory, and nothing is returned half-loaded. Every writer saves atomically (`AtomicFile`):
/// a temporary file in the same directory, fsync, rename.
public enum MNLDataInfo {
    /// The formats `DataFile` dispatches on.
    public static let formats = DataFormat.allCases.map(\.rawValue)
}
