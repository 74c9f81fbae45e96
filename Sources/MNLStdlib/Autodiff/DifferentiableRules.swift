import MNLRuntime
import MNLSyntax
import TensorKit

/// The gradient rules of the differentiable builtins, by builtin name (looked up once, when
/// `Differentiable.wrap` declares the builtin). Each maps a traced call to `Traced`'s op of the
/// same meaning; the gradient itself is TensorKit's (Sources/TensorKit/Autodiff). A rule
/// returns nil to decline (the builtin's own body then runs: `max(a, b)` of two values).
/// Arguments a rule does not support with a traced tensor (`norm(x, ord=1)`) are refused
/// with `notDifferentiable`, never computed without their gradient.
enum DifferentiableRules {
    typealias Rule = (DifferentiableCall) throws -> Value?

    /// Built once and never changed (so unchecked for concurrency, as `Builtin` is).
    nonisolated(unsafe) static let rules: [String: Rule] = math.merging(reductions) { a, _ in a }.merging(movement) { a, _ in a }

    /// Wraps a rule's TensorKit errors as the language's.
    static func traced(_ body: @escaping (DifferentiableCall) throws -> Traced) -> Rule {
        { c in try bridging { .traced(try body(c)) } }
    }

    static func unary(_ f: @escaping (Traced) throws -> Traced) -> Rule { traced { try f(try $0.x()) } }

    static var math: [String: Rule] {
        [
            "exp": unary { try $0.exp() }, "log": unary { try $0.log() }, "sqrt": unary { try $0.sqrt() },
            "abs": unary { try $0.abs() }, "tanh": unary { try $0.tanh() }, "sigmoid": unary { try $0.sigmoid() },
            "relu": unary { try $0.relu() }, "square": unary { try $0.pow(2) },
            "softmax": traced { c in try c.x().softmax(axis: try c.axis("axis", default: -1)) },
            "log_softmax": traced { c in try c.x().logSoftmax(axis: try c.axis("axis", default: -1)) },
            "maximum": pairwise(Traced.maximum, Traced.maximum),
            "minimum": pairwise(Traced.minimum, Traced.minimum),
            "clip": traced(clip),
            "where": whereRule,
            "pow": traced { c in
                let x = try c.required("x"), p = try c.required("exponent")
                if case .number(let n) = p { return try c.traced(x).pow(n) }
                if case .number(let base) = x { return try Traced.pow(base, c.traced(p)) }
                return try Traced.pow(c.traced(x), c.traced(p))
            },
            "matmul": traced { c in try Traced.matmul(c.traced("a"), c.traced("b")) },
            "dot": traced { c in
                let a = try c.traced("a"), b = try c.traced("b")
                if a.ndim == 0 || b.ndim == 0 { return try Traced.multiply(a, b) }
                guard a.ndim <= 2, b.ndim <= 2 else { throw Diagnostic(.notDifferentiable(operation: "dot of tensors above 2-D (use matmul)"), at: nil) }
                return try Traced.matmul(a, b)
            },
            "astype": traced { c in
                guard let d = try TensorConversion.dtype(c.value("dtype"), function: "astype") else { return try c.x() }
                return try c.x().cast(to: d)
            },
            // Inside grad nothing stores into a traced tensor, so a copy may share its value.
            "copy": traced { c in try c.x() },
        ]
    }

    /// `maximum(a, b)` and `minimum(a, b)`: a plain number on either side is a scalar bound.
    static func pairwise(_ both: @escaping (Traced, Traced) throws -> Traced,
                         _ scalar: @escaping (Traced, Double) throws -> Traced) -> Rule {
        traced { c in
            let a = try c.required("a"), b = try c.required("b")
            if let s = TensorConversion.scalar(b) { return try scalar(c.traced(a), s) }
            if let s = TensorConversion.scalar(a) { return try scalar(c.traced(b), s) }
            return try both(c.traced(a), c.traced(b))
        }
    }

    /// `clip(x, min, max)`: number bounds clip (the gradient passes where min <= x <= max);
    /// tensor bounds are maximum and minimum, so a traced bound gets its share too.
    static func clip(_ c: DifferentiableCall) throws -> Traced {
        let lo = c.value("min"), hi = c.value("max")
        guard lo != nil || hi != nil else { throw Diagnostic(.invalidValue(function: "clip", message: "give min, max or both"), at: nil) }
        let x = try c.x()
        if [lo, hi].allSatisfy({ $0.map { TensorConversion.scalar($0) != nil } ?? true }) {
            return try x.clip(min: lo.flatMap(TensorConversion.scalar), max: hi.flatMap(TensorConversion.scalar))
        }
        var r = x
        if let lo { r = try Traced.maximum(r, c.traced(lo)) }
        if let hi { r = try Traced.minimum(r, c.traced(hi)) }
        return r
    }

    /// `where(condition, a, b)`: the condition is data (its value); a and b are differentiable.
    /// The one-argument form gives coordinates, read from the value as `nonzero` does; with
    /// one of a and b the rule declines and the builtin reports the missing one.
    static func whereRule(_ c: DifferentiableCall) throws -> Value? {
        let condition = try TensorConversion.tensor(Differentiable.detached(try c.required("condition")), argument: "where", dtype: .bool)
        guard let a = c.value("a"), let b = c.value("b") else {
            guard c.value("a") == nil && c.value("b") == nil else { return nil }
            return try bridging { .tuple(try TensorIndexing.coordinates(condition).map(Value.tensor)) }
        }
        return try bridging {
            if let s = TensorConversion.scalar(b), TensorConversion.scalar(a) == nil {
                return .traced(try Traced.where(condition, c.traced(a), s))
            }
            if let s = TensorConversion.scalar(a), TensorConversion.scalar(b) == nil {
                return .traced(try Traced.where(condition, s, c.traced(b)))
            }
            return .traced(try Traced.where(condition, c.traced(a), c.traced(b)))
        }
    }

    static var reductions: [String: Rule] {
        [
            "sum": sumRule,
            "mean": traced { c in try castForDType(c).mean(axes: c.axes(), keepdims: c.keepdims()) },
            "max": extreme { try $0.max(axes: $1, keepdims: $2) },
            "min": extreme { try $0.min(axes: $1, keepdims: $2) },
            "std": traced { c in try c.x().std(axes: c.axes(), keepdims: c.keepdims(), ddof: c.int("ddof", default: 0)) },
            "var": traced { c in try c.x().variance(axes: c.axes(), keepdims: c.keepdims(), ddof: c.int("ddof", default: 0)) },
            "logsumexp": traced { c in try c.x().logsumexp(axes: c.axes(), keepdims: c.keepdims()) },
            "norm": traced { c in
                // The 2-norm (Frobenius over several axes) has a rule; other orders have none.
                if let ord = c.value("ord"), !isFrobenius(ord) {
                    let vector = try (c.axes()?.count ?? c.x().ndim) <= 1
                    guard ord.numberValue == 2 && vector else {
                        throw Diagnostic(.notDifferentiable(operation: "norm with ord=\(ord.rendered())"), at: nil)
                    }
                }
                return try c.x().norm(axes: c.axes(), keepdims: c.keepdims())
            },
        ]
    }

    static func isFrobenius(_ v: Value) -> Bool {
        if case .string("fro") = v { return true }
        return false
    }

    /// `sum`: of a tensor (axis=, keepdims=, dtype=), or Python's sum of a list of values,
    /// some traced (`sum([w[i] * x[i] for i in range(n)])`), added one by one.
    static func sumRule(_ c: DifferentiableCall) throws -> Value? {
        guard let v = c.subject() else { return nil }
        if case .list(let l) = v { return try addAll(l.items) }
        if case .tuple(let t) = v { return try addAll(t.items) }
        return try bridging { .traced(try castForDType(c).sum(axes: c.axes(), keepdims: c.keepdims())) }
    }

    static func addAll(_ items: [Value]) throws -> Value {
        var total = Value.number(0)
        for item in items {
            if case .native(let o as TensorObject) = total { total = try o.binary(.add, item, reversed: false) ?? total; continue }
            if case .native(let o as TensorObject) = item { total = try o.binary(.add, total, reversed: true) ?? total; continue }
            guard case .number(let s) = total, let n = item.numberValue else {
                throw Diagnostic(.unsupportedOperands(op: "+", lhs: total.typeName, rhs: item.typeName), at: nil)
            }
            total = .number(s + n)
        }
        return total
    }

    /// The subject in the dtype= of the call, when one is given.
    static func castForDType(_ c: DifferentiableCall) throws -> Traced {
        guard let d = try TensorConversion.dtype(c.value("dtype"), function: c.name) else { return try c.x() }
        return try c.x().cast(to: d)
    }

    /// `max`/`min` of one tensor (the function of several values declines: it picks one of
    /// them, which keeps its trace).
    static func extreme(_ f: @escaping (Traced, [Int]?, Bool) throws -> Traced) -> Rule {
        { c in
            guard let v = c.subject() else { return nil }
            return try bridging { .traced(try f(c.traced(v), c.axes(), c.keepdims())) }
        }
    }
}
