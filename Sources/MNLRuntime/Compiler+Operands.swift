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

/// A statically typed operand loader: operator closures are specialised on the kinds of
/// their two operands, so loading a slot or a constant is a plain memory read with no
/// switch and no closure context copied.
protocol OperandLoader {
    func load(_ f: Frame) throws -> Value
}

struct SlotLoader: OperandLoader {
    let slot: Int
    @inline(__always) func load(_ f: Frame) throws -> Value { f.slots[slot] }
}

struct ConstantLoader: OperandLoader {
    let value: Value
    @inline(__always) func load(_ f: Frame) throws -> Value { value }
}

struct GlobalLoader: OperandLoader {
    let pointer: UnsafeMutablePointer<Value>
    let defined: UnsafeMutablePointer<Bool>
    let read: Code
    @inline(__always) func load(_ f: Frame) throws -> Value { defined.pointee ? pointer.pointee : try read(f) }
}

struct CodeLoader: OperandLoader {
    let code: Code
    @inline(__always) func load(_ f: Frame) throws -> Value { try code(f) }
}

/// Something to build from two statically typed operands (an operator's closure).
protocol OperandPairBuilder {
    func build<L: OperandLoader, R: OperandLoader>(_ l: L, _ r: R) -> Code
}

extension Operand {
    /// Calls `builder` with this operand as a concrete loader type.
    func withLoader<B: OperandPairBuilder, R: OperandLoader>(right r: R, _ builder: B) -> Code {
        switch self {
        case .slot(let s): builder.build(SlotLoader(slot: s), r)
        case .constant(let v): builder.build(ConstantLoader(value: v), r)
        case .global(let p, let d, let read): builder.build(GlobalLoader(pointer: p, defined: d, read: read), r)
        case .code(let c): builder.build(CodeLoader(code: c), r)
        }
    }

    /// Builds `builder` over the concrete loader types of `left` and `right`.
    static func specialise<B: OperandPairBuilder>(_ left: Operand, _ right: Operand, _ builder: B) -> Code {
        switch right {
        case .slot(let s): left.withLoader(right: SlotLoader(slot: s), builder)
        case .constant(let v): left.withLoader(right: ConstantLoader(value: v), builder)
        case .global(let p, let d, let read): left.withLoader(right: GlobalLoader(pointer: p, defined: d, read: read), builder)
        case .code(let c): left.withLoader(right: CodeLoader(code: c), builder)
        }
    }
}
