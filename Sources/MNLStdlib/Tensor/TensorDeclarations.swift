import MNLRuntime
import MNLSyntax
import TensorKit

/// Helpers for declaring tensor operations. Each is declared once with `x` as its first
/// parameter; it becomes both a function (`cumsum(x, axis=1)`) and a method
/// (`x.cumsum(axis=1)`), or only a method with `role: .method`. Lists and numbers are
/// accepted wherever a tensor is.
enum TensorDeclarations {
    typealias Body = (Tensor, Arguments, CallContext) throws -> Value

    /// `fast1`, when given, is the whole operation for a call with only `x` (every further
    /// parameter at its default): the `Builtin.fast1` entry, after the same conversion.
    static func op(_ name: String, _ rest: [BuiltinParameter] = [], role: TensorOperation.Role = .functionAndMethod,
                   doc: String, example: String, topic: String = "tensor",
                   fast1: ((Tensor) throws -> Value)? = nil, _ body: @escaping Body) -> TensorOperation {
        let entry: Builtin.Fast1? = fast1.map { run in
            { v, _ in
                let x = try TensorConversion.tensor(v, argument: name)
                return try bridging { try run(x) }
            }
        }
        let builtin = Builtin(name, [.required("x")] + rest, topic: topic, doc: doc, example: example, fast1: entry) { a, ctx in
            let x = try TensorConversion.tensor(try a.value(0), argument: name)
            return try bridging { try body(x, a, ctx) }
        }
        return TensorOperation(builtin: builtin, role: role)
    }

    /// A reduction over `axis=` (nil for all; an int or a list) with `keepdims=`. Reducing
    /// everything gives a 0-d tensor (the scalar rule in Grammar.md).
    static func reduction(_ name: String, doc: String, example: String, role: TensorOperation.Role = .functionAndMethod,
                          _ reduce: @escaping (Tensor, [Int]?, Bool) throws -> Tensor) -> TensorOperation {
        op(name, [.optional("axis", defaultText: "nil"), .optional("keepdims", defaultText: "false")], role: role, doc: doc,
           example: example, fast1: { x in .tensor(try reduce(x, nil, false)) }) { x, a, _ in
            let axes = try TensorConversion.axes(a[1], function: name)
            return .tensor(try reduce(x, axes, try a.bool(2, default: false)))
        }
    }

    static func unary(_ name: String, _ op: UnaryOp, doc: String, example: String,
                      role: TensorOperation.Role = .functionAndMethod) -> TensorOperation {
        self.op(name, role: role, doc: doc, example: example, fast1: { x in .tensor(try x.unary(op)) }) { x, _, _ in .tensor(try x.unary(op)) }
    }
}

extension Arguments {
    /// The i-th argument as a tensor (lists and numbers converted).
    func tensor(_ i: Int, dtype: DType? = nil) throws -> Tensor {
        try TensorConversion.tensor(try value(i), argument: function, position: i < positionalCount ? i + 1 : 0,
                                    name: i < parameterNames.count ? parameterNames[i] : "", dtype: dtype)
    }
}
