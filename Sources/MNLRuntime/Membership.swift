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

extension Value {
    var isNil: Bool { if case .null = self { true } else { false } }
}
