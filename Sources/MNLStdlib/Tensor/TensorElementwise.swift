import MNLRuntime
import MNLSyntax
import TensorKit

/// NumPy's further elementwise functions (issue 10): the ones on existing kernels, and the
/// tolerance comparisons isclose, allclose and array_equal.
enum TensorElementwise {
    static var builtins: [any TensorLibraryEntry] {
        typealias D = TensorDeclarations
        return [
            D.unary("ceil", .ceil, doc: "The smallest integer not below each element.", example: "ceil(tensor([1.2, -1.5]))"),
            D.unary("square", .square, doc: "Each element squared (integers stay integers).", example: "square(tensor([-3, 2]))"),
            D.unary("isinf", .isinf, doc: "True where an element is +inf or -inf.", example: "isinf(tensor([1, -1, 0]) / 0)"),
            D.op("isfinite", doc: "True where an element is neither infinite nor NaN.", example: "isfinite(tensor([1, -1, 0]) / 0)") { x, _, _ in
                .tensor(try x.isfinite())
            },
            D.op("reciprocal", doc: "1 / x for each element (a float result, as for /).", example: "reciprocal(tensor([2, 4, 0.5]))") { x, _, _ in
                .tensor(try Tensor.binary(.divide, 1, x))
            },
            Builtin("isclose", closeParameters, topic: "tensor",
                    doc: "True where |a - b| <= atol + rtol * |b| (NumPy's rule, with its defaults rtol=1e-05, atol=1e-08); NaNs are close only with equal_nan=true.",
                    example: "isclose(tensor([1, 2]), tensor([1.000001, 2.1]))") { a, _ in
                try bridging { .tensor(try close(a)) }
            },
            Builtin("allclose", closeParameters, topic: "tensor",
                    doc: "True when every element of a is close to b (isclose's rule and defaults).",
                    example: "allclose(tensor([1, 2]), tensor([1.000001, 2]))") { a, _ in
                try bridging { .bool(try close(a).all(axes: nil, keepdims: false).toDoubles().first != 0) }
            },
            Builtin("array_equal", [.required("a"), .required("b")], topic: "tensor",
                    doc: "True when a and b have the same shape and equal elements.",
                    example: "array_equal(tensor([1, 2]), [1, 2])") { a, _ in
                try bridging { .bool(try Tensor.arrayEqual(try a.tensor(0), try a.tensor(1))) }
            },
        ]
    }

    static var closeParameters: [BuiltinParameter] {
        [.required("a"), .required("b"), .optional("rtol", defaultText: "1e-05"), .optional("atol", defaultText: "1e-08"),
         .optional("equal_nan", defaultText: "false")]
    }

    static func close(_ a: Arguments) throws -> Tensor {
        try Tensor.isclose(try a.tensor(0), try a.tensor(1), rtol: try a.number(2, default: 1e-5), atol: try a.number(3, default: 1e-8),
                           equalNaN: try a.bool(4, default: false))
    }
}
