import MNLSyntax

/// A binary operator's meaning on two numbers; nil sends the operands down the general path
/// (which reports division by zero, or handles strings, lists and tensors).
protocol NumberOperation {
    static var op: BinaryOperator { get }
    static func apply(_ a: Double, _ b: Double) -> Double?
}

enum AddOp: NumberOperation {
    static let op = BinaryOperator.add
    @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double? { a + b }
}
enum SubtractOp: NumberOperation {
    static let op = BinaryOperator.subtract
    @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double? { a - b }
}
enum MultiplyOp: NumberOperation {
    static let op = BinaryOperator.multiply
    @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double? { a * b }
}
enum DivideOp: NumberOperation {
    static let op = BinaryOperator.divide
    @inline(__always) static func apply(_ a: Double, _ b: Double) -> Double? { b == 0 ? nil : a / b }
}

/// A comparison's meaning on two numbers.
protocol NumberComparison {
    static var op: CompareOperator { get }
    static func apply(_ a: Double, _ b: Double) -> Bool
}

enum LessCmp: NumberComparison {
    static let op = CompareOperator.less
    @inline(__always) static func apply(_ a: Double, _ b: Double) -> Bool { a < b }
}
enum LessEqualCmp: NumberComparison {
    static let op = CompareOperator.lessEqual
    @inline(__always) static func apply(_ a: Double, _ b: Double) -> Bool { a <= b }
}
enum GreaterCmp: NumberComparison {
    static let op = CompareOperator.greater
    @inline(__always) static func apply(_ a: Double, _ b: Double) -> Bool { a > b }
}
enum GreaterEqualCmp: NumberComparison {
    static let op = CompareOperator.greaterEqual
    @inline(__always) static func apply(_ a: Double, _ b: Double) -> Bool { a >= b }
}
enum EqualCmp: NumberComparison {
    static let op = CompareOperator.equal
    @inline(__always) static func apply(_ a: Double, _ b: Double) -> Bool { a == b }
}
enum NotEqualCmp: NumberComparison {
    static let op = CompareOperator.notEqual
    @inline(__always) static func apply(_ a: Double, _ b: Double) -> Bool { a != b }
}

extension Compiler {
    func binary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, _ range: SourceRange) -> Code {
        numericFirst(op, a, b) { generalBinary(op, a, b, range) }
    }

    func generalBinary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, _ range: SourceRange) -> Code {
        let l = operand(a), r = operand(b)
        switch op {
        case .add: return arithmetic(AddOp.self, l, r, range)
        case .subtract: return arithmetic(SubtractOp.self, l, r, range)
        case .multiply: return arithmetic(MultiplyOp.self, l, r, range)
        case .divide: return arithmetic(DivideOp.self, l, r, range)
        default:
            return { f in
                let x = try l.load(f), y = try r.load(f)
                return try located(range) { try Operators.binary(op, x, y, CallContext(interp: f.interp)) }
            }
        }
    }

    /// One generic fast path for number-number arithmetic, specialised per operation and per
    /// operand kinds.
    func arithmetic<Op: NumberOperation>(_: Op.Type, _ l: Operand, _ r: Operand, _ range: SourceRange) -> Code {
        Operand.specialise(l, r, ArithmeticBuilder<Op>(range: range))
    }

    func comparison(_ first: Expr, _ rest: [(CompareOperator, Expr)], _ range: SourceRange) -> Code {
        if rest.count == 1, let (op, e) = rest.first, op != .contains, op != .notContains {
            let l = operand(first), r = operand(e)
            switch op {
            case .less: return compare(LessCmp.self, l, r, range)
            case .lessEqual: return compare(LessEqualCmp.self, l, r, range)
            case .greater: return compare(GreaterCmp.self, l, r, range)
            case .greaterEqual: return compare(GreaterEqualCmp.self, l, r, range)
            case .equal: return compare(EqualCmp.self, l, r, range)
            case .notEqual: return compare(NotEqualCmp.self, l, r, range)
            case .contains, .notContains: break
            }
        }
        // A chain `a < b < c`: each operand evaluated once, stopping at the first false.
        let head = expression(first)
        let links = rest.map { ($0.0, expression($0.1)) }
        return { f in
            var lhs = try head(f)
            var result = Value.bool(true)
            for (op, code) in links {
                let rhs = try code(f)
                result = try located(range) { try Operators.compare(op, lhs, rhs, CallContext(interp: f.interp)) }
                if try !truth(result, at: range) { return result }
                lhs = rhs
            }
            return result
        }
    }

    func compare<Op: NumberComparison>(_: Op.Type, _ l: Operand, _ r: Operand, _ range: SourceRange) -> Code {
        Operand.specialise(l, r, ComparisonBuilder<Op>(range: range))
    }
}

struct ArithmeticBuilder<Op: NumberOperation>: OperandPairBuilder {
    let range: SourceRange
    func build<L: OperandLoader, R: OperandLoader>(_ l: L, _ r: R) -> Code {
        let range = range
        return { f in
            let a = try l.load(f), b = try r.load(f)
            if case .number(let x) = a, case .number(let y) = b, let z = Op.apply(x, y) { return .number(z) }
            return try located(range) { try Operators.binary(Op.op, a, b, CallContext(interp: f.interp)) }
        }
    }
}

struct ComparisonBuilder<Op: NumberComparison>: OperandPairBuilder {
    let range: SourceRange
    func build<L: OperandLoader, R: OperandLoader>(_ l: L, _ r: R) -> Code {
        let range = range
        return { f in
            let a = try l.load(f), b = try r.load(f)
            if case .number(let x) = a, case .number(let y) = b { return .bool(Op.apply(x, y)) }
            return try located(range) { try Operators.compare(Op.op, a, b, CallContext(interp: f.interp)) }
        }
    }
}
