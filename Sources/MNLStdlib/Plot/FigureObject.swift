import MNLPlot
import MNLRuntime
import MNLSyntax

/// One figure shared by its `figure` value and its `axes` values: drawing through any of
/// them changes the same figure, as in matplotlib.
final class FigureBox {
    var figure: Figure
    /// The axes that figure-level calls draw into (`f.plot(...)`): the first.
    var current = 0

    init(_ figure: Figure) { self.figure = figure }
}

/// A figure value: `f = plot(losses, label="train")`, `f.plot(val, label="validation")`,
/// `f.title = "loss"`, `f.show()`; `f[1]` is its second axes.
final class FigureObject: NativeObject {
    let box: FigureBox
    init(_ box: FigureBox) {
        self.box = box
        super.init(FigureObject.declaration)
    }

    static let declaration = NativeClass(name: "figure", of: FigureObject.self,
                                         doc: "A figure: one or more axes of lines, points, bars or a heatmap, shown at the prompt and by show (a picture where the terminal draws them, else text), printed as text by print, saved as PNG, SVG or PDF by savefig.",
                                         constructor: PlotBuiltins.figureBuiltin) { c in
        AxesMembers.declare(&c) { AxesTarget(box: $0.box, index: $0.box.current) }
        c.property("suptitle", doc: "A title over the whole figure.", type: .string,
                   get: { .string($0.box.figure.title) }, set: { o, v in if case .string(let s) = v { o.box.figure.title = s } })
        c.property("axes", doc: "The figure's axes, row by row.") { o in
            .list(o.box.figure.axes.indices.map { .native(AxesObject(AxesTarget(box: o.box, index: $0))) })
        }
        c.method("show", [.optional("width", defaultText: "nil"), .optional("color", defaultText: "nil")],
                 doc: "Shows the figure: without arguments through the display (real pixels in a terminal that draws pictures, else text at its width and colours; 80 columns of plain text into a pipe); with width= or color= as text, width characters wide, color true (24-bit), \"256\", \"16\" or false.",
                 example: "plot([1, 4, 9]).show(width=40)\nplot([1, 2]).show()") { o, a, ctx in
            try FigureDisplay.show(o.box.figure, PlotArguments(a: a, base: 1), ctx)
        }
        c.method("savefig", [.required("path"), .optional("dpi", defaultText: "100")],
                 doc: "Writes the figure to path as PNG, SVG or PDF, by the extension, atomically (as savefig(path, dpi=) does for the current figure): 6.4 × 4.8 inches, dpi pixels an inch in a PNG. Returns nil.",
                 example: "f = plot([3, 1, 2])\nf.savefig(\"/tmp/mnl-figure.svg\")") { o, a, ctx in
            try ImageBuiltins.saveThroughSession(o, try a.string(1), dpi: a[2], ctx)
            return .null
        }
        c.index { o, items, _ in
            guard items.count == 1, case .value(let v) = items[0], let n = v.numberValue, let i = IntegerConversion.exact(n) else {
                throw Diagnostic(.invalidValue(function: "figure index", message: "a figure is indexed by one integer"), at: nil)
            }
            let count = o.box.figure.axes.count
            guard (-count..<count).contains(i) else {
                throw Diagnostic(.library(LibraryFailure(PlotError.axesOutOfRange(index: i, count: count))), at: nil)
            }
            return .native(AxesObject(AxesTarget(box: o.box, index: i < 0 ? i + count : i)))
        }
        c.length { $0.box.figure.axes.count }
        c.render { FigureDisplay.text($0.box.figure) }
        c.summary { o in "\(o.box.figure.rows)×\(o.box.figure.cols) axes, \(o.box.figure.axes.map(\.series.count).reduce(0, +)) series" }
    }
}

/// One axes of a figure: `(fig, axs) = subplots(1, 2)` then `axs[0].plot(losses)`.
final class AxesObject: NativeObject {
    let target: AxesTarget
    init(_ target: AxesTarget) {
        self.target = target
        super.init(AxesObject.declaration)
    }

    static let declaration = NativeClass(name: "axes", of: AxesObject.self,
                                         doc: "One plot area of a figure (from subplots or f[i]); prints as its whole figure.") { c in
        AxesMembers.declare(&c) { $0.target }
        c.property("figure", doc: "The figure this axes belongs to.") { .native(FigureObject($0.target.box)) }
        c.method("savefig", [.required("path"), .optional("dpi", defaultText: "100")],
                 doc: "Writes the whole figure this axes belongs to, as figure.savefig does. Returns nil.",
                 example: "(fig, axs) = subplots(1, 2)\naxs[0].plot([1, 2])\naxs[1].savefig(\"/tmp/mnl-axes.png\")") { o, a, ctx in
            try ImageBuiltins.saveThroughSession(FigureObject(o.target.box), try a.string(1), dpi: a[2], ctx)
            return .null
        }
        c.render { FigureDisplay.text($0.target.box.figure) }
        c.summary { "axes \($0.target.index) of a figure" }
    }
}

/// The axes a member works on: which figure, which of its axes.
struct AxesTarget {
    let box: FigureBox
    let index: Int

    var axes: Axes { box.figure.axes[index] }

    /// Changes the axes; the figure value is what plotting calls return, so that the
    /// prompt draws it.
    func modify(_ change: (inout Axes) throws(PlotError) -> Void) throws -> Value {
        try plotting { () throws(PlotError) in try change(&box.figure.axes[index]) }
        return .native(FigureObject(box))
    }
}
