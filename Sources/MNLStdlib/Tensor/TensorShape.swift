import MNLRuntime
import MNLSyntax
import TensorKit

/// Shape and layout: reshape, transpose, joins and splits, repeats.
enum TensorShape {
    static var builtins: [any TensorLibraryEntry] {
        typealias D = TensorDeclarations
        return [
            D.op("reshape", [.variadic("shape")], doc: "The same elements in a new shape; one dimension may be -1 (inferred). A view when the data is contiguous.",
                 example: "reshape(arange(6), 2, -1)") { x, a, _ in
                .tensor(try x.reshape(try TensorConversion.shape(a.rest, function: "reshape")))
            },
            D.op("transpose", [.optional("axes", defaultText: "reversed"), .variadic("more_axes")],
                 doc: "The axes permuted: result axis i is axis axes[i] of x, given as a tuple or list (axes=, as NumPy's function) or as separate numbers (as NumPy's method); reversed when none are given (x.T is the same). A view, no copy.",
                 example: "transpose(zeros(2, 3, 4), (1, 0, 2)).shape\nzeros(2, 3, 4).transpose(2, 0, 1).shape") { x, a, _ in
                .tensor(try x.transpose(try a[1].map { try TensorConversion.shape([$0] + a.rest, function: "transpose") }))
            },
            D.op("flatten", [.optional("start", defaultText: "0")],
                 doc: "The axes from start= on merged into one: flatten(x) is a 1-D copy as in NumPy; flatten(images, start=1) turns a batch of (n, 28, 28) images into (n, 784), a view like reshape(n, -1) when the data is contiguous.",
                 example: "flatten(zeros(5, 28, 28), start=1).shape") { x, a, _ in
                let start = try a.int(1, default: 0)
                guard start != 0 else { return .tensor(try x.flatten()) }
                let s = try Tensor.normalizeAxis(start, ndim: x.ndim)
                return .tensor(try x.reshape(Array(x.shape[..<s]) + [-1]))
            },
            D.op("squeeze", [.optional("axis", defaultText: "nil")], doc: "The tensor without its size-1 axes (or only axis=).",
                 example: "squeeze(zeros(1, 3, 1)).shape") { x, a, _ in
                .tensor(try x.squeeze(try TensorConversion.axes(a[1], function: "squeeze")))
            },
            D.op("expand_dims", [.required("axis")], doc: "The tensor with a new size-1 axis at axis.",
                 example: "expand_dims(zeros(3), 0).shape") { x, a, _ in
                .tensor(try x.expandDims(try TensorConversion.axis(try a.value(1), function: "expand_dims")))
            },
            D.op("repeat", [.required("n"), .optional("axis", defaultText: "nil")], doc: "Each element repeated n times (flattened, or along axis=).",
                 example: "repeat(tensor([1, 2]), 2)") { x, a, _ in
                .tensor(try x.repeated(try a.int(1), axis: try a[2].map { try TensorConversion.axis($0, function: "repeat") }))
            },
            D.op("tile", [.required("reps")], doc: "The tensor repeated reps times along each axis (a number or a tuple).",
                 example: "tile(tensor([1, 2]), 2)") { x, a, _ in
                .tensor(try x.tiled(try TensorConversion.shape([try a.value(1)], function: "tile")))
            },
            joining("concat", doc: "The tensors of a list joined along an existing axis (axis=0 by default; axis=nil flattens them first, as NumPy).",
                    example: "concat([ones(1, 2), zeros(1, 2)]).shape\nconcat([ones(2, 2), zeros(1)], axis=nil)") { parts, axis in
                guard let axis else { return try Tensor.concat(parts.map { try $0.ravel() }, axis: 0) }
                return try Tensor.concat(parts, axis: axis)
            },
            joining("stack", doc: "The tensors of a list stacked along a new axis (axis=0 by default).",
                    example: "stack([ones(2), zeros(2)]).shape") { try Tensor.stack($0, axis: $1 ?? 0) },
            D.op("split", [.required("sections"), .optional("axis", defaultText: "0")],
                 doc: "A list of pieces: sections equal parts, or cut before each index of a list.",
                 example: "split(arange(6), 3)") { x, a, _ in
                let axis = try a[2].map { try TensorConversion.axis($0, function: "split") } ?? 0
                let pieces: [Tensor]
                if case .number = try a.value(1) {
                    pieces = try x.split(sections: try a.int(1), axis: axis)
                } else {
                    pieces = try x.split(indices: try TensorConversion.shape([try a.value(1)], function: "split"), axis: axis)
                }
                return .list(pieces.map { Value.tensor($0) })
            },
        ]
    }

    /// `join` gets the axis, or nil when the call said `axis=nil` explicitly.
    static func joining(_ name: String, doc: String, example: String, _ join: @escaping ([Tensor], Int?) throws -> Tensor) -> Builtin {
        Builtin(name, [.required("tensors"), .optional("axis", defaultText: "0")], topic: "tensor", doc: doc, example: example) { a, ctx in
            let parts = try listValues(try a.value(0), a).map { try TensorConversion.tensor($0, argument: name) }
            var explicitNil = false
            if a.named.count > 1, case .null = a.named[1] { explicitNil = true }
            let axis = explicitNil ? nil : try a[1].map { try TensorConversion.axis($0, function: name) } ?? 0
            return try bridging { .tensor(try join(parts, axis)) }
        }
    }
}

/// The values of a list or tuple argument (argument `i` of `a`, blamed when it is neither).
func listValues(_ v: Value, _ a: Arguments, _ i: Int = 0) throws -> [Value] {
    switch v {
    case .list(let l): return l.items
    case .tuple(let t): return t.items
    default: throw a.bad(i, expected: "list", got: v)
    }
}
