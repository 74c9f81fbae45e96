import Foundation
import MNLSyntax

/// The parts of `sum`, `max`, `min`, `round` and `sort` that work on the language's own
/// values (numbers, lists, tuples, ranges). The builtins themselves are declared once, in the
/// binding layer, because they also take tensors; they call these for everything else.
public enum ValueMath {
    /// Python's `sum` of an iterable of numbers; nil when some value is not a number (the
    /// caller may then treat the argument as an array).
    public static func sum(_ values: [Value]) -> Double? {
        var total = 0.0
        for v in values {
            guard let n = v.numeric else { return nil }
            total += n
        }
        return total
    }

    /// Python's `max`/`min` over values: the first one `pick` prefers over every other.
    public static func extremum(_ name: String, _ values: [Value], pick: (Int) -> Bool) throws -> Value {
        guard var best = values.first else {
            throw Diagnostic(.invalidValue(function: name, message: "\(name)() of an empty sequence"), at: nil)
        }
        for v in values.dropFirst() {
            guard let order = try Operators.ordering(v, best) else {
                throw Diagnostic(.unsupportedOperands(op: name, lhs: v.typeName, rhs: best.typeName), at: nil)
            }
            if pick(order) { best = v }
        }
        return best
    }

    /// Python's `round(x, digits)`: halves to even, on the exact binary value.
    public static func round(_ x: Double, digits d: Int, _ a: Arguments) throws -> Double {
        guard Swift.abs(d) < 300 else { throw a.invalid("digits must be between -300 and 300") }
        // Like Python, round the exact binary value: round(2.675, 2) is 2.67.
        if d > 0, x.isFinite, let exact = Double(String(format: "%.\(Swift.min(d, 17))f", x)) { return exact }
        let scale = Foundation.pow(10.0, Double(d))
        return (x * scale).rounded(.toNearestOrEven) / scale
    }

    /// A sorted copy of `items`, by `key(item)` when given, descending when `reverse`.
    public static func sorted(_ items: [Value], key: Value?, reverse: Bool, _ ctx: CallContext) throws -> [Value] {
        let keys = try key.map { k in try items.map { try ctx.call(k, [$0]) } } ?? items
        var failure: Diagnostic?
        let order = items.indices.sorted { i, j in
            do {
                guard let o = try Operators.ordering(keys[i], keys[j]) else {
                    throw Diagnostic(.unsupportedOperands(op: "<", lhs: keys[i].typeName, rhs: keys[j].typeName), at: nil)
                }
                return reverse ? o > 0 : o < 0
            } catch {
                failure = failure ?? (error as? Diagnostic)
                return false
            }
        }
        if let failure { throw failure }
        return order.map { items[$0] }
    }

    /// The values of an iterable (what `for` would give).
    public static func values(_ v: Value, _ ctx: CallContext) throws -> [Value] { try Iteration.values(v, ctx) }
}
