import Foundation
import MNLRuntime
import MNLSyntax
import TensorKit

/// `sum`, `max`, `min`, `abs`, `sqrt`, `exp`, `log`, `floor`, `round` and `sort`: one builtin
/// each over numbers, lists and tensors, declared here because the runtime does not know
/// tensors. Numbers and Python-style lists take the language's own rules (`ValueMath`):
/// `max(3, 9)`, `sum([1, 2])`, `sort(names, key=len)`; tensors, nested lists and calls
/// with `axis=` take NumPy's. The tensor methods of the same names (`x.sum(axis=1)`) are
/// declared with the tensor operations.
enum NumericBuiltins {
    static var builtins: [Builtin] {
        [
            sum,
            extremum("max", pick: { $0 > 0 }, reduce: { try $0.max(axes: $1, keepdims: $2) },
                     doc: "The largest of several values, of one iterable, or of a tensor's elements (over all, or along axis= with keepdims= as in NumPy).",
                     example: "max(3, 9)\nmax([4, 5])\nmax(tensor([[1, 5], [3, 2]]), axis=1)"),
            extremum("min", pick: { $0 < 0 }, reduce: { try $0.min(axes: $1, keepdims: $2) },
                     doc: "The smallest of several values, of one iterable, or of a tensor's elements (over all, or along axis= with keepdims= as in NumPy).",
                     example: "min(3, 9)\nmin([4, 5])\nmin(tensor([[1, 5], [3, 2]]), axis=1)"),
            unary("abs", .abs, doc: "The absolute value of a number, or of each element of a list or tensor.",
                  example: "abs(-3)\nabs(tensor([-1, 2]))") { Swift.abs($0) },
            unary("sqrt", .sqrt, doc: "The square root of a number (nan below 0, as in NumPy), or of each element of a list or tensor.",
                  example: "sqrt(16)\nsqrt([4, 9])") { $0.squareRoot() },
            unary("exp", .exp, doc: "e raised to a number, or to each element of a list or tensor.",
                  example: "exp(0)\nexp(tensor([0, 1]))") { Foundation.exp($0) },
            unary("log", .log, doc: "The natural logarithm of a number, or of each element of a list or tensor (-inf at 0, nan below).",
                  example: "log(exp(2))\nlog(tensor([1, 10]))") { Foundation.log($0) },
            unary("floor", .floor, doc: "The largest integer not above a number, or above each element of a list or tensor.",
                  example: "floor(2.7)\nfloor(tensor([1.5, -1.5]))") { $0.rounded(.down) },
            round,
            sort,
        ]
    }

    /// True for the values taken as arrays: tensors, lists and tuples.
    static func isArray(_ v: Value) -> Bool {
        switch v {
        case .native, .list, .tuple: true
        default: false
        }
    }

    static var reductionParameters: [BuiltinParameter] { [.optional("axis", defaultText: "nil"), .optional("keepdims", defaultText: "false")] }

    /// `sum(x, axis=nil, keepdims=false)`: Python's sum of an iterable of numbers, a number
    /// itself, or NumPy's sum of an array.
    static var sum: Builtin {
        Builtin("sum", [.required("x")] + reductionParameters + [.optional("dtype", defaultText: "nil")], topic: "math",
                doc: "The sum of a list (or tuple or range) of numbers, of a number itself, or of a tensor's elements (over all, or along axis= with keepdims= as in NumPy; nested lists count as tensors; dtype= sums in that dtype).",
                example: "sum([1, 2, 3])\nsum(tensor([[1, 2], [3, 4]]), axis=0)\nsum(tensor([1, 2]), dtype=\"f64\")",
                fast1: { v, ctx in try plainSum(v, ctx) ?? reduceAll(v, "sum") { try $0.sum(axes: nil, keepdims: false) } }) { a, ctx in
            let v = try a.value(0)
            if a[1] == nil, a[2] == nil, a[3] == nil, let s = try plainSum(v, ctx) { return s }
            let dtype = try TensorConversion.dtype(a[3], function: "sum")
            // Summing in the dtype means wrapping in it too (NumPy's uint8 sum with dtype="u8").
            return try reduce(a) { x, axes, keep in
                guard let dtype else { return try x.sum(axes: axes, keepdims: keep) }
                return try x.cast(to: dtype).sum(axes: axes, keepdims: keep).cast(to: dtype)
            }
        }
    }

    /// The sum of a number or of an iterable of plain numbers; nil for arrays of anything else.
    static func plainSum(_ v: Value, _ ctx: CallContext) throws -> Value? {
        switch v {
        case .number: return v
        case .bool(let b): return .number(b ? 1 : 0)
        case .list, .tuple, .range: return ValueMath.sum(try ValueMath.values(v, ctx)).map { .number($0) }
        default: return nil
        }
    }

    /// A reduction of argument 0 as a tensor, over axis= (argument 1) with keepdims= (argument 2).
    static func reduce(_ a: Arguments, _ f: @escaping (Tensor, [Int]?, Bool) throws -> Tensor) throws -> Value {
        let x = try a.tensor(0), axes = try TensorConversion.axes(a[1], function: a.function), keep = try a.bool(2, default: false)
        return try bridging { .tensor(try f(x, axes, keep)) }
    }

    static func reduceAll(_ v: Value, _ name: String, _ f: (Tensor) throws -> Tensor) throws -> Value? {
        guard case .native = v else { return nil }
        let x = try TensorConversion.tensor(v, argument: name)
        return try bridging { .tensor(try f(x)) }
    }

    /// `max(values..., axis=nil, keepdims=false)`: Python's over several values or one
    /// iterable; NumPy's over one tensor, or whenever axis= or keepdims= is given.
    static func extremum(_ name: String, pick: @escaping (Int) -> Bool, reduce f: @escaping (Tensor, [Int]?, Bool) throws -> Tensor,
                         doc: String, example: String) -> Builtin {
        Builtin(name, [.variadic("values")] + reductionParameters, topic: "math", doc: doc, example: example, fast1: { v, _ in
            if case .number = v { return v }
            return try reduceAll(v, name) { try f($0, nil, false) }
        }) { a, ctx in
            let values = a.rest
            guard let first = values.first else { throw Diagnostic(.missingArgument(function: name, name: "values"), at: nil) }
            let numpy = a[0] != nil || a[1] != nil
            if values.count > 1 {
                guard !numpy else { throw a.invalid("axis= and keepdims= apply to one tensor, not to \(values.count) values") }
                return try ValueMath.extremum(name, values, pick: pick)
            }
            if case .number = first, !numpy { return first }
            if case .native = first {} else if !numpy { return try ValueMath.extremum(name, try ValueMath.values(first, ctx), pick: pick) }
            let x = try TensorConversion.tensor(first, argument: name)
            let axes = try TensorConversion.axes(a[0], function: name), keep = try a.bool(1, default: false)
            return try bridging { .tensor(try f(x, axes, keep)) }
        }
    }

    /// A math function of one number that applies to each element of a list or tensor.
    static func unary(_ name: String, _ op: UnaryOp, doc: String, example: String, _ f: @escaping (Double) -> Double) -> Builtin {
        let apply: (Value) throws -> Value = { v in
            if case .number(let n) = v { return .number(f(n)) }
            guard isArray(v) else {
                throw Diagnostic(.badArgument(function: name, position: 1, name: "x", expected: "number, list or tensor", got: v.typeName), at: nil)
            }
            let x = try TensorConversion.tensor(v, argument: name)
            return try bridging { .tensor(try x.unary(op)) }
        }
        return Builtin(name, [.required("x")], topic: "math", doc: doc, example: example, fast1: { v, _ in try apply(v) }) { a, _ in
            try apply(try a.value(0))
        }
    }

    /// `round(x, decimals=0)`: Python's rounding of a number, NumPy's of a list or tensor.
    static var round: Builtin {
        Builtin("round", [.required("x"), .optional("decimals", defaultText: "0")], topic: "math",
                doc: "A number rounded to decimals places (Python's rounding of the exact binary value: round(2.675, 2) is 2.67), or each element of a list or tensor (NumPy's round); halves go to even.",
                example: "round(2.675, 2)\nround(tensor([0.5, 1.5, 2.675]), 2)") { a, _ in
            let v = try a.value(0)
            if case .number(let n) = v { return .number(try ValueMath.round(n, digits: try a.int(1, default: 0), a)) }
            guard isArray(v) else { throw a.bad(0, expected: "number, list or tensor", got: v) }
            return try bridging { try TensorMath.round(try a.tensor(0), a) }
        }
    }

    /// `sort(x, axis=-1, key=nil, reverse=false)`: a sorted list of an iterable's values, or
    /// NumPy's sort of a tensor (or of a list when axis= is given).
    static var sort: Builtin {
        Builtin("sort", [.required("x"), .optional("axis", defaultText: "-1"), .optional("key", defaultText: "nil"),
                         .optional("reverse", defaultText: "false")], topic: "math",
                doc: "A new sorted list of an iterable's values (key=fn sorts by fn(value), reverse=true for descending); on a tensor, or a list given axis=, NumPy's sort along axis (nil flattens).",
                example: "sort([3, 1, 2], reverse=true)\nsort(tensor([[3, 1], [0, 2]]), axis=0)") { a, ctx in
            let v = try a.value(0)
            let numpy: Bool
            if case .native = v { numpy = true } else { numpy = a.named[1] != nil }
            guard numpy else {
                return .list(try ValueMath.sorted(try ValueMath.values(v, ctx), key: a[2], reverse: try a.bool(3, default: false), ctx))
            }
            guard a[2] == nil, a[3] == nil else { throw a.invalid("key= and reverse= apply to lists; sort a tensor with axis=") }
            let x = try a.tensor(0)
            return try bridging { .tensor(try x.sort(axis: try TensorMisc.axisOrDefault(a, 1, -1))) }
        }
    }
}
