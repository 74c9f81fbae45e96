import MNLSyntax

/// The numeric form of an arithmetic expression tree: `theta0 + theta1 * x - y` over number
/// literals and plain (local or global) variables, computed on `Double`s with no `Value`
/// built or copied between its operators. It cannot fail and has no side effects: when an
/// operand is not a number (a tensor, a string, an undefined global) or a division is by
/// zero it gives nil, and the caller runs the general code, which evaluates the same
/// operands again and produces the same value or error as it always would.
typealias NumberCode = (Frame) -> Double?

/// An operand of a numeric tree.
enum NumberOperand {
    case slot(Int)
    case constant(Double)
    case global(UnsafeMutablePointer<Value>)
    case code(NumberCode)

    /// True for operators (subtrees), false for leaves.
    var isTree: Bool { if case .code = self { true } else { false } }

    /// Builds `builder` over the concrete loader types of `left` and `right`.
    static func specialise<B: NumberPairBuilder>(_ left: NumberOperand, _ right: NumberOperand, _ builder: B) -> B.Result {
        switch right {
        case .slot(let s): left.withLoader(right: SlotNumber(slot: s), builder)
        case .constant(let d): left.withLoader(right: ConstantNumber(value: d), builder)
        case .global(let p): left.withLoader(right: GlobalNumber(pointer: p), builder)
        case .code(let c): left.withLoader(right: NestedNumber(code: c), builder)
        }
    }

    private func withLoader<B: NumberPairBuilder, R: NumberLoader>(right r: R, _ builder: B) -> B.Result {
        switch self {
        case .slot(let s): builder.build(SlotNumber(slot: s), r)
        case .constant(let d): builder.build(ConstantNumber(value: d), r)
        case .global(let p): builder.build(GlobalNumber(pointer: p), r)
        case .code(let c): builder.build(NestedNumber(code: c), r)
        }
    }
}

extension Compiler {
    /// The numeric form of `e` when it is `+ - * /` and unary minus over number literals and
    /// plain variables; nil for anything else.
    func numeric(_ e: Expr) -> NumberOperand? {
        switch e.kind {
        case .number(let n): return .constant(n)
        case .name:
            switch operand(e) {
            case .slot(let s): return .slot(s)
            case .global(let p, _, _): return .global(p)
            default: return nil
            }
        case .binary(let op, let a, let b):
            guard let l = numeric(a), let r = numeric(b), let code = numericBinary(op, l, r) else { return nil }
            return .code(code)
        case .index(let base, let items):
            return element(base, items)
        case .unary(.negate, let x):
            guard let v = numeric(x) else { return nil }
            return .code(NumberOperand.specialise(v, .constant(0), NumberNegation()).run)
        default: return nil
        }
    }

    /// `xs[i]` with a plain variable `xs` and a numeric index: a list element read, which
    /// has no side effects either (anything but a number at a valid index gives nil).
    func element(_ base: Expr, _ items: [IndexItem]) -> NumberOperand? {
        guard items.count == 1, case .single(let indexExpr) = items[0], let index = numeric(indexExpr) else { return nil }
        switch operand(base) {
        case .slot(let s): return .code(NumberOperand.specialise(index, .constant(0), ElementNumber(list: SlotList(slot: s))).run)
        case .global(let p, _, _): return .code(NumberOperand.specialise(index, .constant(0), ElementNumber(list: GlobalList(pointer: p))).run)
        default: return nil
        }
    }

    func numericBinary(_ op: BinaryOperator, _ l: NumberOperand, _ r: NumberOperand) -> NumberCode? {
        switch op {
        case .add: NumberOperand.specialise(l, r, NumberArithmetic<AddOp>()).run
        case .subtract: NumberOperand.specialise(l, r, NumberArithmetic<SubtractOp>()).run
        case .multiply: NumberOperand.specialise(l, r, NumberArithmetic<MultiplyOp>()).run
        case .divide: NumberOperand.specialise(l, r, NumberArithmetic<DivideOp>()).run
        default: nil
        }
    }

    /// `general`, tried first in numeric form when `a op b` is an arithmetic tree (at least two
    /// operators; a single operator on leaves is already specialised).
    /// The numeric form covers the whole tree, so `general`'s subtrees (which run only when it
    /// gives nil) are compiled without one of their own: a numeric form per level would make a
    /// chain of n terms cost n²/2 closures.
    func numericFirst(_ op: BinaryOperator, _ a: Expr, _ b: Expr, _ general: () -> Code) -> Code {
        guard !compilingNumericFallback, let l = numeric(a), let r = numeric(b), l.isTree || r.isTree,
              let number = numericBinary(op, l, r) else { return general() }
        compilingNumericFallback = true
        let general = general()
        compilingNumericFallback = false
        return { f in
            if let d = number(f) { return .number(d) }
            return try general(f)
        }
    }

    /// A condition (`if`, `while`) as a Bool. A comparison of numeric operands compares
    /// doubles; anything else is the value's truth.
    func condition(_ e: Expr) -> (Frame) throws -> Bool {
        let general = expression(e)
        if case .comparison(let first, let rest) = e.kind, rest.count == 1, let (op, second) = rest.first,
           op != .contains, op != .notContains, let l = numeric(first), let r = numeric(second) {
            switch op {
            case .less: return NumberOperand.specialise(l, r, NumberCondition<LessCmp>(general: general, range: e.range)).run
            case .lessEqual: return NumberOperand.specialise(l, r, NumberCondition<LessEqualCmp>(general: general, range: e.range)).run
            case .greater: return NumberOperand.specialise(l, r, NumberCondition<GreaterCmp>(general: general, range: e.range)).run
            case .greaterEqual: return NumberOperand.specialise(l, r, NumberCondition<GreaterEqualCmp>(general: general, range: e.range)).run
            case .equal: return NumberOperand.specialise(l, r, NumberCondition<EqualCmp>(general: general, range: e.range)).run
            case .notEqual: return NumberOperand.specialise(l, r, NumberCondition<NotEqualCmp>(general: general, range: e.range)).run
            case .contains, .notContains: break
            }
        }
        let range = e.range
        if case .comparison(let first, let rest) = e.kind, rest.count == 1, let (op, second) = rest.first,
           op != .contains, op != .notContains {
            // Operands that may be scalar tensors (`if img[r, c] > 0.5`): the outcome is asked
            // for as a Bool, so no 0-d bool tensor is made just to be tested.
            let l = expression(first), r = expression(second)
            return { f in
                let a = try l(f), b = try r(f)
                return try located(range) { try Operators.compareTruth(op, a, b, CallContext(interp: f.interp)) }
            }
        }
        return { f in try truth(try general(f), at: range) }
    }
}

/// A statically typed numeric operand: the tree's closures are specialised on the kinds of
/// their two operands, so a leaf is a plain memory read.
protocol NumberLoader {
    func number(_ f: Frame) -> Double?
}

struct SlotNumber: NumberLoader {
    let slot: Int
    @inline(__always) func number(_ f: Frame) -> Double? {
        if case .number(let d) = f.slots[slot] { return d }
        return nil
    }
}

struct ConstantNumber: NumberLoader {
    let value: Double
    @inline(__always) func number(_ f: Frame) -> Double? { value }
}

/// A global: an undefined one holds nil, which is not a number.
struct GlobalNumber: NumberLoader {
    let pointer: UnsafeMutablePointer<Value>
    @inline(__always) func number(_ f: Frame) -> Double? {
        if case .number(let d) = pointer.pointee { return d }
        return nil
    }
}

struct NestedNumber: NumberLoader {
    let code: NumberCode
    @inline(__always) func number(_ f: Frame) -> Double? { code(f) }
}

/// Something to build from two statically typed numeric operands. `Result` is a struct
/// holding the closure: a closure returned bare through the associated type would be
/// reabstracted, and called through a thunk on every run.
protocol NumberPairBuilder {
    associatedtype Result
    func build<L: NumberLoader, R: NumberLoader>(_ l: L, _ r: R) -> Result
}

struct NumberFunction {
    let run: NumberCode
}

struct ConditionFunction {
    let run: (Frame) throws -> Bool
}

struct NumberArithmetic<Op: NumberOperation>: NumberPairBuilder {
    func build<L: NumberLoader, R: NumberLoader>(_ l: L, _ r: R) -> NumberFunction {
        NumberFunction { f in
            guard let a = l.number(f), let b = r.number(f) else { return nil }
            return Op.apply(a, b)
        }
    }
}

/// `-x` (the right operand is unused).
struct NumberNegation: NumberPairBuilder {
    func build<L: NumberLoader, R: NumberLoader>(_ l: L, _ r: R) -> NumberFunction {
        NumberFunction { f in l.number(f).map { -$0 } }
    }
}

/// A comparison of two numeric operands as a condition; the general code (the comparison
/// as a value) when either is not a number.
struct NumberCondition<Op: NumberComparison>: NumberPairBuilder {
    let general: Code
    let range: SourceRange
    func build<L: NumberLoader, R: NumberLoader>(_ l: L, _ r: R) -> ConditionFunction {
        let general = general, range = range
        return ConditionFunction { f in
            if let a = l.number(f), let b = r.number(f) { return Op.apply(a, b) }
            return try truth(try general(f), at: range)
        }
    }
}

/// Where a numeric list read finds its list.
protocol ListLoader {
    func list(_ f: Frame) -> ListBox?
}

struct SlotList: ListLoader {
    let slot: Int
    @inline(__always) func list(_ f: Frame) -> ListBox? {
        if case .list(let l) = f.slots[slot] { return l }
        return nil
    }
}

struct GlobalList: ListLoader {
    let pointer: UnsafeMutablePointer<Value>
    @inline(__always) func list(_ f: Frame) -> ListBox? {
        if case .list(let l) = pointer.pointee { return l }
        return nil
    }
}

/// `xs[i]` in numeric form: the number at a valid, non-negative integer index of a list
/// (the right operand is unused).
struct ElementNumber<Base: ListLoader>: NumberPairBuilder {
    let list: Base
    func build<L: NumberLoader, R: NumberLoader>(_ l: L, _ r: R) -> NumberFunction {
        let base = list
        return NumberFunction { f in
            guard let i = l.number(f), let xs = base.list(f), i >= 0, i < Double(xs.items.count), Double(Int(i)) == i,
                  case .number(let d) = xs.items[Int(i)] else { return nil }
            return d
        }
    }
}
