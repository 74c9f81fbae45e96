import MNLRuntime
import MNLSyntax
import TensorKit

/// The session's default float dtype: what `tensor([0.5])`, `zeros(3)`, `rand(2)` and the
/// other creation and random functions make when no `dtype=` is given. float32 until
/// `set_default_dtype("float64")`; it lives in the session (no global state), so two
/// sessions, or a REPL after `reset`, start from float32 again.
final class TensorDefaults {
    var floatDType: DType = .float32
}

extension CallContext {
    /// The dtype a creation or random function makes when the call names none.
    var defaultFloat: DType { session.state(TensorDefaults.self) { TensorDefaults() }.floatDType }
}

enum TensorDefaultBuiltins {
    static var builtins: [any TensorLibraryEntry] {
        [
            Builtin("set_default_dtype", [.required("dtype")], topic: "tensor",
                    doc: "Sets the float dtype (\"float32\" or \"float64\") that creation and random functions make when no dtype= is given, for the rest of the session.",
                    example: "set_default_dtype(\"float64\")\nprint(zeros(2).dtype)\nset_default_dtype(\"float32\")") { a, ctx in
                // float16 and bfloat16 are storage dtypes (see Grammar.md "Dtypes"), not defaults.
                guard let d = try TensorConversion.dtype(a[0], function: "set_default_dtype"), d == .float32 || d == .float64 else {
                    throw a.invalid("the default dtype must be \"float32\" or \"float64\"")
                }
                ctx.session.state(TensorDefaults.self) { TensorDefaults() }.floatDType = d
                return .null
            },
            Builtin("get_default_dtype", [], topic: "tensor",
                    doc: "The float dtype creation and random functions make when no dtype= is given (see set_default_dtype).",
                    example: "get_default_dtype()") { _, ctx in
                .string(ctx.defaultFloat.description)
            },
        ]
    }

    /// Argument `i` as a dtype, or the session's default float when it was not given.
    static func dtype(_ a: Arguments, _ i: Int, _ ctx: CallContext, function: String) throws -> DType {
        try TensorConversion.dtype(a[i], function: function) ?? ctx.defaultFloat
    }

    /// `made` (built without a dtype), or remade by `remake` in the session's default float
    /// when it came out float32 only because float32 is the fixed fallback: lists of numbers
    /// and fractional ranges follow `set_default_dtype`, a tensor passed in keeps its dtype.
    static func inDefaultFloat(_ made: Tensor, given: DType?, _ ctx: CallContext,
                               remake: (DType) throws -> Tensor) throws -> Tensor {
        guard given == nil, made.dtype == .float32, ctx.defaultFloat != .float32 else { return made }
        return try remake(ctx.defaultFloat)
    }
}
