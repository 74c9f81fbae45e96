import MNLData
import MNLLearn
import MNLRuntime
import MNLSyntax
import TensorKit

// The argument helpers of the neural-network builtins (layers, losses, optimizers, fit):
// tensors are read as `Traced` values, so that the same builtin computes on plain tensors
// and, inside `grad`, records on the tape of the differentiation in progress.

extension LearnError: LibraryError {
    /// Hyperparameter messages already name their owner (`SGD: lr must be ...`); the others
    /// get the builtin the user called.
    public func message(calledAs function: String?) -> String {
        switch self {
        case .badHyperparameter, .incompatible: message
        default: "\(function ?? "optimizer"): \(message)"
        }
    }
}

/// Runs MNLLearn, TensorKit or MNLData code, turning their errors into the language's.
func learning<T>(_ body: () throws -> T) throws -> T {
    do {
        return try bridging(body)
    } catch let e as LearnError {
        throw Diagnostic(.library(LibraryFailure(e)), at: nil)
    } catch let e as DataError {
        throw Diagnostic(.library(LibraryFailure(e)), at: nil)
    }
}

enum NNArguments {
    /// Argument `i` as the tape sees it: a traced tensor inside `grad`, else a constant
    /// (lists and numbers are converted as every tensor builtin converts them).
    static func traced(_ a: Arguments, _ i: Int) throws -> Traced {
        let v = try a.value(i)
        if case .native(let o) = v, let t = o as? TensorObject { return t.tracedValue }
        return Traced(constant: try TensorConversion.tensor(v, argument: a.function, position: i + 1, name: a.parameterNames[i]))
    }

    /// Argument `i` as a plain tensor (labels, masks: values that carry no gradient).
    static func tensor(_ a: Arguments, _ i: Int) throws -> Tensor {
        let v = try a.value(i)
        if case .native(let o) = v, let t = o as? TensorObject { return t.tensor }
        return try TensorConversion.tensor(v, argument: a.function, position: i + 1, name: a.parameterNames[i])
    }

    /// A traced result as a language value (a plain tensor when nothing is traced).
    static func value(_ t: Traced) -> Value { .native(TensorObject(traced: t)) }

    /// A size given as one number (`3`, square) or a pair (`(3, 5)`); nil when absent.
    static func pair(_ a: Arguments, _ i: Int) throws -> (Int, Int)? {
        guard let v = a[i] else { return nil }
        let items: [Value]
        switch v {
        case .number: let n = try a.int(i); return (n, n)
        case .tuple(let t): items = t.items
        case .list(let l): items = l.items
        default: throw a.bad(i, expected: "integer or pair of integers", got: v)
        }
        guard items.count == 2, let h = items[0].numberValue.flatMap(IntegerConversion.exact),
              let w = items[1].numberValue.flatMap(IntegerConversion.exact) else {
            throw a.bad(i, expected: "integer or pair of integers", got: v)
        }
        return (h, w)
    }

    /// `reduction=`: "mean" (the default) or "sum".
    static func sums(_ a: Arguments, _ i: Int) throws -> Bool {
        switch try a.string(i, default: "mean") {
        case "mean": return false
        case "sum": return true
        case let other: throw a.invalid("reduction must be \"mean\" or \"sum\", got \"\(other)\"")
        }
    }

    /// The initialiser named by `init=` (nil: the layer's PyTorch default). `nonlinearity`
    /// picks the gain of the He initialisers (ReLU's √2 by default, as the course uses them).
    static func initializer(_ a: Arguments, _ i: Int) throws -> Initializer? {
        guard a[i] != nil else { return nil }
        let name = try a.string(i)
        guard let initializer = initializers[name] else {
            throw a.invalid("unknown init \"\(name)\"; expected one of " + initializerNames.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        return initializer
    }

    static let initializerNames = ["xavier_uniform", "xavier_normal", "he_uniform", "kaiming_uniform", "he_normal",
                                   "kaiming_normal", "normal", "zeros"]

    private static let relu = Initializer.gain("relu") ?? 2.0.squareRoot()
    private static let initializers: [String: Initializer] = [
        "xavier_uniform": .xavierUniform(gain: 1), "glorot_uniform": .xavierUniform(gain: 1),
        "xavier_normal": .xavierNormal(gain: 1), "glorot_normal": .xavierNormal(gain: 1),
        "he_uniform": .kaimingUniform(gain: relu, fanOut: false), "kaiming_uniform": .kaimingUniform(gain: relu, fanOut: false),
        "he_normal": .kaimingNormal(gain: relu, fanOut: false), "kaiming_normal": .kaimingNormal(gain: relu, fanOut: false),
        "normal": .normal(std: 0.01), "zeros": .zeros,
    ]

    /// Tensors by path from a record (`model.parameters()`, a gradient by path) or a list or
    /// tuple (paths "0", "1", ...), as optimizers and clipping take them.
    static func tensorsByPath(_ v: Value, _ a: Arguments, _ i: Int) throws -> [(path: String, object: TensorObject)] {
        func object(_ item: Value) throws -> TensorObject {
            guard case .native(let o) = item, let t = o as? TensorObject else {
                throw a.bad(i, expected: "record or list of tensors", got: item)
            }
            return t
        }
        switch v {
        case .record(let r):
            return try r.entries.map { key, item in (path(key), try object(item)) }
        case .list(let l): return try l.items.enumerated().map { (String($0.offset), try object($0.element)) }
        case .tuple(let t): return try t.items.enumerated().map { (String($0.offset), try object($0.element)) }
        case .native(let o) where o is TensorObject: return [("0", try object(v))]
        default: throw a.bad(i, expected: "record or list of tensors", got: v)
        }
    }

    /// The same structure as `like` (a record by path, a list, a tuple or one tensor) holding
    /// `tensors` by path.
    static func restructured(_ tensors: [String: Tensor], like v: Value) -> Value {
        func item(_ path: String) -> Value { tensors[path].map { Value.tensor($0) } ?? .null }
        switch v {
        case .record(let r): return .record(RecordBox(entries: r.keys.map { ($0, item(path($0))) }))
        case .list(let l): return .list(ListBox(l.items.indices.map { item(String($0)) }))
        case .tuple(let t): return .tuple(TupleBox(t.items.indices.map { item(String($0)) }))
        default: return item("0")
        }
    }

    /// A record key as a parameter path: `"0.weight"`, or a number key `3` as `"3"`.
    static func path(_ key: RecordKey) -> String {
        switch key {
        case .string(let s): s
        case .number(let n): IntegerConversion.exact(n).map(String.init) ?? "\(n)"
        case .bool(let b): "\(b)"
        case .tuple(let items): items.map(path).joined(separator: ",")
        }
    }
}
