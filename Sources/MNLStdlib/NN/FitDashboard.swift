import MNLDisplay
import MNLPlot
import MNLRuntime
import MNLTerminal

/// What `fit` shows while it trains. On a terminal: a progress bar per epoch with the
/// running loss and accuracy (the progress board's, so it shares the status lines with
/// the user's own bars), a summary line when each epoch ends, and at the end the loss and
/// accuracy curves. Elsewhere (a pipe, a log): one plain line per epoch. Silent for
/// `verbose=0`.
final class FitDashboard {
    let verbose: Int
    let epochs: Int
    let ctx: CallContext
    private var bar: ProgressObject?

    init(verbose: Int, epochs: Int, ctx: CallContext) {
        (self.verbose, self.epochs, self.ctx) = (verbose, epochs, ctx)
    }

    private var display: Display { ctx.session.display }
    private var board: ProgressBoard { ProgressBoard.of(ctx.session) }
    private var live: Bool { verbose >= 1 && display.isTerminal }

    /// Seconds on the progress board's clock (a fixed one in tests).
    var now: Double { board.clock() }

    func epochStarted(_ epoch: Int, batches: Int) {
        guard live else { return }
        let bar = ProgressObject(iterable: nil, description: "epoch \(epoch + 1)/\(epochs)", total: batches)
        self.bar = bar
        board.begin(bar, on: display)
    }

    func batchEnded(loss: Double, accuracy: Double?) {
        guard let bar else { return }
        bar.state.setPostfix("loss", .number(loss))
        if let accuracy { bar.state.setPostfix("accuracy", .number(accuracy)) }
        board.step(bar, on: display)
    }

    /// The epoch's bar leaves the status (finished or abandoned by an error or Ctrl-C).
    func epochClosed() {
        guard let bar else { return }
        board.finish(bar, on: display, leave: false)
        self.bar = nil
    }

    func epochEnded(_ epoch: Int, _ logs: [(String, Double)]) {
        guard verbose >= 1 else { return }
        display.write(Self.line(epoch: epoch, of: epochs, logs) + "\n")
    }

    func note(_ text: String) {
        guard verbose >= 1 else { return }
        display.write(text + "\n")
    }

    /// `epoch 3/10: loss 0.3121 - accuracy 0.9102 - val_loss 0.3310 - val_accuracy 0.9040 - 1.21s`
    static func line(epoch: Int, of epochs: Int, _ logs: [(String, Double)]) -> String {
        let values = logs.map { name, value in
            name == "time" ? String(format: "%.2fs", value) : "\(name) \(String(format: "%.4f", value))"
        }
        return "epoch \(epoch + 1)/\(epochs): " + values.joined(separator: " - ")
    }

    /// After the last epoch, on a terminal: the curves of loss and accuracy (training and
    /// validation) side by side.
    func finished(_ history: TrainingHistory) {
        guard live, history.values("loss").count >= 2, let figure = try? Self.curves(history) else { return }
        display.show(RichFigure(figure: figure))
    }

    static func curves(_ history: TrainingHistory) throws -> Figure {
        let accuracy = !history.values("accuracy").isEmpty
        var figure = try Figure(rows: 1, cols: accuracy ? 2 : 1)
        func panel(_ i: Int, _ title: String, _ names: [String]) {
            figure.axes[i].title = title
            figure.axes[i].xlabel = "epoch"
            for (k, name) in names.enumerated() {
                let ys = history.values(name)
                guard !ys.isEmpty else { continue }
                figure.axes[i].series.append(.line(LineSeries(x: ys.indices.map { Double($0 + 1) }, y: ys, label: name, color: .cycle(k))))
            }
            figure.axes[i].legend = figure.axes[i].series.count > 1
        }
        panel(0, "loss", ["loss", "val_loss"])
        if accuracy { panel(1, "accuracy", ["accuracy", "val_accuracy"]) }
        return figure
    }
}
