import MNLSyntax

/// A variable that lives at a fixed address relative to the frame: a local slot or a global
/// slot. Loops and compound assignments on such variables update them in place.
enum Place {
    case slot(Int)
    case global(UnsafeMutablePointer<Value>, defined: UnsafeMutablePointer<Bool>)

    @inline(__always)
    func pointer(_ f: Frame) -> UnsafeMutablePointer<Value> {
        switch self {
        case .slot(let s): f.slots + s
        case .global(let p, let defined):
            { defined.pointee = true; return p }()
        }
    }

    @inline(__always)
    func isDefined() -> Bool {
        if case .global(_, let defined) = self { return defined.pointee }
        return true
    }
}

extension Compiler {
    /// The place of a plain (not captured) variable, if it has one.
    func place(of target: Pattern) -> Place? {
        guard case .name(_, let r) = target, let ref = ref(at: r) else { return nil }
        switch ref {
        case .local(let v) where !v.isCaptured: return .slot(v.slot)
        case .global(let i): return .global(globals.values + i, defined: globals.defined + i)
        default: return nil
        }
    }

    /// `x op= v` on a variable with a place: numbers are updated in place.
    func compoundPlace(_ op: BinaryOperator, _ place: Place, _ name: String, _ nameRange: SourceRange,
                       _ value: @escaping Code, _ range: SourceRange) -> Exec? {
        switch op {
        case .add: return compoundPlace(AddOp.self, place, name, nameRange, value, range)
        case .subtract: return compoundPlace(SubtractOp.self, place, name, nameRange, value, range)
        case .multiply: return compoundPlace(MultiplyOp.self, place, name, nameRange, value, range)
        case .divide: return compoundPlace(DivideOp.self, place, name, nameRange, value, range)
        default: return nil
        }
    }

    func compoundPlace<Op: NumberOperation>(_: Op.Type, _ place: Place, _ name: String, _ nameRange: SourceRange,
                                            _ value: @escaping Code, _ range: SourceRange) -> Exec {
        let table = globals
        return { f in
            guard place.isDefined() else {
                throw Diagnostic(.undefinedVariable(name: name, suggestion: closestVariable(to: name, among: table.definedNames)), at: nameRange)
            }
            let v = try value(f)
            let p = place.pointer(f)
            if case .number(let x) = p.pointee, case .number(let y) = v, let z = Op.apply(x, y) {
                p.pointee = .number(z)
                return .normal(.null)
            }
            let current = p.pointee
            if case .native(let o) = current, try located(range, { try o.inPlace(Op.op, v, f.context) }) {
                return .normal(.null)
            }
            p.pointee = try located(range) { try Operators.binary(Op.op, current, v, f.context) }
            return .normal(.null)
        }
    }
}
