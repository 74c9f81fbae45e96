import Foundation
import MNLSyntax

/// The general meaning of operators on every kind of value: numbers (the compiled fast
/// paths handle the common cases first), strings, lists, tuples, and native objects, which
/// are asked first whenever one side is native.
enum Operators {
    static func binary(_ op: BinaryOperator, _ a: Value, _ b: Value, _ ctx: CallContext) throws -> Value {
        if case .native(let o) = a, let v = try o.binary(op, b, reversed: false, ctx) { return v }
        if case .native(let o) = b, let v = try o.binary(op, a, reversed: true, ctx) { return v }
        switch (a, b) {
        case (.number(let x), .number(let y)): return .number(try numbers(op, x, y))
        case (.bool(let x), .bool(let y)) where op.isBitwise: return .bool(Bitwise.bools(op, x, y))
        case (.bool, _), (_, .bool):
            if let x = a.numeric, let y = b.numeric { return .number(try numbers(op, x, y)) }
        case (.string(let x), .string(let y)) where op == .add: return .string(try concatenated(x, y))
        case (.string(let s), .number(let n)) where op == .multiply: return .string(try repeated(s, n))
        case (.number(let n), .string(let s)) where op == .multiply: return .string(try repeated(s, n))
        case (.list(let x), .list(let y)) where op == .add: return .list(ListBox(try concatenated(x.items, y.items)))
        case (.list(let l), .number(let n)) where op == .multiply: return .list(ListBox(try repeated(l.items, n)))
        case (.tuple(let x), .tuple(let y)) where op == .add: return .tuple(try concatenated(x.items, y.items))
        default: break
        }
        throw Diagnostic(.unsupportedOperands(op: op.rawValue, lhs: a.typeName, rhs: b.typeName), at: nil)
    }

    /// Python's rules: `/` and `//` and `%` by zero are errors, `%` takes the divisor's sign.
    static func numbers(_ op: BinaryOperator, _ x: Double, _ y: Double) throws -> Double {
        switch op {
        case .add: return x + y
        case .subtract: return x - y
        case .multiply: return x * y
        case .divide:
            guard y != 0 else { throw Diagnostic(.divisionByZero, at: nil) }
            return x / y
        case .floorDivide:
            guard y != 0 else { throw Diagnostic(.divisionByZero, at: nil) }
            return (x / y).rounded(.down)
        case .modulo:
            guard y != 0 else { throw Diagnostic(.divisionByZero, at: nil) }
            let r = x.truncatingRemainder(dividingBy: y)
            return r != 0 && (r < 0) != (y < 0) ? r + y : r
        case .power:
            if x == 0 && y < 0 { throw Diagnostic(.divisionByZero, at: nil) }
            return Foundation.pow(x, y)
        case .matmul:
            throw Diagnostic(.unsupportedOperands(op: "@", lhs: "number", rhs: "number"), at: nil)
        case .bitAnd, .bitOr, .bitXor: return try Bitwise.numbers(op, x, y)
        }
    }

    /// `x + y`, once the result fits beside its operands (which are held until it is made),
    /// built at its exact size rather than with a growing string's spare capacity.
    static func concatenated(_ x: String, _ y: String) throws -> String {
        let size = x.utf8.count &+ y.utf8.count
        try Allocation.check(bytes: size < 0 ? nil : size &* 2)
        var result = ""
        result.reserveCapacity(size)
        result += x
        result += y
        return result
    }

    static func concatenated(_ x: [Value], _ y: [Value]) throws -> [Value] {
        try Allocation.check(values: (x.count &+ y.count) &* 2)
        return x + y
    }

    static func repeated(_ s: String, _ n: Double) throws -> String {
        let k = try repeatCount(n, unit: s.utf8.count)
        return s.isEmpty ? "" : String(repeating: s, count: k)
    }

    static func repeated(_ items: [Value], _ n: Double) throws -> [Value] {
        let k = try repeatCount(n, unit: items.count &* MemoryLayout<Value>.stride)
        if items.isEmpty { return [] }
        return Array([[Value]](repeating: items, count: k).joined())
    }

    /// How many copies `* n` makes, once the result (`unit` bytes a copy) fits the budget.
    private static func repeatCount(_ n: Double, unit: Int) throws -> Int {
        let k = Swift.max(0, try IntegerConversion.int(n, what: "repeat count"))
        let (bytes, overflow) = unit.multipliedReportingOverflow(by: k)
        try Allocation.check(bytes: overflow ? nil : bytes)
        return k
    }

    static func negate(_ v: Value, _ ctx: CallContext) throws -> Value {
        switch v {
        case .number(let n): return .number(-n)
        case .bool(let b): return .number(b ? -1 : 0)
        case .native(let o): if let r = try o.negate(ctx) { return r }
        default: break
        }
        throw Diagnostic(.unsupportedOperand(op: "-", operand: v.typeName), at: nil)
    }

    /// The truth of `a op b` (not `in`), as `truth(compare(op, a, b))` gives it, without
    /// making the result value when both sides are numbers or a native object answers
    /// directly (a scalar tensor against a number).
    static func compareTruth(_ op: CompareOperator, _ a: Value, _ b: Value, _ ctx: CallContext) throws -> Bool {
        if case .number(let x) = a, case .number(let y) = b {
            switch op {
            case .less: return x < y
            case .lessEqual: return x <= y
            case .greater: return x > y
            case .greaterEqual: return x >= y
            case .equal: return x == y
            case .notEqual: return x != y
            case .contains, .notContains: break
            }
        }
        if case .native(let o) = a, let t = o.compareTruth(op, b, reversed: false) { return t }
        if case .native(let o) = b, let t = o.compareTruth(op, a, reversed: true) { return t }
        return try compare(op, a, b, ctx).truthValue()
    }

    static func compare(_ op: CompareOperator, _ a: Value, _ b: Value, _ ctx: CallContext) throws -> Value {
        switch op {
        case .contains: return .bool(try Membership.contains(a, in: b, ctx))
        case .notContains: return .bool(try !Membership.contains(a, in: b, ctx))
        case .equal, .notEqual:
            // `x == nil` is a plain bool for every value: a tensor is never nil.
            if a.isNil || b.isNil { return .bool((a.isNil && b.isNil) == (op == .equal)) }
        default: break
        }
        if case .native(let o) = a, let v = try o.compare(op, b, reversed: false, ctx) { return v }
        if case .native(let o) = b, let v = try o.compare(op, a, reversed: true, ctx) { return v }
        switch op {
        case .equal: return .bool(try equal(a, b))
        case .notEqual: return .bool(try !equal(a, b))
        default:
            guard let order = try ordering(a, b) else {
                throw Diagnostic(.unsupportedOperands(op: op.rawValue, lhs: a.typeName, rhs: b.typeName), at: nil)
            }
            switch op {
            case .less: return .bool(order < 0)
            case .lessEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        }
    }

    /// How deep `==`, `<` and `sort` look into nested lists, records and tuples (Python's
    /// recursion limit). Two distinct lists that contain themselves would otherwise be
    /// compared forever; they end in this error, as in Python.
    static let comparisonDepthLimit = 1000

    /// Structural equality for plain values; identity for functions and native objects.
    /// A list or record is equal to itself without a look inside (as in Python), so
    /// `x == x` holds for a list that contains itself.
    static func equal(_ a: Value, _ b: Value) throws -> Bool { try equal(a, b, depth: 0) }

    private static func equal(_ a: Value, _ b: Value, depth: Int) throws -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.list(let x), .list(let y)): return try x === y || sequencesEqual(x.items, y.items, depth: depth + 1)
        case (.tuple(let x), .tuple(let y)): return try x === y || sequencesEqual(x.items, y.items, depth: depth + 1)
        case (.record(let x), .record(let y)):
            if x === y { return true }
            guard x.count == y.count else { return false }
            try checkDepth(depth + 1)
            // Python's dicts are equal whatever the order of their keys.
            for (k, v) in x.entries {
                guard let w = y[k], try equal(v, w, depth: depth + 1) else { return false }
            }
            return true
        case (.range(let x), .range(let y)): return x.start == y.start && x.stop == y.stop && x.step == y.step
        case (.closure(let x), .closure(let y)): return x === y
        case (.builtin(let x), .builtin(let y)): return x === y
        case (.native(let x), .native(let y)):
            if x === y { return true }
            guard let p = x.scalarNumber, let q = y.scalarNumber else { return false }
            return p == q
        case (.native(let x), .number(let y)), (.number(let y), .native(let x)):
            return x.scalarNumber == y
        case (.instance(let x), .instance(let y)): return x === y
        case (.classType(let x), .classType(let y)): return x === y
        case (.boundMethod(let x), .boundMethod(let y)): return x.receiver === y.receiver && x.method === y.method
        default: return false
        }
    }

    private static func sequencesEqual(_ x: [Value], _ y: [Value], depth: Int) throws -> Bool {
        guard x.count == y.count else { return false }
        try checkDepth(depth)
        for (p, q) in zip(x, y) where try !equal(p, q, depth: depth) { return false }
        return true
    }

    private static func checkDepth(_ depth: Int) throws {
        guard depth <= comparisonDepthLimit else {
            throw Diagnostic(.valueTooDeep(operation: "compare", limit: comparisonDepthLimit), at: nil)
        }
    }

    /// -1, 0 or 1 for orderable pairs (numbers, strings, lists and tuples element-wise); nil otherwise.
    static func ordering(_ a: Value, _ b: Value) throws -> Int? { try ordering(a, b, depth: 0) }

    private static func ordering(_ a: Value, _ b: Value, depth: Int) throws -> Int? {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.string(let x), .string(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.list(let x), .list(let y)): return try sequenceOrdering(x.items, y.items, depth: depth + 1)
        case (.tuple(let x), .tuple(let y)): return try sequenceOrdering(x.items, y.items, depth: depth + 1)
        default:
            // Scalars from tensors sort among numbers (`sorted([x.max(), 0.5])`).
            guard let x = a.numberValue, let y = b.numberValue else { return nil }
            return x < y ? -1 : (x > y ? 1 : 0)
        }
    }

    /// Python's rule: the first pair of elements that are not equal decides (so equal
    /// elements need not be orderable, and `x < x` is false for a list that contains
    /// itself); when one sequence is a prefix of the other, the shorter is smaller.
    private static func sequenceOrdering(_ x: [Value], _ y: [Value], depth: Int) throws -> Int? {
        try checkDepth(depth)
        for (p, q) in zip(x, y) {
            if case .number(let a) = p, case .number(let b) = q {
                // The common case (rows of numbers, sort keys) without the general walk.
                if a < b { return -1 }
                if a > b { return 1 }
                continue
            }
            if try equal(p, q, depth: depth) { continue }
            return try ordering(p, q, depth: depth)
        }
        return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
    }

    static func makeRange(_ a: Value, _ b: Value) throws -> Value {
        guard let x = a.numberValue, let y = b.numberValue else {
            throw Diagnostic(.unsupportedOperands(op: "..", lhs: a.typeName, rhs: b.typeName), at: nil)
        }
        let start = try IntegerConversion.int(x, what: "range start")
        let stop = try IntegerConversion.int(y, what: "range end")
        return .range(RangeBox(start: start, stop: stop, step: 1))
    }

    /// A slice bound: an integer or nil.
    static func sliceBound(_ v: Value) throws -> Int? {
        switch v {
        case .null: return nil
        case .number(let n):
            return try IntegerConversion.int(n, what: "slice bound")
        case .native(let o) where o.scalarNumber != nil:
            return try IntegerConversion.int(o.scalarNumber ?? 0, what: "slice bound")
        default:
            throw Diagnostic(.badArgument(function: "slice", position: 1, name: "", expected: "integer", got: v.typeName), at: nil)
        }
    }
}


extension Value {
    /// Numbers, and bools as 0/1.
    var numeric: Double? {
        switch self {
        case .number(let n): n
        case .bool(let b): b ? 1 : 0
        case .native(let o): o.scalarNumber
        default: nil
        }
    }

    /// The number a number or a scalar object (a 0-d tensor) stands for; nil for bools and
    /// everything else.
    public var numberValue: Double? {
        switch self {
        case .number(let n): n
        case .native(let o): o.scalarNumber
        default: nil
        }
    }
}
