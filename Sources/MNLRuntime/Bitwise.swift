import MNLSyntax

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
