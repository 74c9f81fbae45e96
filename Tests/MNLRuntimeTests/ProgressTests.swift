import MNLDisplay
import MNLRuntime
import MNLStdlib
@testable import MNLTerminal
import Testing

/// A fake terminal that records what the session shows: ordinary text and each status.
final class RecordingDisplay: Display {
    enum Event: Equatable { case text(String), status([String]) }
    var events: [Event] = []
    let capabilities: TerminalCapabilities

    init(terminal: Bool, width: Int = 60) {
        capabilities = TerminalCapabilities(isTerminal: terminal, width: width, height: 24,
                                            colors: terminal ? .ansi256 : .none, images: terminal ? .blocks : .ascii)
    }

    func write(_ text: String) { events.append(.text(text)) }
    func setStatus(_ lines: [String]) { events.append(.status(lines)) }

    var lastStatus: [String]? {
        for case .status(let lines) in events.reversed() { return lines }
        return nil
    }
}

/// A clock that moves `step` seconds at each reading.
final class SteppingClock {
    var now = 0.0
    let step: Double
    init(step: Double) { self.step = step }
    func read() -> Double { defer { now += step }; return now }
}

struct ProgressBarTextTests {
    @Test func goldenBarAtFixedWidth() {
        var bar = ProgressBar(description: "epoch 1", total: 100, start: 10)
        bar.advance(by: 42)
        bar.setPostfix("loss", "0.31")
        #expect(bar.line(now: 12, width: 80)
                == "epoch 1:  42%|█████████▏            | 42/100 [00:02<00:02, 21.00it/s, loss=0.31]")
        bar.setPostfix("loss", "0.25")
        bar.setPostfix("acc", "0.9")
        #expect(bar.line(now: 12, width: 60) == "epoch 1:  42%|▍| 42/100 [00:02<00:02, 21.00it/s, loss=0.25, ")
    }

    @Test func unknownTotalAndNoTimeYet() {
        var bar = ProgressBar(total: nil, start: 0)
        bar.advance(by: 7)
        #expect(bar.line(now: 0, width: 80) == "7it [00:00, ?it/s]")
        let full = ProgressBar(total: 3, start: 5)
        #expect(full.line(now: 5, width: 50) == "  0%|                       | 0/3 [00:00<?, ?it/s]")
    }

    @Test func slowRatesAndLongTimes() {
        var bar = ProgressBar(total: 10, start: 0)
        bar.advance()
        #expect(bar.line(now: 4000, width: 60) == " 10%|█▋               | 1/10 [1:06:40<10:00:00, 4000.00s/it]")
    }

    @Test func backwardsAndHugeCountsStayInRange() {
        var bar = ProgressBar(total: 10, start: 0)
        bar.advance(by: -3)
        #expect(bar.line(now: 1, width: 40).hasPrefix("  0%|"))
        bar.advance(by: Int.min)
        #expect(bar.line(now: 1e-12, width: 40).contains("/10"))
        #expect(ProgressBar.blocks(-1, width: 3) == "   ")
    }

    @Test func blocksUseEighths() {
        #expect(ProgressBar.blocks(0.5, width: 4) == "██  ")
        #expect(ProgressBar.blocks(1, width: 4) == "████")
        #expect(ProgressBar.blocks(0.0625, width: 2) == "▏ ")
    }

    @Test func throttleAllowsTenRedrawsASecond() {
        var t = ProgressThrottle(interval: 0.1)
        let draws = stride(from: 0.0, to: 1.0, by: 0.001).filter { t.isDue($0) }.count
        #expect(draws == 10)
    }
}

struct ProgressSessionTests {
    func session(_ display: RecordingDisplay, step: Double) -> Session {
        let s = Stdlib.makeSession(display: display)
        let clock = SteppingClock(step: step)
        Stdlib.setProgressClock(s, clock.read)
        return s
    }

    @Test func onATerminalTheBarIsAStatusLineAndPrintGoesAbove() {
        let d = RecordingDisplay(terminal: true)
        let s = session(d, step: 1)
        _ = s.run("for i in progress([10, 20], desc=\"e\") { print(i) }", name: "t")
        let texts = d.events.compactMap { if case .text(let t) = $0 { t } else { nil } }
        #expect(texts.first == "10\n")
        #expect(texts.contains("20\n"))
        #expect(texts.last?.hasPrefix("e: 100%|") == true)  // the outermost bar leaves its line
        #expect(d.lastStatus == [])
        #expect(d.events.contains { if case .status(let l) = $0 { l.first?.hasPrefix("e:   0%|") == true } else { false } })
    }

    @Test func nestedBarsShowOuterAboveInner() {
        let d = RecordingDisplay(terminal: true)
        let s = session(d, step: 1)
        _ = s.run("for e in progress(range(2), desc=\"outer\") { for b in progress(range(3), desc=\"inner\") { } }", name: "t")
        let both = d.events.compactMap { if case .status(let l) = $0, l.count == 2 { l } else { nil } }
        #expect(!both.isEmpty)
        #expect(both.allSatisfy { $0[0].hasPrefix("outer") && $0[1].hasPrefix("inner") })
        // Inner bars vanish when done; only the outer bar's final line stays.
        let left = d.events.compactMap { if case .text(let t) = $0 { t } else { nil } }
        #expect(left.count == 1 && left[0].hasPrefix("outer: 100%|"))
    }

    @Test func errorsAndBreaksLeaveNoStatus() {
        let d = RecordingDisplay(terminal: true)
        let s = session(d, step: 1)
        let result = s.run("for i in progress(range(5)) { if i == 2 { error(\"stop\") } }", name: "t")
        guard case .failure = result else { Issue.record("expected an error"); return }
        #expect(d.lastStatus == [])
        d.events = []
        _ = s.run("for i in progress(range(5)) { for j in progress(range(5)) { break } }", name: "t")
        #expect(d.lastStatus == [])
        // A loop left by break drops its bar at once: the outer bar goes on alone.
        d.events = []
        _ = s.run("for i in progress(range(2), desc=\"o\") { for j in progress(range(5), desc=\"i\") { break }\n print(i) }", name: "t")
        let statuses = d.events.compactMap { if case .status(let l) = $0 { l } else { nil } }
        #expect(statuses.contains { $0.count == 2 })
        let atPrint = d.events.firstIndex(of: .text("1\n"))
        let before = atPrint.flatMap { i in d.events[..<i].reversed().first { if case .status = $0 { true } else { false } } }
        #expect(before.map { if case .status(let l) = $0 { l.count == 1 } else { false } } == true)
    }

    @Test func inALogAPlainLineEveryFewSecondsAndOneAtTheEnd() {
        let d = RecordingDisplay(terminal: false, width: 80)
        let s = session(d, step: 1)  // each step reads the clock once: one second per step
        _ = s.run("bar = progress(range(12), desc=\"train\")\nfor i in bar { bar.set(loss=1 / (i + 3)) }", name: "t")
        let lines = d.events.compactMap { if case .text(let t) = $0 { t } else { nil } }
        #expect(lines == [
            "train:  41%|██████████▍              | 5/12 [00:05<00:07, 1.00it/s, loss=0.1429]\n",
            "train:  83%|███████████████████▏   | 10/12 [00:10<00:02, 1.00it/s, loss=0.08333]\n",
            "train: 100%|███████████████████████| 12/12 [00:13<00:00, 1.08s/it, loss=0.07143]\n",
        ])
        #expect(!d.events.contains { if case .status = $0 { true } else { false } })
    }

    @Test func barsWrapTensorsRowsAndBatches() {
        var printed = ""
        let s = Stdlib.makeSession(output: { printed += $0 })
        Stdlib.setProgressClock(s) { 0 }
        let r = s.run("n = 0\nfor (xb, yb) in progress(batches(zeros(10, 2), arange(10), size=4)) { n += 1 }\nfor row in progress(zeros(3, 2)) { n += 10 }\nn", name: "t")
        guard case .success(let echo) = r else { Issue.record("\(r)"); return }
        #expect(echo?.repr() == "33")
        #expect(printed == "100%|\(String(repeating: "█", count: 40))| 3/3 [00:00<?, ?it/s]\n100%|\(String(repeating: "█", count: 40))| 3/3 [00:00<?, ?it/s]\n")
    }
}
