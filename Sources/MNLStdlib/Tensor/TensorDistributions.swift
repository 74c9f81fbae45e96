import MNLRuntime
import MNLSyntax
import TensorKit

/// NumPy's sampling functions with parameters (`normal`, `uniform`) and its `randint`
/// signature, all drawing from the session generator (see TensorRandom.swift).
enum TensorDistributions {
    static var builtins: [any TensorLibraryEntry] {
        [
            Builtin("normal", [.optional("loc", defaultText: "0"), .optional("scale", defaultText: "1"),
                               .optional("size", defaultText: "nil"), .optional("dtype", defaultText: "nil")], topic: "random",
                    doc: "Normal samples with mean loc and standard deviation scale (numbers or tensors that broadcast), size= of them (a number or a tuple; nil gives the parameters' shape, a 0-d tensor for numbers).",
                    example: "seed(0)\nnormal(10, 2, size=(2, 3))") { a, ctx in
                let (loc, scale, size, dtype) = try parameters(a, ctx, defaults: (0, 1))
                return try bridging { .tensor(try Tensor.normal(loc: loc, scale: scale, shape: size, dtype: dtype, using: ctx.random)) }
            },
            Builtin("uniform", [.optional("low", defaultText: "0"), .optional("high", defaultText: "1"),
                                .optional("size", defaultText: "nil"), .optional("dtype", defaultText: "nil")], topic: "random",
                    doc: "Uniform samples in [low, high) (numbers or tensors that broadcast), size= of them (a number or a tuple; nil gives the parameters' shape).",
                    example: "seed(0)\nuniform(-1, 1, 4)") { a, ctx in
                let (low, high, size, dtype) = try parameters(a, ctx, defaults: (0, 1))
                return try bridging { .tensor(try Tensor.uniform(low: low, high: high, shape: size, dtype: dtype, using: ctx.random)) }
            },
            Builtin("randint", [.required("low"), .optional("high", defaultText: "nil"), .optional("size", defaultText: "nil"),
                                .optional("dtype", defaultText: "\"i64\"")], topic: "random",
                    doc: "Random integers in [low, high), or in [0, low) without high (NumPy's randint), size= of them (a number or a tuple; nil gives a 0-d tensor).",
                    example: "seed(0)\nrandint(10, size=5)\nrandint(-3, 3, size=(2, 2), dtype=\"i64\")") { a, ctx in
                try randint(a, ctx)
            },
        ]
    }

    /// The two distribution parameters as float64 tensors, `size=` and `dtype=` (the
    /// session's default float when absent, as every creation function takes it).
    static func parameters(_ a: Arguments, _ ctx: CallContext, defaults: (Double, Double)) throws -> (Tensor, Tensor, [Int]?, DType) {
        let first = try a[0] == nil ? Tensor(scalar: defaults.0, dtype: .float64) : a.tensor(0, dtype: .float64)
        let second = try a[1] == nil ? Tensor(scalar: defaults.1, dtype: .float64) : a.tensor(1, dtype: .float64)
        let dtype = try TensorDefaultBuiltins.dtype(a, 3, ctx, function: a.function)
        guard dtype.isFloatingPoint else { throw a.invalid("dtype must be a float dtype, not \(dtype)") }
        return (first, second, try size(a, 2), dtype)
    }

    /// `size=` as a shape: nil, a number or a tuple/list of numbers.
    static func size(_ a: Arguments, _ i: Int) throws -> [Int]? {
        try a[i].map { try TensorConversion.shape([$0], function: a.function) }
    }

    static func randint(_ a: Arguments, _ ctx: CallContext) throws -> Value {
        let (low, high) = a[1] == nil ? (0, try a.int(0)) : (try a.int(0), try a.int(1))
        let dtype = try TensorConversion.dtype(a[3], function: "randint") ?? .int64
        switch dtype {
        case .int64: break
        case .int32 where low >= -0x8000_0000 && high <= 0x8000_0000: break
        case .int32: throw a.invalid("[\(low), \(high)) is out of bounds for int32")
        case .uint8 where low >= 0 && high <= 256: break
        case .uint8: throw a.invalid("[\(low), \(high)) is out of bounds for uint8")
        case .float32, .float64, .float16, .bfloat16, .bool: throw a.invalid("dtype must be an integer dtype, not \(dtype)")
        }
        let shape = try size(a, 2) ?? []
        return try bridging { .tensor(try Tensor.randint(low, high, shape, using: ctx.random).cast(to: dtype)) }
    }
}
