import Foundation
import MNLDisplay
import MNLRuntime
import MNLStdlib
import MNLSyntax
import Synchronization
import Testing

/// MLPClassifier's fit on a (fake) terminal and under Ctrl-C, as ClassicFitTests does for the
/// other models.
struct MLPFitTests {
    static let data = """
        seed(0)
        x = randn(2000, 20)
        y = (x[:, 0] * x[:, 1] > 0).astype("i64")

        """

    @Test func aTerminalShowsABarOfEpochsWithTheLoss() {
        let display = RecordingDisplay(terminal: true, width: 120)
        let session = Stdlib.makeSession(display: display)
        let clock = SteppingClock(step: 0.05)
        Stdlib.setProgressClock(session) { clock.read() }
        let result = session.run(SourceFile(name: "fit.mnl", text: Self.data + "m = MLPClassifier(hidden_layer_sizes=(8,), max_iter=5).fit(x, y)"))
        if case .failure(let d) = result { Issue.record("\(d)") }
        let statuses = display.events.compactMap { if case .status(let s) = $0 { s.joined() } else { nil } }
        #expect(statuses.contains { $0.hasPrefix("MLPClassifier") && $0.contains("loss=") }, "\(statuses)")
        #expect(display.lastStatus == [])
        // Five epochs cannot fit this: scikit-learn's ConvergenceWarning, after the bar has gone.
        let texts = display.events.compactMap { if case .text(let t) = $0 { t } else { nil } }
        #expect(texts.last == "warning: MLPClassifier: stochastic optimizer: maximum iterations (5) reached and the optimization hasn't converged yet\n")
    }

    /// Ctrl-C in the middle of a second fit: it stops with `interrupted` and the model keeps
    /// the weights of the first.
    @Test func ctrlCKeepsThePreviousFit() {
        let pressed = Atomic<Bool>(false)
        let display = RecordingDisplay(terminal: false)
        let session = Stdlib.makeSession(display: display)
        session.interruptCheck = { pressed.load(ordering: .relaxed) }
        session.install([Builtin("press_ctrl_c_soon", topic: "test", doc: "Sets the interrupt flag after 0.2 s.", example: "") { _, _ in
            Thread.detachNewThread {
                Thread.sleep(forTimeInterval: 0.2)
                pressed.store(true, ordering: .relaxed)
            }
            return .null
        }])
        // Two epochs at once on 20 rows; then seconds of epochs on 400000 rows.
        let source = Self.data + """
            m = MLPClassifier(hidden_layer_sizes=(64,), max_iter=2, random_state=0).fit(x[:20], y[:20])
            first = m.coefs_[0]
            big = randn(400000, 20)
            press_ctrl_c_soon()
            m.fit(big, (big[:, 0] > 0).astype("i64"))
            """
        #expect(failureKind(session.run(SourceFile(name: "fit.mnl", text: source))) == .interrupted)
        pressed.store(false, ordering: .relaxed)
        let after = session.run(SourceFile(name: "after.mnl", text: "print(all(m.coefs_[0] == first), m.n_iter_)"))
        if case .failure(let d) = after { Issue.record("\(d)") }
        let texts = display.events.compactMap { if case .text(let t) = $0 { t } else { nil } }
        #expect(texts.last == "true 2\n")
    }

    private func failureKind(_ result: RunResult) -> DiagnosticKind? {
        guard case .failure(let diagnostics) = result else { return nil }
        return diagnostics.first?.kind
    }
}
