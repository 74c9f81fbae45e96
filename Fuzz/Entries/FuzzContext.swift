import MemoryBudget
import MNLRuntime
import MNLStdlib

/// What the entries reuse from one input to the next: a sandboxed session that prints
/// nowhere, and the work budget that stops each run. A session takes far longer to make than
/// most inputs take to run (its value stack alone is megabytes), so it is made once and
/// `reset()` before each input, which forgets every variable, import and random state; an
/// input therefore replays alone as it ran in the campaign.
///
/// One context serves one thread at a time: the libFuzzer executable holds one for the
/// process, and each test makes its own.
public final class FuzzContext {
    public let limits: RunLimits
    private var session: Session?

    public init(limits: RunLimits = RunLimits()) { self.limits = limits }

    /// The session, reset and with a fresh budget, for the next input.
    func freshSession() -> Session {
        let s: Session
        if let existing = session {
            existing.reset()
            s = existing
        } else {
            s = Stdlib.makeSession(output: { _ in })
            Sandbox.apply(to: s)
            let limits = self.limits
            s.interruptCheck = { limits.exhausted() }
            session = s
        }
        limits.reset()
        return s
    }

    /// What a fuzzing process sets once before its first input: a 1 GiB memory budget, so that
    /// a script asking for more gets the language's "cannot allocate" error well below
    /// libFuzzer's `-rss_limit_mb` (the default budget is a fraction of physical memory). The
    /// budget is process-wide, so the test suite, which runs tests side by side, leaves it.
    public static func prepareProcess(memoryBudget bytes: Int = 1 << 30) {
        MemoryBudget.setLimit(bytes)
    }
}
