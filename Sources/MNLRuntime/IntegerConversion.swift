import MNLSyntax

/// The one way a language number becomes a Swift `Int` (a size, an index, a count, an axis).
///
/// Numbers are doubles; every integer up to ±2^53 is exact in one, and nothing the language
/// sizes or indexes comes near that, so it is the limit. Converting anything else with
/// `Int(_:)` would trap on NaN, infinities and numbers beyond Int's range.
public enum IntegerConversion {
    /// 2^53: the largest magnitude a number may have to become an integer.
    public static let limit = 9_007_199_254_740_992

    /// The Int `n` holds exactly, if it is integral and within ±2^53; nil otherwise.
    @inline(__always)
    public static func exact(_ n: Double) -> Int? {
        // The range check first (it also rejects NaN), so that `Int(n)` cannot trap; then
        // `Double(Int(n)) == n` instead of `n.rounded()`, which is a libm call.
        guard Swift.abs(n) <= 9_007_199_254_740_992, Double(Int(n)) == n else { return nil }
        return Int(n)
    }

    /// `n` as an Int, or the error naming `what` it was for, the value and the limit.
    public static func int(_ n: Double, what: String) throws -> Int {
        if let i = exact(n) { return i }
        throw Diagnostic(failure(n, what: what), at: nil)
    }

    /// Why `n` is no integer: out of range (including infinities) or not integral (or NaN).
    public static func failure(_ n: Double, what: String) -> DiagnosticKind {
        n.isNaN || n != n.rounded()
            ? .notAnInteger(what: what, value: Formatting.number(n))
            : .integerOutOfRange(what: what, value: Formatting.number(n), limit: limit)
    }
}

/// The Int a number holds exactly, if it is integral and within ±2^53 (`IntegerConversion.exact`).
@inline(__always)
public func exactInt(_ n: Double) -> Int? { IntegerConversion.exact(n) }
