import MNLPlot
import MNLRuntime
import MNLSyntax

/// The session's current figure, as pyplot keeps one: `plot(y)` draws into it (making one
/// when there is none), `show()` shows it and starts afresh.
final class PlotState {
    var current: FigureBox?

    static func of(_ session: Session) -> PlotState { session.state(PlotState.self) { PlotState() } }

    /// The current figure, made on first use; drawing into it makes it what `savefig` saves.
    func figure(_ session: Session) -> FigureBox {
        start(current ?? FigureBox(Figure.single), session)
    }

    /// Makes `box` the current figure, and the last thing made or drawn into: what
    /// `savefig(path)` saves until another figure or image is (even after `show()`, so
    /// `show()` then `savefig(...)` saves the figure just shown, where pyplot would save an
    /// empty one).
    @discardableResult
    func start(_ box: FigureBox, _ session: Session) -> FigureBox {
        current = box
        ImageDisplay.of(session).current = FigureObject(box)
        return box
    }
}

extension Figure {
    /// A 1 × 1 figure (the grid check cannot fail for it).
    static var single: Figure {
        guard let f = try? Figure(rows: 1, cols: 1) else { preconditionFailure("a 1 × 1 grid is within the limits") }
        return f
    }
}

/// pyplot's functions: the drawing calls on the current figure, `figure`, `subplots`, `show`.
enum PlotBuiltins {
    static var builtins: [Builtin] {
        PlotCalls.all.map { call in
            Builtin(call.name, call.parameters, topic: "plot", doc: call.doc + " Draws into the current figure (see show) and returns it.",
                    example: call.example) { a, ctx in
                let box = PlotState.of(ctx.session).figure(ctx.session)
                return try call.run(PlotArguments(a: a, base: 0), AxesTarget(box: box, index: box.current))
            }
        } + [figureBuiltin, subplots, show] + PlotDecorations.builtins
    }

    static let figureBuiltin = Builtin("figure", [], topic: "plot",
                                       doc: "Starts a new, empty current figure of one axes and returns it; plot, scatter, hist, bar and heatmap draw into it.",
                                       example: "f = figure()\nf.plot([1, 2, 3])\nf.title = \"rising\"") { _, ctx in
        let box = PlotState.of(ctx.session).start(FigureBox(Figure.single), ctx.session)
        return .native(FigureObject(box))
    }

    static let subplots = Builtin("subplots", [.optional("rows", defaultText: "1"), .optional("cols", defaultText: "1")], topic: "plot",
                                  doc: "Starts a new current figure of rows × cols axes side by side and returns (figure, axes), as matplotlib does: axes is one axes for 1 × 1, a list for one row or column, else a list of rows. Each axes draws with its own plot, scatter, hist, bar, heatmap, title...",
                                  example: "(fig, axs) = subplots(1, 2)\naxs[0].plot([3, 2, 1])\naxs[1].title = \"accuracy\"") { a, ctx in
        let rows = try a.int(0, default: 1), cols = try a.int(1, default: 1)
        let box = PlotState.of(ctx.session).start(FigureBox(try plotting { () throws(PlotError) in try Figure(rows: rows, cols: cols) }),
                                                  ctx.session)
        let axes = (0..<(rows * cols)).map { Value.native(AxesObject(AxesTarget(box: box, index: $0))) }
        let grid: Value = if axes.count == 1 {
            axes[0]
        } else if rows == 1 || cols == 1 {
            .list(axes)
        } else {
            .list((0..<rows).map { r in .list(Array(axes[(r * cols)..<((r + 1) * cols)])) })
        }
        return .tuple([.native(FigureObject(box)), grid])
    }

    static let show = Builtin("show", [.optional("width", defaultText: "nil"), .optional("color", defaultText: "nil")], topic: "plot",
                              doc: "Shows the current figure (or the image imshow or show_images made last, if it came after) and starts a new one for the next plot. Without arguments it goes to the display: real pixels in a terminal that draws pictures (kitty, iTerm2, sixel), else text at the terminal's width in its colours (80 columns without colour into a pipe or file). With width= or color= it prints text, width characters wide (braille dots for lines and points, blocks for bars); color is true (24-bit), \"256\", \"16\" or false. Without a current figure it shows nothing. savefig(path) still saves the figure shown.",
                              example: "plot([1, 4, 9])\nshow(width=40)") { a, ctx in
        let images = ImageDisplay.of(ctx.session)
        if let image = images.unshown, images.current === image {
            images.unshown = nil
            guard a[0] != nil else { ctx.session.display.show(image); return .null }
            let width = try a.int(0)
            guard width >= 1 else { throw a.invalid("width must be at least 1, got \(width)") }
            ctx.write(image.drawing(width: width) + "\n")
            return .null
        }
        let state = PlotState.of(ctx.session)
        guard let box = state.current else { return .null }
        state.current = nil
        return try FigureDisplay.show(box.figure, PlotArguments(a: a, base: 0), ctx)
    }
}
