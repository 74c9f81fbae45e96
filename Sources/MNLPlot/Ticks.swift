import Foundation

/// Tick marks at "nice" numbers: steps of 1, 2 or 5 times a power of ten (Heckbert's
/// labelling), with labels that show just the digits the step needs.
public struct Ticks: Equatable, Sendable {
    public let values: [Double]
    public let labels: [String]

    /// At most `maxCount` ticks (and at least 2 where the range allows) inside `low...high`.
    public static func nice(_ low: Double, _ high: Double, maxCount: Int) -> Ticks {
        guard low.isFinite, high.isFinite, high > low, maxCount >= 2 else { return Ticks(values: [], labels: []) }
        let step = niceStep(span: high - low, maxCount: maxCount)
        // A span too wide or too narrow for Double (1e308 to -1e308, or denormals) has no step.
        guard step.isFinite, step > 0 else { return Ticks(values: [], labels: []) }
        let first = (low / step).rounded(.up)
        let last = (high / step).rounded(.down)
        guard first <= last, last - first < Double(maxCount) * 2 else { return Ticks(values: [], labels: []) }
        // Multiples of the step, so 0.1 * 3 prints as 0.3, not 0.30000000000000004.
        let values = stride(from: first, through: last, by: 1).map { $0 * step }
        let decimals = max(0, -Int((log10(step)).rounded(.down)))
        return Ticks(values: values, labels: values.map { label($0, decimals: decimals) })
    }

    /// Powers of ten inside `low...high` for a log axis (the range given as values, not logs).
    public static func logarithmic(_ low: Double, _ high: Double, maxCount: Int) -> Ticks {
        guard low > 0, high > low, low.isFinite, high.isFinite else { return Ticks(values: [], labels: []) }
        let a = log10(low).rounded(.up), b = log10(high).rounded(.down)
        guard a <= b else { return nice(low, high, maxCount: maxCount) }
        let every = max(1, ((b - a + 1) / Double(max(1, maxCount))).rounded(.up))
        let exponents = stride(from: a, through: b, by: every)
        let values = exponents.map { pow(10, $0) }
        return Ticks(values: values, labels: exponents.map { e in
            abs(e) < 4 ? label(pow(10, e), decimals: max(0, -Int(e))) : "1e\(Int(e))"
        })
    }

    /// The 1-2-5 step that gives at most `maxCount` ticks over `span`.
    static func niceStep(span: Double, maxCount: Int) -> Double {
        let rough = span / Double(max(1, maxCount - 1))
        let magnitude = pow(10, log10(rough).rounded(.down))
        for m in [1.0, 2, 5, 10] where m * magnitude >= rough { return m * magnitude }
        return 10 * magnitude
    }

    /// `value` with `decimals` digits after the point; large and tiny magnitudes in
    /// scientific form so labels stay short.
    static func label(_ value: Double, decimals: Int) -> String {
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e6 || (magnitude < 1e-4) { return String(format: "%.3g", value) }
        return String(format: "%.\(min(decimals, 10))f", value)
    }
}
