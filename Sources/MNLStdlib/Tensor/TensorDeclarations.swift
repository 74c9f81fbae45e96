import MNLRuntime
import MNLSyntax
import TensorKit

/// Helpers for declaring tensor builtins. Each operation is declared once with `x` as its
/// first parameter; it becomes both a function (`sum(x, axis=1)`) and a method
/// (`x.sum(axis=1)`). Lists and numbers are accepted wherever a tensor is.
enum TensorDeclarations {
    typealias Body = (Tensor, Arguments, CallContext) throws -> Value

    static func op(_ name: String, _ rest: [BuiltinParameter] = [], doc: String, example: String,
                   topic: String = "tensor", _ body: @escaping Body) -> Builtin {
        Builtin(name, [.required("x")] + rest, topic: topic, doc: doc, example: example) { a, ctx in
            let x = try TensorConversion.tensor(try a.value(0), argument: name)
            return try bridging { try body(x, a, ctx) }
        }
    }

    /// A reduction over `axis=` (nil for all; an int or a list) with `keepdims=`. Reducing
    /// everything gives a number.
    static func reduction(_ name: String, doc: String, example: String,
                          _ reduce: @escaping (Tensor, [Int]?, Bool) throws -> Tensor) -> Builtin {
        op(name, [.optional("axis", defaultText: "nil"), .optional("keepdims", defaultText: "false")], doc: doc, example: example) { x, a, _ in
            let axes = try TensorConversion.axes(a[1], function: name)
            return .tensorOrNumber(try reduce(x, axes, try a.bool(2, default: false)))
        }
    }

    static func unary(_ name: String, _ op: UnaryOp, doc: String, example: String) -> Builtin {
        self.op(name, doc: doc, example: example) { x, _, _ in .tensor(try x.unary(op)) }
    }
}

extension Arguments {
    /// The i-th argument as a tensor (lists and numbers converted).
    func tensor(_ i: Int, dtype: DType? = nil) throws -> Tensor {
        try TensorConversion.tensor(try value(i), argument: function, dtype: dtype)
    }
}
