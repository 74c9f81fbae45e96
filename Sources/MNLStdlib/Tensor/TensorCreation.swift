import MNLRuntime
import MNLSyntax
import TensorKit

/// Making tensors: from lists, filled, ranges, identity, one-hot.
enum TensorCreation {
    static var builtins: [any TensorLibraryEntry] {
        [
            Builtin("tensor", [.required("values"), .optional("dtype", defaultText: "nil")], topic: "tensor",
                    doc: "A tensor from a number or nested lists (float32 unless dtype= says \"f64\", \"f16\", \"bf16\", \"i64\", \"i32\", \"u8\" or \"bool\"; lists of bools give bool).",
                    example: "tensor([[1, 2], [3, 4]])") { a, ctx in
                let given = try TensorConversion.dtype(a[1], function: "tensor")
                let t = try a.tensor(0, dtype: given)
                if case .native = try a.value(0) { return .tensor(t) }  // a tensor keeps its dtype
                return .tensor(try TensorDefaultBuiltins.inDefaultFloat(t, given: given, ctx) { try a.tensor(0, dtype: $0) })
            },
            filled("zeros", doc: "A tensor of zeros of the given shape: zeros(3, 4) or zeros((3, 4)).", example: "zeros(2, 3)") {
                try Tensor.zeros($0, dtype: $1)
            },
            filled("ones", doc: "A tensor of ones of the given shape.", example: "ones(2, 2, dtype=\"f64\")") {
                try Tensor.ones($0, dtype: $1)
            },
            Builtin("full", [.required("shape"), .required("value"), .optional("dtype", defaultText: "nil")], topic: "tensor",
                    doc: "A tensor of the given shape (a number or a tuple) filled with value.", example: "full((2, 2), 7)") { a, ctx in
                let shape = try TensorConversion.shape([try a.value(0)], function: "full")
                let dtype = try TensorDefaultBuiltins.dtype(a, 2, ctx, function: "full")
                return try bridging { .tensor(try Tensor.full(shape, value: try a.number(1), dtype: dtype)) }
            },
            Builtin("eye", [.required("n"), .optional("m", defaultText: "n"), .optional("k", defaultText: "0"),
                            .optional("dtype", defaultText: "nil")], topic: "tensor",
                    doc: "An n×m matrix with ones on diagonal k (0 the main one, k > 0 above, k < 0 below).", example: "eye(3)\neye(2, 3, k=1)") { a, ctx in
                let n = try a.int(0), m = try a[1].map { _ in try a.int(1) }
                let dtype = try TensorDefaultBuiltins.dtype(a, 3, ctx, function: "eye")
                return try bridging { .tensor(try Tensor.eye(n, m, k: try a.int(2, default: 0), dtype: dtype)) }
            },
            Builtin("arange", [.required("start"), .optional("stop", defaultText: "nil"), .optional("step", defaultText: "1"),
                               .optional("dtype", defaultText: "nil")], topic: "tensor",
                    doc: "Evenly spaced values from start (0 with one argument) up to but not including stop, like NumPy's arange.",
                    example: "arange(0, 1, 0.25)") { a, ctx in
                let hasStop = a[1] != nil
                let start = hasStop ? try a.number(0) : 0, stop = hasStop ? try a.number(1) : try a.number(0)
                let given = try TensorConversion.dtype(a[3], function: "arange"), step = try a.number(2, default: 1)
                return try bridging {
                    let t = try Tensor.arange(start, stop, step: step, dtype: given)
                    return .tensor(try TensorDefaultBuiltins.inDefaultFloat(t, given: given, ctx) {
                        try Tensor.arange(start, stop, step: step, dtype: $0)
                    })
                }
            },
            Builtin("linspace", [.required("start"), .required("stop"), .optional("num", defaultText: "50"),
                                 .optional("endpoint", defaultText: "true"), .optional("dtype", defaultText: "nil")], topic: "tensor",
                    doc: "num evenly spaced values from start to stop, inclusive unless endpoint=false.",
                    example: "linspace(0, 1, 5)\nlinspace(0, 1, 4, endpoint=false, dtype=\"f64\")") { a, ctx in
                let dtype = try TensorDefaultBuiltins.dtype(a, 4, ctx, function: "linspace")
                return try bridging {
                    .tensor(try Tensor.linspace(try a.number(0), try a.number(1), count: try a.int(2, default: 50),
                                                endpoint: try a.bool(3, default: true), dtype: dtype))
                }
            },
            Builtin("one_hot", [.required("labels"), .required("k"), .optional("dtype", defaultText: "nil")], topic: "tensor",
                    doc: "An (n, k) tensor with a one in column labels[i] of row i (the default float, or dtype=).",
                    example: "one_hot(tensor([0, 2, 1], dtype=\"i64\"), 3)\none_hot(tensor([1, 0], dtype=\"i64\"), 2, dtype=\"u8\")") { a, ctx in
                let dtype = try TensorDefaultBuiltins.dtype(a, 2, ctx, function: "one_hot")
                return try bridging { .tensor(try Tensor.oneHot(try a.tensor(0), try a.int(1), dtype: dtype)) }
            },
        ]
    }

    static func filled(_ name: String, doc: String, example: String, _ make: @escaping ([Int], DType) throws -> Tensor) -> Builtin {
        Builtin(name, [.variadic("shape"), .optional("dtype", defaultText: "nil")], topic: "tensor", doc: doc, example: example) { a, ctx in
            let dtype = try TensorDefaultBuiltins.dtype(a, 0, ctx, function: name)
            let shape = try TensorConversion.shape(a.rest, function: name)
            return try bridging { .tensor(try make(shape, dtype)) }
        }
    }
}
