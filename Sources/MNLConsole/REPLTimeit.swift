/// `:timeit <code>`: runs the code in batches ("runs") of `loops` evaluations each, as
/// Python's `timeit` does. The number of loops grows 1, 2, 5, 10, 20, 50... until one run
/// takes at least 0.2 s; then up to 7 runs are made, fewer when that would take more than
/// about 2 s (at least one: the run that ended the search counts). The report is the median
/// time per loop and the median absolute deviation (MAD) across runs, robust to the odd
/// slow run on a shared machine.
extension REPL {
    func timeRepeatedly(_ code: String) {
        guard !code.isEmpty else { return usage(.timeit) }
        interrupt.clear()
        var loops = 1
        var steps = TimeitPlan.loopCounts.makeIterator()
        var first: Double
        repeat {
            loops = steps.next() ?? loops * 10
            guard let seconds = timedRun(code, loops: loops) else { return }
            first = seconds
        } while first < TimeitPlan.minimumRunSeconds
        var runs = [first]
        while runs.count < TimeitPlan.runCount(forRunSeconds: first) {
            guard let seconds = timedRun(code, loops: loops) else { return }
            runs.append(seconds)
        }
        output.write(TimeitPlan.report(runSeconds: runs, loops: loops) + "\n")
    }

    /// Evaluates `code` `loops` times (compiled once where the engine can); the wall time in seconds, or nil after reporting the
    /// error, the interrupt or the exit request that stopped it.
    private func timedRun(_ code: String, loops: Int) -> Double? {
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = interrupt.isRequested ? .interrupted : engine.evaluateRepeatedly(code, name: "<timeit>", times: loops)
        let seconds = TimeitPlan.seconds(clock.now - start)
        guard case .success = outcome else {
            interrupt.clear()
            report(outcome)
            if case .exit(let status) = outcome { exitRequest = status }
            return nil
        }
        return seconds
    }
}

/// The arithmetic of `:timeit`, apart from the loop so that tests can check it.
public enum TimeitPlan {
    /// One run must take this long before its time is trusted.
    public static let minimumRunSeconds = 0.2
    /// What all runs together should take at most (beyond the search).
    public static let budgetSeconds = 2.0
    /// Loop counts tried in turn, as in Python's `Timer.autorange`.
    static let loopCounts = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000,
                             50_000, 100_000, 200_000, 500_000, 1_000_000]

    /// 7 runs, fewer when a run is slow, at least 1.
    public static func runCount(forRunSeconds seconds: Double) -> Int {
        guard seconds > 0 else { return 7 }
        return min(7, max(1, Int(budgetSeconds / seconds)))
    }

    /// `12.3 ms ± 0.4 ms per loop (median ± MAD of 7 runs of 10 loops)`.
    public static func report(runSeconds: [Double], loops: Int) -> String {
        let perLoop = runSeconds.map { $0 / Double(loops) }
        let middle = median(perLoop)
        let spread = median(perLoop.map { abs($0 - middle) })
        let runs = runSeconds.count
        return "\(format(seconds: middle)) ± \(format(seconds: spread)) per loop "
            + "(median ± MAD of \(runs) run\(runs == 1 ? "" : "s") of \(loops) loop\(loops == 1 ? "" : "s"))"
    }

    /// The middle value (the mean of the two middle ones for an even count); 0 for none.
    public static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let half = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2
    }

    /// Three significant digits in ns, µs, ms or s: `812 ns`, `12.3 ms`, `1.50 s`.
    public static func format(seconds: Double) -> String {
        let units: [(Double, String)] = [(1, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns")]
        // 0.9995 of a unit rounds up to 1.00 of it, not to 1000 of the unit below.
        let (scale, unit) = units.first { seconds >= $0.0 * 0.9995 } ?? (1e-9, "ns")
        let value = seconds / scale
        let decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2
        return fixed(value, decimals: decimals) + " " + unit
    }

    static func fixed(_ value: Double, decimals: Int) -> String {
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let scaled = Int((value * factor).rounded())
        guard decimals > 0 else { return String(scaled) }
        let whole = scaled / Int(factor), fraction = scaled % Int(factor)
        let digits = String(fraction)
        return "\(whole)." + String(repeating: "0", count: decimals - digits.count) + digits
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
