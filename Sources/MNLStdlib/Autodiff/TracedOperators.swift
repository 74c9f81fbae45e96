import MNLRuntime
import MNLSyntax
import TensorKit

/// Operators, indexing and iteration on traced tensors (inside `grad`): they record on the
/// tape through `Traced`'s ops, so `w * x + b`, `-x`, `x[:, 1:3]` and `for row in w` keep
/// their gradient. `TensorObject` calls these first whenever a side is traced; everything
/// else about a tensor (comparisons, truth, printing, shape) reads the value.
extension TensorObject {
    /// True when `v` is a tensor recorded on a tape.
    static func isTraced(_ v: Value) -> Bool {
        if case .native(let o) = v, let t = o as? TensorObject { return t.traced != nil }
        return false
    }

    /// `self op other` (or `other op self` when reversed) when either side is traced.
    func tracedBinary(_ op: BinaryOperator, _ other: Value, reversed: Bool) throws -> Value {
        let mine = tracedValue
        if let s = TensorConversion.scalar(other) {
            return try bridging { .traced(try TracedArithmetic.apply(op, mine, s, scalarFirst: reversed)) }
        }
        let theirs = try TensorConversion.traced(other, argument: op.rawValue)
        return try bridging { .traced(try TracedArithmetic.apply(op, reversed ? theirs : mine, reversed ? mine : theirs)) }
    }

    /// `x[...]` read from a traced tensor: a gather whose gradient scatters back.
    func tracedGet(_ t: Traced, _ items: [IndexArgument]) throws -> Value {
        let components = try TensorConversion.index(items)
        return try bridging { .traced(try t.get(components)) }
    }

    /// `for row in x` over a traced tensor: each row is a traced read `x[i]`.
    func tracedRows(_ t: Traced) throws -> ValueIterator {
        guard let n = t.shape.first else { throw Diagnostic(.notIterable(type: "0-dimensional tensor"), at: nil) }
        var i = 0
        return ValueIterator {
            guard i < n else { return nil }
            defer { i += 1 }
            return try bridging { .traced(try t.get([.int(i)])) }
        }
    }

    /// Stores lose the gradient (the tape saw the old value), so inside `grad` they are
    /// refused whenever the target or the stored value is traced, as JAX refuses them.
    /// `x op= v` on a 0-d tensor rebinds x (it acts as a number), which keeps the gradient.
    func checkStore(_ operation: String, _ value: Value?) throws {
        guard traced != nil || value.map(TensorObject.isTraced) == true else { return }
        throw Diagnostic(.storeInsideGrad(operation: operation), at: nil)
    }
}

extension Value {
    /// A traced result as a language value (a constant result is an ordinary tensor).
    static func traced(_ t: Traced) -> Value { .native(TensorObject(traced: t)) }
}

extension TensorConversion {
    /// Any tensor operand as differentiable code takes it: a traced tensor as it is, anything
    /// else (a plain tensor, a number, a list of numbers) as a constant.
    static func traced(_ v: Value, argument: String) throws -> Traced {
        if case .native(let o) = v, let t = o as? TensorObject { return t.tracedValue }
        return Traced(constant: try tensor(v, argument: argument))
    }
}

/// The language's arithmetic operators on traced values.
enum TracedArithmetic {
    static func apply(_ op: BinaryOperator, _ a: Traced, _ b: Traced) throws -> Traced {
        switch op {
        case .add: try Traced.add(a, b)
        case .subtract: try Traced.subtract(a, b)
        case .multiply: try Traced.multiply(a, b)
        case .divide: try Traced.divide(a, b)
        case .power: try Traced.pow(a, b)
        case .matmul: try Traced.matmul(a, b)
        default: throw Diagnostic(.notDifferentiable(operation: op.rawValue), at: nil)
        }
    }

    /// With a plain number `s` on one side (before the tensor when `scalarFirst`); the number
    /// is weak, as in TensorKit's scalar kernels, so float32 stays float32.
    static func apply(_ op: BinaryOperator, _ x: Traced, _ s: Double, scalarFirst: Bool) throws -> Traced {
        switch (op, scalarFirst) {
        case (.add, _): return try Traced.add(x, s)
        case (.subtract, false): return try Traced.subtract(x, s)
        case (.subtract, true): return try Traced.subtract(s, x)
        case (.multiply, _): return try Traced.multiply(x, s)
        case (.divide, false): return try Traced.divide(x, s)
        case (.divide, true): return try Traced.divide(s, x)
        case (.power, false): return try x.pow(s)
        case (.power, true): return try Traced.pow(s, x)
        case (.matmul, _):
            throw Diagnostic(.unsupportedOperands(op: "@", lhs: scalarFirst ? "number" : "tensor", rhs: scalarFirst ? "tensor" : "number"), at: nil)
        default: throw Diagnostic(.notDifferentiable(operation: op.rawValue), at: nil)
        }
    }
}
