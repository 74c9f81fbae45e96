import MNLRuntime
import MNLSyntax
import TensorKit

/// The session's random generator: `seed(n)` makes every random builtin reproducible,
/// run to run and machine to machine. A session starts seeded with 0, so an unseeded script
/// is reproducible too; `seed(int(time() * 1000))` gives fresh randomness.
final class RandomState {
    var generator = RandomGenerator(seed: 0)
}

extension CallContext {
    var random: RandomGenerator { session.state(RandomState.self) { RandomState() }.generator }
}

enum TensorRandom {
    static var builtins: [any TensorLibraryEntry] {
        [
            Builtin("seed", [.required("n")], topic: "random",
                    doc: "Seeds the session's random generator (xoshiro256**), making every random builtin reproducible.",
                    example: "seed(42)\nrand(2)") { a, ctx in
                ctx.session.state(RandomState.self) { RandomState() }.generator = RandomGenerator(seed: try seedArgument(a, 0))
                return .null
            },
            shaped("rand", doc: "Uniform random numbers in [0, 1) of the given shape (dtype= \"f32\" or \"f64\").", example: "rand(2, 3)\nrand(2, dtype=\"f64\")") {
                try Tensor.rand($0, dtype: $1, using: $2)
            },
            shaped("randn", doc: "Standard normal random numbers of the given shape (dtype= \"f32\" or \"f64\").", example: "randn(2, 3)\nrandn(2, dtype=\"f64\")") {
                try Tensor.randn($0, dtype: $1, using: $2)
            },
            Builtin("permutation", [.required("x"), .optional("dtype", defaultText: "nil")], topic: "random",
                    doc: "A random ordering of 0..n-1 (int64, or the integer dtype= given) for a number n, e.g. to shuffle examples: x[permutation(len(x))]; for a tensor or list, a shuffled copy along axis 0 (NumPy's permutation; dtype= converts it).",
                    example: "permutation(5)\npermutation(4, dtype=\"i32\")\npermutation(tensor([[1, 2], [3, 4], [5, 6]]))") { a, ctx in
                try permutation(a, ctx)
            },
            Builtin("choice", [.required("n"), .optional("size", defaultText: "nil"), .optional("replace", defaultText: "true"),
                               .optional("p", defaultText: "nil"), .optional("dtype", defaultText: "nil")], topic: "random",
                    doc: "Random picks from 0..n-1 (int64, or the integer dtype= given) or from a 1-D tensor's values (dtype= converts them), size= of them, with or without replacement, optionally weighted by p=.",
                    example: "choice(10, 3, replace=false)\nchoice(256, 4, dtype=\"u8\")") { a, ctx in
                let source = try a.value(0)
                let pool: Tensor? = if case .number = source { nil } else { try a.tensor(0) }
                let n = try pool.map { $0.count } ?? a.int(0)
                let size = try a[1].map { try TensorConversion.shape([$0], function: "choice") } ?? []
                let p = try a[3].map { _ in try a.tensor(3) }
                let dtype = try pool == nil ? indexDType(a, 4, count: n) : TensorConversion.dtype(a[4], function: "choice")
                return try bridging {
                    let picks = try Tensor.choice(n, size: size, replace: try a.bool(2, default: true), p: p, using: ctx.random)
                    let values = try pool.map { try $0.get([.tensor(picks)]) } ?? picks
                    return .tensor(try dtype.map { try values.cast(to: $0) } ?? values)
                }
            },
        ]
    }

    /// `permutation(n)` or a shuffled copy of a tensor along axis 0 (a 0-d tensor is a number).
    static func permutation(_ a: Arguments, _ ctx: CallContext) throws -> Value {
        let v = try a.value(0)
        if v.numberValue != nil {
            let n = try a.int(0), dtype = try indexDType(a, 1, count: n)
            return try bridging { .tensor(try Tensor.permutation(n, using: ctx.random).cast(to: dtype)) }
        }
        let x = try a.tensor(0), dtype = try TensorConversion.dtype(a[1], function: "permutation")
        return try bridging {
            guard x.ndim > 0 else { throw TensorError.invalidArgument(op: "permutation", message: "x must be an integer or at least 1-dimensional") }
            let shuffled = try x.get([.tensor(try Tensor.permutation(x.shape[0], using: ctx.random))])
            return .tensor(try dtype.map { try shuffled.cast(to: $0) } ?? shuffled)
        }
    }

    /// Argument `i` (`dtype=`) of a function that returns indices 0..<n: int64 when not given,
    /// else an integer dtype that holds n - 1 (`permutation(300, dtype="u8")` would wrap).
    static func indexDType(_ a: Arguments, _ i: Int, count n: Int) throws -> DType {
        guard let d = try TensorConversion.dtype(a[i], function: a.function) else { return .int64 }
        switch d {
        case .int64, .int32, .uint8:
            try bridging { try Tensor.checkStorable(Double(Swift.max(n - 1, 0)), in: d, op: a.function) }
            return d
        case .float32, .float64, .float16, .bfloat16, .bool:
            throw a.invalid("dtype must be an integer dtype, not \(d)")
        }
    }

    static func shaped(_ name: String, doc: String, example: String,
                       _ make: @escaping ([Int], DType, RandomGenerator) throws -> Tensor) -> Builtin {
        Builtin(name, [.variadic("shape"), .optional("dtype", defaultText: "nil")], topic: "random", doc: doc, example: example) { a, ctx in
            let shape = try TensorConversion.shape(a.rest, function: name)
            let dtype = try TensorDefaultBuiltins.dtype(a, 0, ctx, function: name)
            return try bridging { .tensor(try make(shape, dtype, ctx.random)) }
        }
    }
}

/// Argument `i` as a generator seed: a non-negative integer (as NumPy's seeds are).
func seedArgument(_ a: Arguments, _ i: Int) throws -> UInt64 {
    let n = try a.int(i)
    guard n >= 0 else { throw a.invalid("the seed must be a non-negative integer, not \(n)") }
    return UInt64(n)
}
