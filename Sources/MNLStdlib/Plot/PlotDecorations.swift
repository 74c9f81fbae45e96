import MNLPlot
import MNLRuntime
import MNLSyntax

/// pyplot's decorations as functions on the current figure, so `plt.title("loss")` translates
/// one to one (`title("loss")`); the same settings are properties of figures and axes.
enum PlotDecorations {
    static var builtins: [Builtin] {
        [
            text("title", "Sets the current axes' title.", \.title),
            text("xlabel", "Sets the current axes' x axis label.", \.xlabel),
            text("ylabel", "Sets the current axes' y axis label.", \.ylabel),
            limits("xlim"), limits("ylim"),
            scale("xscale", \.xscale), scale("yscale", \.yscale),
        ]
    }

    /// The axes the current figure draws into (making a figure when there is none).
    static func current(_ ctx: CallContext) -> AxesTarget {
        let box = PlotState.of(ctx.session).figure(ctx.session)
        return AxesTarget(box: box, index: box.current)
    }

    static func text(_ name: String, _ doc: String, _ key: WritableKeyPath<Axes, String>) -> Builtin {
        Builtin(name, [.required("text")], topic: "plot", doc: doc + " Returns the current figure.",
                example: "plot([1, 2])\n\(name)(\"loss\")") { a, ctx in
            let s = try a.string(0)
            return try current(ctx).modify { $0[keyPath: key] = s }
        }
    }

    static func limits(_ name: String) -> Builtin {
        Builtin(name, [.required("low"), .required("high")], topic: "plot",
                doc: "Sets the shown range of the current axes' \(name.prefix(1)) axis (both finite, low < high). Returns the current figure.",
                example: "plot([1, 2])\n\(name)(0, 5)") { a, ctx in
            let low = try a.number(0), high = try a.number(1)
            return try current(ctx).modify { (axes: inout Axes) throws(PlotError) in try axes.setLimits(String(name.prefix(1)), low, high) }
        }
    }

    static func scale(_ name: String, _ key: WritableKeyPath<Axes, Scale>) -> Builtin {
        Builtin(name, [.required("scale")], topic: "plot",
                doc: "Sets the current axes' \(name.prefix(1)) scale: \"linear\" or \"log\" (values ≤ 0 are not drawn). Returns the current figure.",
                example: "plot([1, 10, 100])\n\(name)(\"log\")") { a, ctx in
            let text = try a.string(0)
            guard let scale = Scale(rawValue: text) else { throw a.invalid("expected \"linear\" or \"log\", got \(text)") }
            return try current(ctx).modify { $0[keyPath: key] = scale }
        }
    }
}
