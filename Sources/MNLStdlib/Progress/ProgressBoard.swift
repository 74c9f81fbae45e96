import Foundation
import MNLDisplay
import MNLRuntime
import MNLTerminal

/// The session's progress bars that are running now, outermost first, and how they reach
/// the display: on a terminal as status lines redrawn at most ~10 times a second; elsewhere
/// (a log, a pipe) as a plain line every few seconds and one when a bar ends.
final class ProgressBoard {
    /// Seconds from a fixed origin; tests and golden scripts replace it with a fixed clock.
    var clock: () -> Double
    private(set) var bars: [ProgressObject] = []
    private var throttle = ProgressThrottle(interval: ProgressBoard.terminalInterval)
    static let terminalInterval = 0.1
    static let logInterval = 5.0

    init(clock: @escaping () -> Double = ProgressBoard.monotonicSeconds) { self.clock = clock }

    static func monotonicSeconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    static func of(_ session: Session) -> ProgressBoard { session.state(ProgressBoard.self) { ProgressBoard() } }

    /// Shows `bar` (at 0) below the bars already running, unless the status was drawn less
    /// than a tenth of a second ago: short inner loops (an epoch of a few milliseconds) then
    /// cost no terminal writes of their own; the next due redraw shows them.
    func begin(_ bar: ProgressObject, on display: Display) {
        guard !bars.contains(where: { $0 === bar }) else { return }
        bar.state = ProgressBar(description: bar.state.description, total: bar.state.total, start: clock())
        bar.logThrottle = ProgressThrottle(interval: ProgressBoard.logInterval)
        _ = bar.logThrottle.isDue(bar.state.start)  // the start itself is not worth a log line
        bars.append(bar)
        draw(on: display, force: false)
    }

    /// One step done; redraws when the throttle allows. The common case is one clock read.
    func step(_ bar: ProgressObject, by steps: Int = 1, on display: Display) {
        bar.state.advance(by: steps)
        let now = clock()
        if display.isTerminal {
            if throttle.isDue(now) { drawStatus(on: display, now: now) }
        } else if bar.logThrottle.isDue(now) {
            display.write(bar.state.line(now: now, width: display.capabilities.width) + "\n")
        }
    }

    /// The bar ends: it leaves its last line in the output when it is the outermost one
    /// (tqdm's `leave=None`: inner bars, one per epoch, would otherwise pile up).
    func finish(_ bar: ProgressObject, on display: Display, leave: Bool? = nil) {
        guard let i = bars.firstIndex(where: { $0 === bar }) else { return }
        let now = clock()
        bars.remove(at: i)
        draw(on: display, force: true)  // first, so the status is not redrawn under the last line
        if leave ?? (i == 0) { display.write(bar.state.line(now: now, width: display.capabilities.width) + "\n") }
    }

    /// Redraws every bar now (set values, a closed bar) or when the throttle allows.
    func draw(on display: Display, force: Bool) {
        guard display.isTerminal else { return }
        let now = clock()
        guard force || throttle.isDue(now) else { return }
        drawStatus(on: display, now: now)
    }

    private func drawStatus(on display: Display, now: Double) {
        let width = display.capabilities.width - 1
        display.setStatus(bars.map { $0.state.line(now: now, width: width) })
    }

    /// After a run (finished, failed or interrupted): no bar outlives it, and the terminal
    /// is left without status lines.
    func clear(_ display: Display) {
        guard !bars.isEmpty else { return }
        bars.removeAll()
        display.setStatus([])
    }
}

extension Stdlib {
    /// Replaces the clock progress bars read (seconds), for tests and golden scripts.
    public static func setProgressClock(_ session: Session, _ clock: @escaping () -> Double) {
        ProgressBoard.of(session).clock = clock
    }
}
