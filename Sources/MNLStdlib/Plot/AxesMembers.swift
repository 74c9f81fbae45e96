import MNLPlot
import MNLRuntime
import MNLSyntax

/// The drawing calls, declared once and used three ways: as functions on the session's
/// current figure (`plot(y)`, as pyplot), as figure methods (`f.plot(y)`) and as axes
/// methods (`axs[1].plot(y)`). Each returns the figure drawn into.
enum PlotCalls {
    struct Call {
        let name: String
        let parameters: [BuiltinParameter]
        let doc: String
        /// A method example; the function's is the same without `f.`.
        let example: String
        let run: (PlotArguments, AxesTarget) throws -> Value
    }

    static var all: [Call] {
        [
        Call(name: "plot", parameters: [.required("x"), .optional("y", defaultText: "nil"), .optional("label", defaultText: "nil"),
                                        .optional("color", defaultText: "nil"), .optional("style", defaultText: "\"-\"")],
             doc: "Draws a line through the points (x[i], y[i]); plot(y) alone takes x = 0, 1, 2... Lists or 1-D tensors. label names it in the legend; color is a name (\"red\", \"C1\", \"#ff8800\"); style is \"-\", \"--\", \":\" or \"-.\". Each new line takes the next colour.",
             example: "plot([3, 1, 2], label=\"loss\")") { p, t in
            let (x, y) = p.given(1) ? (try p.numbers(0), try p.numbers(1)) : (nil, try p.numbers(0))
            let label = try p.string(2), color = try p.color(3), style = try p.style(4)
            return try t.modify { (axes: inout Axes) throws(PlotError) in
                try axes.plot(x: x, y: y, label: label, color: color, style: style)
            }
        },
        Call(name: "scatter", parameters: [.required("x"), .required("y"), .optional("c", defaultText: "nil"),
                                           .optional("label", defaultText: "nil"), .optional("color", defaultText: "nil")],
             doc: "Draws a point at each (x[i], y[i]). c gives each point an integer class (labels), and each class its own colour.",
             example: "scatter([1, 2, 3, 4], [2, 1, 4, 3], c=[0, 0, 1, 1])") { p, t in
            let x = try p.numbers(0), y = try p.numbers(1), classes = try p.classes(2), label = try p.string(3), color = try p.color(4)
            return try t.modify { (axes: inout Axes) throws(PlotError) in
                try axes.scatter(x: x, y: y, classes: classes, label: label, color: color)
            }
        },
        Call(name: "hist", parameters: [.required("x"), .optional("bins", defaultText: "10"), .optional("label", defaultText: "nil"),
                                        .optional("color", defaultText: "nil")],
             doc: "A histogram of the values in x: bins equal-width bins over their range (the last bin includes its right edge; NaN and infinities are left out).",
             example: "hist([1, 2, 2, 3, 3, 3], bins=3)") { p, t in
            let x = try p.numbers(0), bins = try p.int(1, default: 10), label = try p.string(2), color = try p.color(3)
            return try t.modify { (axes: inout Axes) throws(PlotError) in try axes.hist(x, bins: bins, label: label, color: color) }
        },
        Call(name: "bar", parameters: [.required("labels"), .required("values"), .optional("label", defaultText: "nil"),
                                       .optional("color", defaultText: "nil")],
             doc: "A bar chart: one bar per label, values high (a list of names and a list or tensor of numbers, of one length).",
             example: "bar([\"cat\", \"dog\"], [3, 5])") { p, t in
            let labels = try p.labels(0) ?? [], values = try p.numbers(1), label = try p.string(2), color = try p.color(3)
            return try t.modify { (axes: inout Axes) throws(PlotError) in
                try axes.bar(labels: labels, values: values, label: label, color: color)
            }
        },
        Call(name: "heatmap", parameters: [.required("matrix"), .optional("annot", defaultText: "false"),
                                           .optional("xticklabels", defaultText: "nil"), .optional("yticklabels", defaultText: "nil")],
             doc: "A 2-D matrix (a confusion matrix) as cells shaded from light to dark, row 0 at the top; annot=true writes each value in its cell. The tick labels name the columns and rows (default 0, 1, 2...). It replaces whatever the axes held.",
             example: "heatmap([[5, 1], [0, 7]], annot=true)") { p, t in
            let m = try p.matrix(0), annot = try p.bool(1, default: false), xs = try p.labels(2), ys = try p.labels(3)
            return try t.modify { (axes: inout Axes) throws(PlotError) in
                try axes.heatmap(m, annotate: annot, xticklabels: xs, yticklabels: ys)
            }
        },
        Call(name: "legend", parameters: [.optional("show", defaultText: "true")],
             doc: "Shows (or with false hides) a legend of the labelled series under the axes.",
             example: "plot([1, 2], label=\"a\").legend()") { p, t in
            let show = try p.bool(0, default: true)
            return try t.modify { (axes: inout Axes) throws(PlotError) in axes.legend = show }
        },
        ]
    }
}

/// The members a figure and an axes share: the drawing calls and the axes' settings.
enum AxesMembers {
    static func declare<Object: NativeObject>(_ c: inout NativeClass.Declaration<Object>, _ target: @escaping (Object) -> AxesTarget) {
        for call in PlotCalls.all {
            c.method(call.name, call.parameters, doc: call.doc, example: "f = figure()\nf." + call.example) { o, a, ctx in
                let axes = target(o)
                // The figure drawn into last is the one savefig saves, as pyplot's current one.
                ImageDisplay.of(ctx.session).current = FigureObject(axes.box)
                return try call.run(PlotArguments(a: a, base: 1), axes)
            }
        }
        text(&c, "title", "The axes' title, centred above it.", target, \.title)
        text(&c, "xlabel", "The x axis's label, under it.", target, \.xlabel)
        text(&c, "ylabel", "The y axis's label, above it.", target, \.ylabel)
        limits(&c, "xlim", target, \.xlim)
        limits(&c, "ylim", target, \.ylim)
        scale(&c, "xscale", target, \.xscale)
        scale(&c, "yscale", target, \.yscale)
    }

    static func text<Object: NativeObject>(_ c: inout NativeClass.Declaration<Object>, _ name: String, _ doc: String,
                                           _ target: @escaping (Object) -> AxesTarget, _ key: WritableKeyPath<Axes, String>) {
        c.property(name, doc: doc, type: .string, get: { .string(target($0).axes[keyPath: key]) }, set: { o, v in
            if case .string(let s) = v { _ = try target(o).modify { $0[keyPath: key] = s } }
        })
    }

    /// `f.xlim = (0, 10)`; nil goes back to the data's range.
    static func limits<Object: NativeObject>(_ c: inout NativeClass.Declaration<Object>, _ name: String,
                                             _ target: @escaping (Object) -> AxesTarget,
                                             _ key: WritableKeyPath<Axes, ClosedRange<Double>?>) {
        c.property(name, doc: "The \(name.prefix(1)) axis's shown range as (low, high), or nil for the data's range.", type: .any,
                   get: { o in target(o).axes[keyPath: key].map { .tuple([.number($0.lowerBound), .number($0.upperBound)]) } ?? .null },
                   set: { o, v in
            guard case .null = v else {
                let (low, high) = try pair(v, name)
                do {
                    _ = try target(o).modify { (axes: inout Axes) throws(PlotError) in try axes.setLimits(String(name.prefix(1)), low, high) }
                } catch let d as Diagnostic {
                    throw d.attributed(to: name)  // a property has no call boundary to name it
                }
                return
            }
            _ = try target(o).modify { $0[keyPath: key] = nil }
        })
    }

    /// Two numbers from a tuple or list.
    static func pair(_ v: Value, _ name: String) throws -> (Double, Double) {
        let items: [Value]? = switch v {
        case .tuple(let t): t.items
        case .list(let l): l.items
        default: nil
        }
        guard let items, items.count == 2, let low = items[0].numberValue, let high = items[1].numberValue else {
            throw Diagnostic(.invalidValue(function: name, message: "expected (low, high), two numbers, got \(v.typeName)"), at: nil)
        }
        return (low, high)
    }

    static func scale<Object: NativeObject>(_ c: inout NativeClass.Declaration<Object>, _ name: String,
                                            _ target: @escaping (Object) -> AxesTarget, _ key: WritableKeyPath<Axes, Scale>) {
        c.property(name, doc: "The \(name.prefix(1)) axis's scale: \"linear\" or \"log\" (values ≤ 0 are not drawn).", type: .string,
                   get: { .string(target($0).axes[keyPath: key].rawValue) }, set: { o, v in
            guard case .string(let s) = v, let scale = Scale(rawValue: s) else {
                throw Diagnostic(.invalidValue(function: name, message: "expected \"linear\" or \"log\", got \(v.rendered())"), at: nil)
            }
            _ = try target(o).modify { $0[keyPath: key] = scale }
        })
    }
}
