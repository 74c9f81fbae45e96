import MNLSyntax

/// `x in xs` and `x not in xs` on every container.
enum Membership {
    static func contains(_ element: Value, in container: Value, _ ctx: CallContext) throws -> Bool {
        switch container {
        case .list(let l): return try l.items.contains { try Operators.equal($0, element) }
        case .tuple(let t): return try t.items.contains { try Operators.equal($0, element) }
        case .record(let r): return r[try RecordKey(element)] != nil
        case .range(let r): return inRange(element, r)
        case .string(let s):
            guard case .string(let part) = element else { break }
            return part.isEmpty || s.contains(part)
        case .native(let o): if let found = try o.contains(element, ctx) { return found }
        default: break
        }
        throw Diagnostic(.unsupportedOperands(op: "in", lhs: element.typeName, rhs: container.typeName), at: nil)
    }

    /// Without walking the range: an integer between the bounds on the step's grid.
    private static func inRange(_ element: Value, _ r: RangeBox) -> Bool {
        guard case .number(let n) = element, let i = exactInt(n), r.count > 0 else { return false }
        let offset = i.subtractingReportingOverflow(r.start)
        guard !offset.overflow, offset.partialValue % r.step == 0 else { return false }
        let k = offset.partialValue / r.step
        return k >= 0 && k < r.count
    }
}

/// `&`, `|`, `^` and `~` on plain values: integers (numbers that are integral) bit by bit in
/// two's complement, as Python's ints; bools logically (`~true` is false, as for NumPy's bools).
enum Bitwise {
    static func numbers(_ op: BinaryOperator, _ x: Double, _ y: Double) throws -> Double {
        let a = try integer(x, op), b = try integer(y, op)
        switch op {
        case .bitAnd: return Double(a & b)
        case .bitOr: return Double(a | b)
        default: return Double(a ^ b)
        }
    }

    static func bools(_ op: BinaryOperator, _ x: Bool, _ y: Bool) -> Bool {
        switch op {
        case .bitAnd: x && y
        case .bitOr: x || y
        default: x != y
        }
    }

    static func invert(_ v: Value, _ ctx: CallContext) throws -> Value {
        switch v {
        case .number(let n): return .number(Double(~(try integer(n, .bitXor, symbol: "~"))))
        case .bool(let b): return .bool(!b)
        case .native(let o): if let r = try o.invert(ctx) { return r }
        default: break
        }
        throw Diagnostic(.unsupportedOperand(op: "~", operand: v.typeName), at: nil)
    }

    /// `n` as an integer: bitwise operators refuse fractions (and numbers past ±2⁵³).
    private static func integer(_ n: Double, _ op: BinaryOperator, symbol: String? = nil) throws -> Int64 {
        guard let i = exactInt(n) else {
            throw Diagnostic(.notAnIntegerForBitwise(op: symbol ?? op.rawValue, value: Formatting.number(n)), at: nil)
        }
        return Int64(i)
    }
}

extension BinaryOperator {
    public var isBitwise: Bool { self == .bitAnd || self == .bitOr || self == .bitXor }
}

extension Value {
    var isNil: Bool { if case .null = self { true } else { false } }
}
