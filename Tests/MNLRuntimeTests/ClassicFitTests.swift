import Foundation
import MNLDisplay
import MNLRuntime
import MNLStdlib
import MNLSyntax
import Testing

/// A classic model's fit on a (fake) terminal and under Ctrl-C.
struct ClassicFitTests {
    /// Separable data without a penalty: the loss keeps falling, so the fit runs until
    /// max_iter or Ctrl-C.
    static let data = """
        seed(0)
        x = randn(4000, 20)
        y = (x[:, 0] + x[:, 1] > 0).astype("i64")

        """

    @Test func aTerminalShowsTheFitsBarAndItLeaves() {
        let display = RecordingDisplay(terminal: true, width: 120)
        let session = Stdlib.makeSession(display: display)
        let clock = SteppingClock(step: 0.05)
        Stdlib.setProgressClock(session) { clock.read() }
        let result = session.run(SourceFile(name: "fit.mnl", text: Self.data + "m = LogisticRegression(penalty=\"none\", max_iter=30).fit(x, y)"))
        if case .failure(let d) = result { Issue.record("\(d)") }
        let statuses = display.events.compactMap { if case .status(let s) = $0 { s.joined() } else { nil } }
        #expect(statuses.contains { $0.hasPrefix("LogisticRegression") && $0.contains("loss=") }, "\(statuses)")
        #expect(display.lastStatus == [])
    }

    @Test func aPipeShowsNoBar() {
        let display = RecordingDisplay(terminal: false)
        let session = Stdlib.makeSession(display: display)
        _ = session.run(SourceFile(name: "fit.mnl", text: Self.data + "m = LogisticRegression(max_iter=30).fit(x, y)"))
        #expect(display.events.isEmpty, "\(display.events)")
    }

    /// Ctrl-C in the middle of a second fit: the fit stops with `interrupted` and the model
    /// still has the coefficients of the first.
    @Test func ctrlCKeepsThePreviousFit() {
        let ctrlC = CtrlCSession()
        let (session, display) = (ctrlC.session, ctrlC.display)
        // With tol=0 coordinate descent runs all max_iter passes: at once on ten rows of one
        // feature, for many seconds on the 4000 rows of twenty.
        let source = Self.data + """
            m = Lasso(alpha=0.01, max_iter=200000, tol=0)
            m.fit(randn(10, 1), randn(10))
            first = m.coef_
            press_ctrl_c_soon()
            m.fit(x, x[:, 0] * 3)
            """
        #expect(failureKind(session.run(SourceFile(name: "fit.mnl", text: source))) == .interrupted)
        ctrlC.release()
        let after = session.run(SourceFile(name: "after.mnl", text: "print(all(m.coef_ == first))"))
        if case .failure(let d) = after { Issue.record("\(d)") }
        let texts = display.events.compactMap { if case .text(let t) = $0 { t } else { nil } }
        #expect(texts.last == "true\n")
    }

    private func failureKind(_ result: RunResult) -> DiagnosticKind? {
        guard case .failure(let diagnostics) = result else { return nil }
        return diagnostics.first?.kind
    }
}
