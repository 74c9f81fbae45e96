import MNLClassic
import MNLRuntime
import MNLSyntax
import TensorKit

/// Conversions between the language's values and the classic models' hyperparameters and
/// fitted attributes.
enum ClassicValues {
    /// A constructor argument as a hyperparameter. Numbers become ints where the default is
    /// an int (or nothing) and the number is whole, so `max_iter=200` reads back as an int
    /// and `C=10` as a float, as scikit-learn's repr shows them; the factory then checks
    /// the range.
    static func hyperValue(_ v: Value, like defaultValue: HyperValue, argument i: Int, _ a: Arguments) throws -> HyperValue {
        switch v {
        case .null: return .none
        case .bool(let b): return .bool(b)
        case .string(let s): return .string(s)
        case .number(let n):
            switch defaultValue {
            case .double: return .double(n)
            default: return n == n.rounded() && Swift.abs(n) < 1e15 ? .int(Int(n)) : .double(n)
            }
        case .tuple(let t): return try numbers(t.items, v, i, a)
        case .list(let l): return try numbers(l.items, v, i, a)
        default: throw a.bad(i, expected: "number, string, bool, tuple or nil", got: v)
        }
    }

    private static func numbers(_ items: [Value], _ v: Value, _ i: Int, _ a: Arguments) throws -> HyperValue {
        let ns = items.compactMap(\.numberValue)
        guard ns.count == items.count else { throw a.bad(i, expected: "tuple of numbers", got: v) }
        if ns.allSatisfy({ $0 == $0.rounded() && Swift.abs($0) < 1e15 }) { return .ints(ns.map { Int($0) }) }
        return .doubles(ns)
    }

    /// A hyperparameter as a language value (`get_params`).
    static func value(_ h: HyperValue) -> Value {
        switch h {
        case .int(let i): .number(Double(i))
        case .double(let d): .number(d)
        case .string(let s): .string(s)
        case .bool(let b): .bool(b)
        case .ints(let v): .tuple(TupleBox(v.map { .number(Double($0)) }))
        case .doubles(let v): .tuple(TupleBox(v.map { .number($0) }))
        case .none: .null
        }
    }

    static func value(_ f: FittedValue) -> Value {
        switch f {
        case .tensor(let t): .tensor(t)
        case .number(let d): .number(d)
        case .int(let i): .number(Double(i))
        // MARK: mlp
        case .tensors(let ts): .list(ListBox(ts.map { .tensor($0) }))
        case .text(let s): .string(s)
        }
    }
}
