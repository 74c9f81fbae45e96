import Foundation
import MNLClassic
import MNLDisplay
import MNLRuntime
import TensorKit

/// The `FitMonitor` a classic model's `fit` reports to: on a terminal, a progress bar on the
/// session's progress board (sharing the status lines with the user's own bars) with the
/// loss when the model reports one; in a pipe nothing, so logs and golden output stay the
/// same. Every step checks Ctrl-C, also on the worker threads a model may fit on (the flag
/// is captured here rather than read from the task-local there).
final class ClassicProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let ctx: CallContext
    private let label: String
    private var bar: ProgressObject?
    private var done = 0

    init(_ ctx: CallContext, label: String) {
        self.ctx = ctx
        self.label = label
    }

    private var display: Display { ctx.session.display }
    private var board: ProgressBoard { ProgressBoard.of(ctx.session) }

    var monitor: FitMonitor {
        let flag = Cancellation.current
        return FitMonitor(total: { [self] units, what in begin(units, what) },
                          step: { [self] done, loss in
                              if flag?.isCancelled == true { throw TensorError.interrupted }
                              advance(to: done, loss: loss)
                          })
    }

    private func begin(_ units: Int, _ what: String) {
        lock.lock()
        defer { lock.unlock() }
        guard display.isTerminal, units > 1 else { return }
        if let bar { board.finish(bar, on: display, leave: false) }
        let b = ProgressObject(iterable: nil, description: what.isEmpty ? label : "\(label) \(what)", total: units)
        bar = b
        done = 0
        board.begin(b, on: display)
    }

    private func advance(to count: Int, loss: Double?) {
        lock.lock()
        defer { lock.unlock() }
        guard let bar else { return }
        if let loss { bar.state.setPostfix("loss", .number(loss)) }
        let steps = count - done
        done = count
        if steps > 0 { board.step(bar, by: steps, on: display) }
    }

    /// The bar leaves the status when the fit ends, however it ended.
    func close() {
        lock.lock()
        defer { lock.unlock() }
        guard let bar else { return }
        board.finish(bar, on: display, leave: false)
        self.bar = nil
    }
}
