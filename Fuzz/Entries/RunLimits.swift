#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Stops a fuzzed run after a bounded amount of work, as Ctrl-C would: the session's
/// interrupt check answers true once `polls` safe points have passed or `milliseconds` of
/// wall time have gone. Loops, calls and long tensor kernels all poll it, so an endless loop
/// or a huge kernel ends in a clean `interrupted` diagnostic instead of a libFuzzer timeout.
///
/// Recursion is bounded by the interpreter's own depth limit, and memory by the tensors'
/// size check (and, under libFuzzer, by `-rss_limit_mb` and `-malloc_limit_mb`).
public final class RunLimits: Sendable {
    public let maxPolls: Int
    public let milliseconds: Int
    private let polls = Atomic<Int>(0)
    private let startNanoseconds = Atomic<Int>(0)

    public init(maxPolls: Int = 2_000, milliseconds: Int = 300) {
        self.maxPolls = maxPolls
        self.milliseconds = milliseconds
    }

    /// Starts a new run's budget.
    public func reset() {
        polls.store(0, ordering: .relaxed)
        startNanoseconds.store(Self.now(), ordering: .relaxed)
    }

    /// True once the run has spent its budget (the session's `interruptCheck`).
    public func exhausted() -> Bool {
        if polls.add(1, ordering: .relaxed).newValue > maxPolls { return true }
        return Self.now() - startNanoseconds.load(ordering: .relaxed) > milliseconds * 1_000_000
    }

    private static func now() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Int(t.tv_sec) * 1_000_000_000 + Int(t.tv_nsec)
    }
}
