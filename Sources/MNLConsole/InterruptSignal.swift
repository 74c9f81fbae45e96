#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The storage behind an `InterruptSignal`: one atomic flag.
final class InterruptFlag: Sendable {
    let requested = Atomic<Bool>(false)
}

/// The flag that the process's SIGINT handler sets. A signal handler can only reach global
/// state, so this one flag is process-wide by nature.
private let processInterruptFlag = InterruptFlag()

/// Ctrl-C as a flag. `InterruptSignal.process` is wired to SIGINT by `install()`; the
/// handler only sets the flag, so Ctrl-C never kills the process. The language engine polls
/// `interruptCheck` at safe points (loop back-edges, calls, between kernel chunks and
/// training batches) and stops with `.interrupted` when it returns true. The REPL clears
/// the flag before each evaluation.
public struct InterruptSignal: Sendable {
    private let flag: InterruptFlag

    /// True once Ctrl-C was pressed since the last `clear()`; cheap enough for hot loops.
    public let interruptCheck: @Sendable () -> Bool

    private init(flag: InterruptFlag) {
        self.flag = flag
        self.interruptCheck = { flag.requested.load(ordering: .relaxed) }
    }

    /// The process-wide signal that SIGINT sets (after `install()`).
    public static var process: InterruptSignal { InterruptSignal(flag: processInterruptFlag) }

    /// A signal of its own, not connected to SIGINT: for tests, or to cancel from code.
    public static func standalone() -> InterruptSignal { InterruptSignal(flag: InterruptFlag()) }

    /// True once an interrupt was requested since the last `clear()`.
    public var isRequested: Bool { flag.requested.load(ordering: .relaxed) }

    /// Forgets a pending interrupt.
    public func clear() { flag.requested.store(false, ordering: .relaxed) }

    /// Requests an interrupt, as Ctrl-C does.
    public func request() { flag.requested.store(true, ordering: .relaxed) }

    /// Reports and clears a pending interrupt in one step.
    public func consume() -> Bool { flag.requested.exchange(false, ordering: .relaxed) }

    /// Installs the SIGINT handler that sets `InterruptSignal.process`. Safe to call more
    /// than once. System calls interrupted by the signal are restarted (SA_RESTART), so
    /// the engine's file I/O is not disturbed; the readers wait with `poll`, which Ctrl-C
    /// still wakes. Returns false if `sigaction` failed.
    @discardableResult
    public static func install() -> Bool {
        _ = processInterruptFlag.requested.load(ordering: .relaxed)  // initialise before use
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in
            processInterruptFlag.requested.store(true, ordering: .relaxed)
        }
        #else
        action.__sigaction_u.__sa_handler = { _ in
            processInterruptFlag.requested.store(true, ordering: .relaxed)
        }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(SA_RESTART)
        return sigaction(SIGINT, &action, nil) == 0
    }
}
