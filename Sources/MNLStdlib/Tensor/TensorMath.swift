import MNLRuntime
import MNLSyntax
import TensorKit

/// Elementwise math. `exp`, `log`, `sqrt`, `abs`, `floor` and `round` are tensor methods
/// here; their functions, over numbers, lists and tensors, are in NumericBuiltins.swift.
enum TensorMath {
    static var builtins: [any TensorLibraryEntry] {
        [
            TensorDeclarations.unary("exp", .exp, doc: "e raised to each element.", example: "tensor([0, 1]).exp()", role: .method),
            TensorDeclarations.unary("log", .log, doc: "The natural logarithm of each element (-inf at 0, nan below, as in NumPy).",
                                     example: "tensor([1, 10]).log()", role: .method),
            TensorDeclarations.unary("sqrt", .sqrt, doc: "The square root of each element.", example: "tensor([4, 9]).sqrt()", role: .method),
            TensorDeclarations.unary("abs", .abs, doc: "The absolute value of each element.", example: "tensor([-1, 2]).abs()", role: .method),
            TensorDeclarations.unary("tanh", .tanh, doc: "The hyperbolic tangent of each element.", example: "tanh(tensor([0, 1]))"),
            TensorDeclarations.unary("sigmoid", .sigmoid, doc: "1 / (1 + exp(-x)) for each element, computed stably.",
                                     example: "sigmoid(tensor([-2, 0, 2]))"),
            TensorDeclarations.unary("relu", .relu, doc: "max(x, 0) for each element.", example: "relu(tensor([-1, 2]))"),
            TensorDeclarations.unary("sign", .sign, doc: "-1, 0 or 1 for each element.", example: "sign(tensor([-3, 0, 2]))"),
            TensorDeclarations.unary("floor", .floor, doc: "The largest integer not above each element.", example: "tensor([1.5, -1.5]).floor()", role: .method),
            TensorDeclarations.unary("isnan", .isnan, doc: "True where an element is NaN.", example: "isnan(tensor([1, 0]) / 0)"),
            TensorDeclarations.op("round", [.optional("decimals", defaultText: "0")], role: .method,
                                  doc: "Each element rounded to decimals places (negative: to tens, hundreds...), halves to even (NumPy's round); integers stay integers.",
                                  example: "tensor([0.5, 1.5, 2.675]).round(2)\ntensor([1234, 1250]).round(-2)") { x, a, _ in try round(x, a) },
            TensorDeclarations.op("clip", [.optional("min", defaultText: "nil"), .optional("max", defaultText: "nil")],
                                  doc: "Each element limited to [min, max]: numbers, or tensors that broadcast with x (either bound may be nil; where min > max the result is max, as in NumPy).",
                                  example: "clip(tensor([-2, 0.5, 3]), 0, 1)\nclip(tensor([1, 5, 9]), tensor([2, 2, 2]), tensor([3, 4, 8]))") { x, a, _ in
                // Without either bound clip would change nothing; NumPy refuses it too.
                guard a[1] != nil || a[2] != nil else { throw a.invalid("give min, max or both") }
                return .tensor(try clip(x, a))
            },
            TensorDeclarations.op("pow", [.required("exponent")], doc: "Each element raised to exponent (a number or a tensor).",
                                  example: "pow(tensor([2, 3]), 2)") { x, a, _ in
                if case .number(let p) = try a.value(1) { return .tensor(try x.pow(p)) }
                // A plain number base is weak, as in `2 ** arange(3)` (int64, not float32).
                if let base = TensorConversion.scalar(try a.value(0)) {
                    return .tensor(try Tensor.binary(.power, base, try a.tensor(1)))
                }
                return .tensor(try Tensor.binary(.power, x, try a.tensor(1)))
            },
            pairwise("maximum", .maximum, doc: "The larger of a and b, elementwise with broadcasting.", example: "maximum(tensor([1, 5]), 3)"),
            pairwise("minimum", .minimum, doc: "The smaller of a and b, elementwise with broadcasting.", example: "minimum(tensor([1, 5]), 3)"),
            // Issue 9: NumPy's logical functions, on the kernels `&`, `|`, `^` and `~` use.
            pairwise("logical_and", .logicalAnd, doc: "a and b elementwise (non-zero is true), a bool tensor.",
                     example: "logical_and(tensor([1, 0, 2]) > 0, tensor([1, 1, 0]))"),
            pairwise("logical_or", .logicalOr, doc: "a or b elementwise (non-zero is true), a bool tensor.",
                     example: "logical_or(tensor([1, 0, 0]), tensor([0, 0, 1]))"),
            pairwise("logical_xor", .logicalXor, doc: "a xor b elementwise (non-zero is true), a bool tensor.",
                     example: "logical_xor(tensor([1, 0, 1]), tensor([1, 1, 0]))"),
            TensorDeclarations.unary("logical_not", .logicalNot, doc: "not x elementwise (zero is true), a bool tensor.",
                                     example: "logical_not(tensor([1, 0, 2]))"),
            Builtin("where", [.required("condition"), .optional("a", defaultText: "nil"), .optional("b", defaultText: "nil")], topic: "tensor",
                    doc: "Elements of a where condition is true and of b elsewhere, with broadcasting. With the condition alone, the same as nonzero(condition): a tuple of int64 coordinate tensors.",
                    example: "x = tensor([-1, 2])\nwhere(x > 0, x, 0)\nwhere(x > 0)") { a, _ in
                let hasA = a[1].map { _ in true } ?? false, hasB = a[2].map { _ in true } ?? false
                if !hasA && !hasB {
                    let condition = try a.tensor(0)
                    return try bridging { .tuple(try TensorIndexing.coordinates(condition).map(Value.tensor)) }
                }
                guard hasA && hasB else { throw a.invalid("either both a and b or neither should be given") }
                return try bridging { .tensor(try selectWhere(a)) }
            },
        ]
    }

    /// `where(condition, a, b)`: a plain number beside a tensor is weak, as in binary
    /// operators, so `where(c, int64_tensor, 0)` stays int64.
    static func selectWhere(_ a: Arguments) throws -> Tensor {
        let condition = try a.tensor(0, dtype: .bool)
        let first = TensorConversion.scalar(try a.value(1)), second = TensorConversion.scalar(try a.value(2))
        if let s = second, first == nil { return try Tensor.where(condition, try a.tensor(1), s) }
        if let s = first, second == nil { return try Tensor.where(condition, s, try a.tensor(2)) }
        return try Tensor.where(condition, try a.tensor(1), try a.tensor(2))
    }

    static func pairwise(_ name: String, _ op: BinaryOp, doc: String, example: String) -> Builtin {
        Builtin(name, [.required("a"), .required("b")], topic: "tensor", doc: doc, example: example) { a, _ in
            try bridging {
                if let s = TensorConversion.scalar(try a.value(1)) { return .tensor(try Tensor.binary(op, try a.tensor(0), s)) }
                return .tensor(try Tensor.binary(op, try a.tensor(0), try a.tensor(1)))
            }
        }
    }

    /// Each element of x rounded to the decimals of argument 1.
    static func round(_ x: Tensor, _ a: Arguments) throws -> Value {
        .tensor(try x.rounded(decimals: try a.int(1, default: 0)))
    }

    /// `clip(x, min, max)`: plain-number bounds take the scalar kernel (and its dtype rule);
    /// a list or tensor bound broadcasts (NumPy's promotion of x and the bounds).
    static func clip(_ x: Tensor, _ a: Arguments) throws -> Tensor {
        let scalars = [a[1], a[2]].allSatisfy { bound in bound.map { TensorConversion.scalar($0) != nil } ?? true }
        if scalars { return try x.clip(min: try a[1].map { _ in try a.number(1) }, max: try a[2].map { _ in try a.number(2) }) }
        return try Tensor.clip(x, min: try a[1].map { _ in try a.tensor(1) }, max: try a[2].map { _ in try a.tensor(2) })
    }
}
