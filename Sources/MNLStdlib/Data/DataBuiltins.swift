import Foundation
import MNLData
import MNLRuntime
import MNLSyntax
import TensorKit

/// Dataset loaders and file formats.
enum DataBuiltins {
    static var builtins: [Builtin] {
        [
            Builtin("mnist", [.optional("path", defaultText: "nil")], topic: "data",
                    doc: "MNIST as a record {train: {x, y}, test: {x, y}}: images (n, 28, 28) uint8 0–255, labels int64. Loads Data/mnist/ (the full set, see scripts/fetch-mnist) when present, else the embedded 4000/1000 sample in Data/mnist-sample/, and says which; mnist(path) loads a directory.",
                    example: "data = mnist()\ndata.train.x.shape") { a, ctx in
                let set = try loading { () throws(DataError) -> MNISTDataset in
                    if let p = try? a.string(0) { return try MNISTDataset.load(directory: p) }
                    return try MNISTDataset.loadDefaultMNIST()
                }
                return dataset(set, ctx)
            },
            Builtin("fashion_mnist", [.optional("path", defaultText: "nil")], topic: "data",
                    doc: "Fashion-MNIST in the same record layout as mnist(), from /usr/share/datasets/fashion-mnist/ (Debian's dataset-fashion-mnist package) or from path.",
                    example: "help(\"fashion_mnist\")") { a, ctx in
                let dir = try a.string(0, default: MNISTDataset.fashionMNISTDirectory)
                return dataset(try loading { () throws(DataError) in try MNISTDataset.loadFashionMNIST(directory: dir) }, ctx)
            },
            Builtin("load_idx", [.required("path")], topic: "data",
                    doc: "Any IDX file (gzipped or not) as a tensor: uint8 stays uint8, other integer types become int64, floats float32/float64.",
                    example: "load_idx(\"Data/mnist-sample/t10k-labels-idx1-ubyte.gz\").shape") { a, _ in
                let p = try a.string(0)
                return .tensor(try loading { () throws(DataError) in try IDX.read(p) })
            },
            Builtin("read_csv", [.required("path"), .optional("header", defaultText: "\"auto\""), .optional("missing", defaultText: "\"error\"")],
                    topic: "data",
                    doc: "A CSV file as a table of named numeric columns (t.name, t[\"name\"], t.columns, t.shape, t.to_tensor()). header= \"auto\" (a first row with any non-number is a header), \"present\" or \"absent\"; missing= \"error\", \"nan\" or \"drop\" for empty cells.",
                    example: "t = read_csv(\"Data/iris.csv\")\nt.columns") { a, _ in
                let p = try a.string(0)
                guard let header = HeaderMode(rawValue: try a.string(1, default: "auto")) else { throw a.invalid("header must be \"auto\", \"present\" or \"absent\"") }
                guard let missing = MissingPolicy(rawValue: try a.string(2, default: "error")) else { throw a.invalid("missing must be \"error\", \"nan\" or \"drop\"") }
                let options = CSVReadOptions(header: header, missing: missing)
                return .native(TableObject(try loading { () throws(DataError) in try CSV.read(p, options: options) }))
            },
            Builtin("write_csv", [.required("path"), .required("data"), .optional("columns", defaultText: "nil")], topic: "data",
                    doc: "Writes a table or a 2-D tensor as CSV with a header row (columns= names the tensor's columns). The file is replaced atomically.",
                    example: "write_csv(\"/tmp/mnl-example.csv\", tensor([[1, 2], [3, 4]]), columns=[\"a\", \"b\"])") { a, _ in
                let p = try a.string(0)
                if case .native(let o) = try a.value(1), let t = o as? TableObject {
                    try loading { () throws(DataError) in try CSV.write(t.table, to: p) }
                    return .null
                }
                let x = try a.tensor(1)
                let names = try a[2].map { v in try listValues(v, a, 2).map { $0.rendered() } }
                try loading { () throws(DataError) in try CSV.write(x, to: p, columnNames: names) }
                return .null
            },
            Builtin("load_npy", [.required("path")], topic: "data", doc: "A NumPy .npy file as a tensor (C or Fortran order; float, int, uint8, bool).",
                    example: "save_npy(\"/tmp/mnl-example.npy\", arange(3))\nload_npy(\"/tmp/mnl-example.npy\")") { a, _ in
                let p = try a.string(0)
                return .tensor(try loading { () throws(DataError) in try NPY.load(p) })
            },
            Builtin("save_npy", [.required("path"), .required("x")], topic: "data",
                    doc: "Writes a tensor as a NumPy .npy file (format 1.0, as numpy.save), atomically.",
                    example: "save_npy(\"/tmp/mnl-example.npy\", eye(2))") { a, _ in
                let p = try a.string(0), x = try a.tensor(1)
                try loading { () throws(DataError) in try NPY.save(x, to: p) }
                return .null
            },
            Builtin("load_npz", [.required("path")], topic: "data", doc: "A NumPy .npz archive (np.savez or np.savez_compressed) as a record of tensors.",
                    example: "save_npz(\"/tmp/mnl-example.npz\", w=eye(2))\nload_npz(\"/tmp/mnl-example.npz\").w") { a, _ in
                let p = try a.string(0)
                return record(try loading { () throws(DataError) in try NPZ.load(p) })
            },
            Builtin("save_npz", [.required("path"), .optional("arrays", defaultText: "nil"), .keywords("named")], topic: "data",
                    doc: "Writes tensors given as keywords (save_npz(path, x=..., y=...)) or as a record into a NumPy .npz archive, atomically.",
                    example: "save_npz(\"/tmp/mnl-example.npz\", x=arange(3), y=ones(2))") { a, _ in
                let p = try a.string(0), d = try dictionary(a)
                try loading { () throws(DataError) in try NPZ.save(d, to: p) }
                return .null
            },
            Builtin("save", [.required("path"), .optional("tensors", defaultText: "nil"), .keywords("named")], topic: "data",
                    doc: "Saves tensors (keywords, or a record of tensors such as model weights) in the safetensors format, atomically: a crash or Ctrl-C mid-save never damages an existing file.",
                    example: "save(\"/tmp/mnl-weights.safetensors\", w=zeros(2, 2), b=zeros(2))") { a, _ in
                let p = try a.string(0), d = try dictionary(a)
                try loading { () throws(DataError) in try Safetensors.save(d, to: p) }
                return .null
            },
            Builtin("load", [.required("path")], topic: "data", doc: "A safetensors file as a record of tensors.",
                    example: "save(\"/tmp/mnl-weights.safetensors\", w=eye(2))\nload(\"/tmp/mnl-weights.safetensors\").w") { a, _ in
                let p = try a.string(0)
                return record(try loading { () throws(DataError) in try Safetensors.load(p) }.tensors)
            },
        ]
    }

    /// A CSV must be text: a NUL byte in its first 64 KiB means it is some binary file.
    static func dataset(_ set: MNISTDataset, _ ctx: CallContext) -> Value {
        ctx.write(set.summary + "\n")
        let split = { (x: Tensor, y: Tensor) in Value.record(RecordBox([("x", .tensor(x)), ("y", .tensor(y))])) }
        return .record(RecordBox([("train", split(set.trainImages, set.trainLabels)), ("test", split(set.testImages, set.testLabels)),
                                  ("source", .string(set.directory))]))
    }

    static func record(_ d: TensorDictionary) -> Value {
        .record(RecordBox(d.pairs.map { ($0.name, Value.tensor($0.tensor)) }))
    }

    /// Tensors from keywords, or from a record given as the second argument.
    static func dictionary(_ a: Arguments) throws -> TensorDictionary {
        var pairs: [(String, Tensor)] = []
        if let v = a[1] {
            guard case .record(let r) = v else { throw a.bad(1, expected: "record of tensors", got: v) }
            for (key, x) in r.entries {
                guard case .string(let k) = key else { throw a.bad(1, expected: "record with string keys", got: key.value) }
                pairs.append((k, try TensorConversion.tensor(x, argument: a.function, position: 2)))
            }
        }
        for (k, x) in a.extraKeywords { pairs.append((k, try TensorConversion.tensor(x, argument: a.function, position: 0, name: k))) }
        guard !pairs.isEmpty else { throw a.invalid("nothing to save: pass tensors as keywords, e.g. w=W") }
        return TensorDictionary(pairs)
    }
}
