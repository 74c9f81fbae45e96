import Foundation

/// One progress bar's state and its text, as tqdm draws it:
/// `epoch 1:  42%|████▏     | 42/100 [00:01<00:02, 30.50it/s, loss=0.31]`.
/// Time is passed in (seconds from any fixed origin), so tests render with a fixed clock.
public struct ProgressBar: Sendable {
    public var description: String
    /// Steps expected, when known (a list's length, `total=`).
    public var total: Int?
    public private(set) var count = 0
    public let start: Double
    /// Live values shown after the times (`bar.set(loss=0.31)`), in the order first set.
    public private(set) var postfix: [(name: String, value: PostfixValue)] = []

    /// A live value: numbers are kept as numbers and formatted only when the bar is drawn
    /// (at most ~10 times a second), since formatting on every `set` would cost a training
    /// loop more than the bar itself.
    public enum PostfixValue: Equatable, Sendable {
        case number(Double)
        case text(String)

        /// tqdm's way: whole numbers as integers, others to 4 significant digits.
        public var text: String {
            switch self {
            case .text(let s): return s
            case .number(let x):
                if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
                return x.isFinite ? String(format: "%.4g", x) : "\(x)"
            }
        }
    }

    public init(description: String = "", total: Int?, start: Double) {
        self.description = description
        self.total = total
        self.start = start
    }

    public mutating func advance(by steps: Int = 1) { count &+= steps }

    /// Sets (or replaces, keeping its place) a live value.
    public mutating func setPostfix(_ name: String, _ value: PostfixValue) {
        if let i = postfix.firstIndex(where: { $0.name == name }) { postfix[i].value = value } else { postfix.append((name, value)) }
    }

    public mutating func setPostfix(_ name: String, _ text: String) { setPostfix(name, .text(text)) }

    /// The bar's line at time `now`, at most `width` characters.
    public func line(now: Double, width: Int) -> String {
        let elapsed = max(now - start, 0)
        let rate = elapsed > 0 && count > 0 ? Double(count) / elapsed : nil
        let prefix = description.isEmpty ? "" : description + ": "
        let extras = ([ProgressBar.rateText(rate)] + postfix.map { "\($0.name)=\($0.value.text)" }).joined(separator: ", ")
        guard let total, total > 0 else {
            return clipped(prefix + "\(count)it [\(ProgressBar.clock(elapsed)), \(extras)]", width)
        }
        let fraction = min(max(Double(count) / Double(total), 0), 1)  // update(-n) may go below 0
        let remaining = rate.flatMap { $0 > 0 ? Double(max(total - count, 0)) / $0 : nil }
        let percent = ProgressBar.padded(String(Int(fraction * 100)), 3) + "%|"
        let tail = "| \(count)/\(total) [\(ProgressBar.clock(elapsed))<\(remaining.map(ProgressBar.clock) ?? "?"), \(extras)]"
        let barWidth = max(width - prefix.count - percent.count - tail.count, 1)
        let bar = ProgressBar.blocks(fraction, width: min(barWidth, 40))
        return clipped(prefix + percent + bar + tail, width)
    }

    /// `fraction` of `width` cells in full blocks and one eighth-block for the remainder.
    static func blocks(_ fraction: Double, width: Int) -> String {
        let eighths = Int(min(max(fraction, 0), 1) * Double(width * 8))
        let full = min(eighths / 8, width)
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        let partial = full < width ? partials[eighths % 8] : ""
        let used = full + (partial.isEmpty ? 0 : 1)
        return String(repeating: "█", count: full) + partial + String(repeating: " ", count: max(width - used, 0))
    }

    /// `12.34it/s`, or `2.50s/it` when slower than one step a second; `?it/s` before the first step or any time passed.
    static func rateText(_ rate: Double?) -> String {
        guard let rate, rate.isFinite else { return "?it/s" }
        if rate > 0 && rate < 1 { return fixed2(1 / rate) + "s/it" }
        return fixed2(rate) + "it/s"
    }

    /// `MM:SS`, or `H:MM:SS` from an hour on.
    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds < 1e9 else { return "?" }
        let s = Int(seconds), h = s / 3600, m = (s / 60) % 60, sec = s % 60
        let mmss = two(m) + ":" + two(sec)
        return h > 0 ? "\(h):" + mmss : mmss
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    static func padded(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(n - s.count, 0)) + s }

    static func fixed2(_ x: Double) -> String {
        guard abs(x) < 1e15 else { return "\(x)" }  // beyond Int's hundredths
        let hundredths = Int((x * 100).rounded())
        return "\(hundredths / 100)." + two(hundredths % 100)
    }

    private func clipped(_ s: String, _ width: Int) -> String { s.count > width ? String(s.prefix(max(width, 1))) : s }
}

/// Redraws at most once per `interval` seconds: about 10 a second on a terminal, a line
/// every few seconds in a log. Asking costs one clock read and a comparison.
public struct ProgressThrottle: Sendable {
    public let interval: Double
    private var last = -Double.infinity

    public init(interval: Double) { self.interval = interval }

    /// True (and the draw recorded) when `now` is at least `interval` after the last draw.
    public mutating func isDue(_ now: Double) -> Bool {
        guard now - last >= interval else { return false }
        last = now
        return true
    }
}
