import MNLSyntax

/// An operand of an operator, loaded without a closure call when it is a leaf: a local
/// slot, a defined global or a constant. Only other expressions go through their closure.
/// (Leaves are most operands in scalar code: `n < 2`, `theta1 * x`, `i * 0.5`.)
enum Operand {
    case slot(Int)
    case constant(Value)
    /// A global's slot and defined flag; `read` reports the undefined-variable error.
    case global(UnsafeMutablePointer<Value>, UnsafeMutablePointer<Bool>, read: Code)
    case code(Code)

    @inline(__always)
    func load(_ f: Frame) throws -> Value {
        switch self {
        case .slot(let s): return f.slots[s]
        case .constant(let v): return v
        case .global(let p, let defined, let read): return defined.pointee ? p.pointee : try read(f)
        case .code(let c): return try c(f)
        }
    }
}

extension Compiler {
    func operand(_ e: Expr) -> Operand {
        switch e.kind {
        case .number(let n): return .constant(.number(n))
        case .bool(let b): return .constant(.bool(b))
        case .string(let s): return .constant(.string(s))
        case .nilLiteral: return .constant(.null)
        case .name(let name):
            switch ref(at: e.range) {
            case .local(let v)? where !v.isCaptured: return .slot(v.slot)
            case .global(let i)?:
                return .global(globals.values + i, globals.defined + i, read: read(.global(i), name: name, range: e.range))
            default: return .code(expression(e))
            }
        default: return .code(expression(e))
        }
    }
}
