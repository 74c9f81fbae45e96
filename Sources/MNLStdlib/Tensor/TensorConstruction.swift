import MNLRuntime
import MNLSyntax
import TensorKit

/// NumPy's joining functions and matrix constructors: vstack, hstack, column_stack,
/// concatenate, the *_like family, empty, identity, diag, triu, tril, trace and meshgrid.
enum TensorConstruction {
    static var builtins: [any TensorLibraryEntry] {
        [
            joining("vstack", doc: "The tensors of a list joined row-wise (along axis 0); 1-D tensors become rows.",
                    example: "vstack([tensor([1, 2]), tensor([3, 4])])") { try Tensor.vstack($0) },
            joining("hstack", doc: "The tensors of a list joined column-wise (along axis 1), or end to end when all are 1-D.",
                    example: "hstack([tensor([1, 2]), tensor([3])])\nhstack([ones(2, 1), zeros(2, 2)])") { try Tensor.hstack($0) },
            joining("column_stack", doc: "The tensors of a list as the columns of a matrix: 1-D tensors become columns, 2-D ones are joined along axis 1.",
                    example: "column_stack([tensor([1, 2]), tensor([3, 4])])") { try Tensor.columnStack($0) },
            Builtin("concatenate", [.required("tensors"), .optional("axis", defaultText: "0")], topic: "tensor",
                    doc: "The tensors of a list joined along an existing axis (axis=0 by default); axis=nil flattens them first, as NumPy.",
                    example: "concatenate([tensor([[1, 2]]), tensor([[3, 4]])])\nconcatenate([tensor([[1, 2]]), tensor([3])], axis=nil)") { a, _ in
                let parts = try tensors(a)
                // axis=nil is NumPy's "flatten first", so nil and absent differ here.
                let flatten = if case .null? = try? a.value(1) { true } else { false }
                let axis = flatten ? nil : try a[1].map { try TensorConversion.axis($0, function: "concatenate") } ?? 0
                return try bridging { .tensor(try Tensor.concatenate(parts, axis: axis)) }
            },
            like("zeros_like", doc: "Zeros with x's shape and dtype (or dtype=).", example: "zeros_like(tensor([[1, 2]], dtype=\"i64\"))") { x, _, dtype in
                try Tensor.zeros(x.shape, dtype: dtype)
            },
            like("ones_like", doc: "Ones with x's shape and dtype (or dtype=).", example: "ones_like(arange(3))") { x, _, dtype in
                try Tensor.ones(x.shape, dtype: dtype)
            },
            like("full_like", [.required("fill_value")], doc: "x's shape and dtype (or dtype=) filled with fill_value.",
                 example: "full_like(arange(3), 7)") { x, a, dtype in
                try Tensor.full(x.shape, value: try a.number(1), dtype: dtype)
            },
            TensorCreation.filled("empty", doc: "A new tensor of the given shape. NumPy leaves it uninitialised; here it is zero-filled, so reading it is harmless.",
                                  example: "empty(2, 3).shape") { try Tensor.zeros($0, dtype: $1) },
            Builtin("identity", [.required("n"), .optional("dtype", defaultText: "nil")], topic: "tensor",
                    doc: "The n×n identity matrix.", example: "identity(3)") { a, ctx in
                let dtype = try TensorDefaultBuiltins.dtype(a, 1, ctx, function: "identity")
                return try bridging { .tensor(try Tensor.eye(try a.int(0), dtype: dtype)) }
            },
            Builtin("diag", [.required("v"), .optional("k", defaultText: "0")], topic: "tensor",
                    doc: "From a 1-D tensor, the square matrix with it on diagonal k (k > 0 above, k < 0 below the main one); from a 2-D tensor, a copy of its diagonal k.",
                    example: "diag(tensor([1, 2]))\ndiag(tensor([[1, 2], [3, 4]]), k=1)") { a, _ in
                try bridging { .tensor(try Tensor.diag(try a.tensor(0), k: try a.int(1, default: 0))) }
            },
            triangle("triu", doc: "A copy with the elements below diagonal k (of the last two axes) set to zero.",
                     example: "triu(ones(3, 3))\ntriu(ones(3, 3), k=1)") { try $0.triu(k: $1) },
            triangle("tril", doc: "A copy with the elements above diagonal k (of the last two axes) set to zero.",
                     example: "tril(ones(3, 3))\ntril(ones(3, 3), k=-1)") { try $0.tril(k: $1) },
            TensorDeclarations.op("trace", [.optional("offset", defaultText: "0"), .optional("axis1", defaultText: "0"),
                                            .optional("axis2", defaultText: "1")],
                                  doc: "The sum along diagonal offset of the axes axis1 and axis2 (integers sum to int64).",
                                  example: "trace(tensor([[1, 2], [3, 4]]))\ntensor([[1, 2], [3, 4]]).trace(offset=1)") { x, a, _ in
                .tensor(try x.trace(offset: try a.int(1, default: 0), axis1: try a.int(2, default: 0), axis2: try a.int(3, default: 1)))
            },
            Builtin("meshgrid", [.variadic("xs"), .optional("indexing", defaultText: "\"xy\"")], topic: "tensor",
                    doc: "Coordinate grids from 1-D tensors, as a list: with indexing=\"xy\" (the default) the first two axes are swapped, as for plotting; \"ij\" keeps matrix order.",
                    example: "grids = meshgrid(tensor([1, 2, 3]), tensor([10, 20]))\ngrids[0]\ngrids[1]") { a, _ in
                let indexing = try a.string(0, default: "xy")
                guard indexing == "xy" || indexing == "ij" else { throw a.invalid("indexing must be \"xy\" or \"ij\", not \"\(indexing)\"") }
                let vectors = try a.rest.map { try TensorConversion.tensor($0, argument: "meshgrid") }
                return try bridging { .list(try Tensor.meshgrid(vectors, cartesian: indexing == "xy").map { .tensor($0) }) }
            },
        ]
    }

    static func tensors(_ a: Arguments) throws -> [Tensor] {
        try listValues(try a.value(0), a).map { try TensorConversion.tensor($0, argument: a.function) }
    }

    static func joining(_ name: String, doc: String, example: String, _ join: @escaping ([Tensor]) throws -> Tensor) -> Builtin {
        Builtin(name, [.required("tensors")], topic: "tensor", doc: doc, example: example) { a, _ in
            let parts = try tensors(a)
            return try bridging { .tensor(try join(parts)) }
        }
    }

    /// `name(x, extra..., dtype=nil)`: a new tensor shaped like x, of x's dtype unless dtype= says.
    static func like(_ name: String, _ extra: [BuiltinParameter] = [], doc: String, example: String,
                     _ make: @escaping (Tensor, Arguments, DType) throws -> Tensor) -> Builtin {
        Builtin(name, [.required("x")] + extra + [.optional("dtype", defaultText: "nil")], topic: "tensor", doc: doc, example: example) { a, _ in
            let x = try a.tensor(0)
            let dtype = try TensorConversion.dtype(a[extra.count + 1], function: name) ?? x.dtype
            return try bridging { .tensor(try make(x, a, dtype)) }
        }
    }

    static func triangle(_ name: String, doc: String, example: String, _ f: @escaping (Tensor, Int) throws -> Tensor) -> Builtin {
        Builtin(name, [.required("x"), .optional("k", defaultText: "0")], topic: "tensor", doc: doc, example: example) { a, _ in
            try bridging { .tensor(try f(try a.tensor(0), try a.int(1, default: 0))) }
        }
    }
}
