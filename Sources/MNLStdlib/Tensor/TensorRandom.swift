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
            shaped("rand", doc: "Uniform random numbers in [0, 1) of the given shape.", example: "rand(2, 3)") {
                try Tensor.rand($0, dtype: $1, using: $2)
            },
            shaped("randn", doc: "Standard normal random numbers of the given shape.", example: "randn(2, 3)") {
                try Tensor.randn($0, dtype: $1, using: $2)
            },
            Builtin("randint", [.required("low"), .required("high"), .variadic("shape")], topic: "random",
                    doc: "Random integers in [low, high) of the given shape (int64).", example: "randint(0, 10, 5)") { a, ctx in
                let shape = try TensorConversion.shape(a.rest, function: "randint")
                return try bridging { .tensor(try Tensor.randint(try a.int(0), try a.int(1), shape, using: ctx.random)) }
            },
            Builtin("permutation", [.required("n")], topic: "random",
                    doc: "A random ordering of 0..n-1 (int64), e.g. to shuffle examples: x[permutation(len(x))].",
                    example: "permutation(5)") { a, ctx in
                try bridging { .tensor(try Tensor.permutation(try a.int(0), using: ctx.random)) }
            },
            Builtin("choice", [.required("n"), .optional("size", defaultText: "nil"), .optional("replace", defaultText: "true"),
                               .optional("p", defaultText: "nil")], topic: "random",
                    doc: "Random picks from 0..n-1 (or from a 1-D tensor's values), size= of them, with or without replacement, optionally weighted by p=.",
                    example: "choice(10, 3, replace=false)") { a, ctx in
                let source = try a.value(0)
                let pool: Tensor? = if case .number = source { nil } else { try a.tensor(0) }
                let n = try pool.map { $0.count } ?? a.int(0)
                let size = try a[1].map { try TensorConversion.shape([$0], function: "choice") } ?? []
                let p = try a[3].map { _ in try a.tensor(3) }
                return try bridging {
                    let picks = try Tensor.choice(n, size: size, replace: try a.bool(2, default: true), p: p, using: ctx.random)
                    guard let pool else { return .tensor(picks) }
                    return .tensor(try pool.get([.tensor(picks)]))
                }
            },
        ]
    }

    static func shaped(_ name: String, doc: String, example: String,
                       _ make: @escaping ([Int], DType, RandomGenerator) throws -> Tensor) -> Builtin {
        Builtin(name, [.variadic("shape"), .optional("dtype", defaultText: "\"f32\"")], topic: "random", doc: doc, example: example) { a, ctx in
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
