import MNLDisplay
import MNLRuntime
import MNLStdlib
import MNLSyntax
import Synchronization
import Testing

/// `fit`'s dashboard on a (fake) terminal and in a pipe, and Ctrl-C during training.
struct FitDashboardTests {
    static let training = """
        seed(0)
        x = randn(64, 2)
        y = (x[:, 0] > 0).astype("i64")
        model = Sequential(Linear(2, 8), ReLU(), Linear(8, 2))

        """

    func run(_ source: String, terminal: Bool) -> (RecordingDisplay, Session, RunResult) {
        let display = RecordingDisplay(terminal: terminal, width: 140)
        let session = Stdlib.makeSession(display: display)
        let clock = SteppingClock(step: 0.01)
        Stdlib.setProgressClock(session) { clock.read() }
        let result = session.run(SourceFile(name: "fit.mnl", text: source))
        return (display, session, result)
    }

    @Test func aTerminalShowsBarsLinesAndCurves() {
        let (display, _, result) = run(Self.training + "h = model.fit(x, y, epochs=2, batch_size=16)", terminal: true)
        if case .failure(let d) = result { Issue.record("\(d)") }
        let statuses = display.events.compactMap { if case .status(let s) = $0 { s.joined() } else { nil } }
        // Redraws are throttled (at most ten a second of the stepping clock), so not every batch shows.
        #expect(statuses.contains { $0.hasPrefix("epoch 1/2:") }, "\(statuses)")
        #expect(statuses.contains { $0.hasPrefix("epoch 2/2:") && $0.contains("loss=") && $0.contains("accuracy=") }, "\(statuses)")
        #expect(display.lastStatus == [])
        let texts = display.events.compactMap { if case .text(let t) = $0 { t } else { nil } }
        #expect(texts.contains { $0.hasPrefix("epoch 1/2: loss ") && $0.contains(" - accuracy ") })
        #expect(texts.contains { $0.hasPrefix("epoch 2/2: loss ") })
        // The curves come last, as one figure with both panels.
        #expect(texts.last?.contains("loss") == true && texts.last?.contains("accuracy") == true)
    }

    @Test func aPipeGetsOnePlainLinePerEpochAndVerboseZeroNothing() {
        let (display, _, _) = run(Self.training + "h = model.fit(x, y, epochs=3, batch_size=16)", terminal: false)
        let texts = display.events.compactMap { if case .text(let t) = $0 { t } else { nil } }
        #expect(texts.count == 3)
        #expect(texts.allSatisfy { $0.hasPrefix("epoch ") && $0.hasSuffix("s\n") })
        let (quiet, _, _) = run(Self.training + "h = model.fit(x, y, epochs=3, verbose=0)", terminal: true)
        #expect(quiet.events.allSatisfy { if case .text = $0 { false } else { true } })
    }

    /// Ctrl-C pressed during the second epoch: fit stops with `interrupted` once the batch in
    /// progress has made its step, and model.history keeps the one finished epoch.
    @Test func ctrlCStopsAfterTheBatchAndKeepsTheFinishedEpochs() throws {
        let pressed = Atomic<Bool>(false)
        let display = RecordingDisplay(terminal: false)
        let session = Stdlib.makeSession(display: display)
        session.interruptCheck = { pressed.load(ordering: .relaxed) }
        session.install([Builtin("press_ctrl_c", topic: "test", doc: "Sets the interrupt flag.", example: "") { _, _ in
            pressed.store(true, ordering: .relaxed)
            return .null
        }])
        let source = Self.training + """
            model.fit(x, y, epochs=5, batch_size=16, verbose=0, callback=fn(e, logs) { press_ctrl_c() })
            """
        let result = session.run(SourceFile(name: "fit.mnl", text: source))
        guard case .failure(let diagnostics) = result else { Issue.record("fit should have been interrupted"); return }
        #expect(diagnostics.first?.kind == .interrupted)
        pressed.store(false, ordering: .relaxed)
        let after = session.run(SourceFile(name: "after.mnl", text: "print(len(model.history.loss), model(x).shape)"))
        if case .failure(let d) = after { Issue.record("\(d)") }
        let texts = display.events.compactMap { if case .text(let t) = $0 { t } else { nil } }
        #expect(texts.last == "1 (64, 2)\n")
    }
}
