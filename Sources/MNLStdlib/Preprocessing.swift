import MNLLearn
import MNLRuntime
import MNLSyntax
import TensorKit

/// `batches(x, y, size=64, shuffle=true)`: an iterable of (xb, yb) tuples, a new random
/// order on every pass.
final class BatchesObject: NativeObject {
    let batches: Batches
    init(_ batches: Batches) {
        self.batches = batches
        super.init(BatchesObject.declaration)
    }

    static let declaration = NativeClass(name: "batches", of: BatchesObject.self,
                                         doc: "Mini-batches of rows for a training loop (batches(x, y, size=64)).") { c in
        c.length { $0.batches.count }
        c.render { "<batches: \($0.batches.count) of \($0.batches.size) rows from \($0.batches.rows)>" }
        c.iterate { o, ctx in
            let pass = try bridging { try o.batches.pass(using: ctx.random) }
            let single = o.batches.tensors.count == 1
            return ValueIterator {
                guard let parts = try bridging({ try pass() }) else { return nil }
                return single ? .tensor(parts[0]) : .tuple(parts.map { Value.tensor($0) })
            }
        }
    }
}

enum PreprocessingBuiltins {
    static var builtins: [Builtin] {
        [
            Builtin("train_test_split", [.required("x"), .optional("y", defaultText: "nil"), .optional("test", defaultText: "0.2"),
                                         .optional("stratify", defaultText: "false"), .optional("seed", defaultText: "nil")],
                    topic: "data",
                    doc: "Splits rows at random into (x_train, x_test, y_train, y_test) as scikit-learn does; test= is the test fraction, stratify=true keeps each class's share of y in both, seed= fixes the split (else the session generator is used).",
                    example: "(xtr, xte, ytr, yte) = train_test_split(arange(10), arange(10), test=0.3, seed=1)\nxte.shape") { a, ctx in
                let x = try a.tensor(0), y = try a[1].map { _ in try a.tensor(1) }
                let g = try a[4].map { _ in RandomGenerator(seed: try seedArgument(a, 4)) } ?? ctx.random
                let (xtr, xte, ytr, yte) = try bridging {
                    try Preprocessing.trainTestSplit(x, y, testFraction: try a.number(2, default: 0.2),
                                                     stratify: try a.bool(3, default: false), using: g)
                }
                guard let ytr, let yte else { return .tuple([.tensor(xtr), .tensor(xte)]) }
                return .tuple([.tensor(xtr), .tensor(xte), .tensor(ytr), .tensor(yte)])
            },
            Builtin("shuffled", [.variadic("tensors")], topic: "data",
                    doc: "The tensors' rows in one shared random order (x and y stay paired): (xs, ys) = shuffled(x, y).",
                    example: "(a, b) = shuffled(arange(4), arange(4))\nall(a == b)") { a, ctx in
                let parts = try a.rest.enumerated().map { try TensorConversion.tensor($1, argument: "shuffled", position: $0 + 1) }
                guard !parts.isEmpty else { throw a.invalid("give at least one tensor") }
                if parts.contains(where: { $0.ndim == 0 }) { throw a.invalid("cannot shuffle a 0-d tensor (a single number)") }
                let out = try bridging { try Preprocessing.shuffled(parts, using: ctx.random) }
                return out.count == 1 ? .tensor(out[0]) : .tuple(out.map { Value.tensor($0) })
            },
            Builtin("batches", [.required("x"), .optional("y", defaultText: "nil"), .optional("size", defaultText: "64"),
                                .optional("shuffle", defaultText: "true")], topic: "data",
                    doc: "Mini-batches for a training loop: for (xb, yb) in batches(x, y, size=64) { ... }. Rows are reshuffled on every pass unless shuffle=false; the last batch may be smaller.",
                    example: "for (xb, yb) in batches(zeros(10, 2), arange(10), size=4) { print(xb.shape) }") { a, _ in
                var parts = [try a.tensor(0)]
                if a[1] != nil { parts.append(try a.tensor(1)) }
                let b = try bridging { try Batches(parts, size: try a.int(2, default: 64)) }
                return .native(BatchesObject(b.shuffled(try a.bool(3, default: true))))
            },
            Builtin("normalize", [.required("images")], topic: "data",
                    doc: "Pixel values 0–255 scaled to float32 in [0, 1] (x / 255).", example: "normalize(tensor([0, 255], dtype=\"u8\"))") { a, _ in
                try bridging { .tensor(try Preprocessing.normalize(try a.tensor(0))) }
            },
            Builtin("zscore", [.required("train"), .variadic("others")], topic: "data",
                    doc: "Standardises each column with the mean and standard deviation of train (scikit-learn's StandardScaler): zscore(xtr) gives the scaled train set; zscore(xtr, xte) gives (train, test) both scaled with train's statistics.",
                    example: "(tr, te) = zscore(tensor([[1, 10], [3, 30]]), tensor([[2, 20]]))\nte") { a, _ in
                try bridging {
                    let s = try Standardizer(fitting: try a.tensor(0))
                    let train = try s.transform(try a.tensor(0))
                    if a.rest.isEmpty { return .tensor(train) }
                    let others = try a.rest.enumerated().map {
                        try s.transform(try TensorConversion.tensor($1, argument: "zscore", position: $0 + 2))
                    }
                    return .tuple([.tensor(train)] + others.map { Value.tensor($0) })
                }
            },
        ]
    }
}
