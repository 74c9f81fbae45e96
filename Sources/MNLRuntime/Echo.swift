/// How the REPL shows the value of an expression: like `repr`, but kept readable when the
/// value is large. `print` and `str` are not affected; they always show everything.
public struct EchoStyle: Sendable {
    /// The terminal's width in columns; nil when output is not a terminal, which keeps the
    /// formatters' default layout (so piped output does not depend on a window).
    public var lineWidth: Int?
    public var limits: SummaryLimits

    public init(lineWidth: Int? = nil, limits: SummaryLimits = SummaryLimits()) {
        self.lineWidth = lineWidth
        self.limits = limits
    }
}

/// When the echo summarises: NumPy's threshold of 1000 items, with 3 shown at each end.
public struct SummaryLimits: Sendable {
    /// Lists longer than this show only their ends and their length.
    public var items = 1000
    public var edgeItems = 3
    /// Strings longer than this show only their ends and their length.
    public var characters = 1000
    public var edgeCharacters = 60

    public init() {}
}

/// A native object that can lay itself out for a given width (tensors wrap their rows).
public protocol WidthAwareRendering {
    func render(lineWidth: Int) -> String
}

extension Value {
    /// The REPL's echo of this value (see `EchoStyle`). A record that holds native objects
    /// or does not fit on one line shows one field per line, native objects by their
    /// summary: `  train: tensor (60000, 784) float32  179.4 MB`.
    public func echoed(style: EchoStyle) -> String {
        switch self {
        case .record(let r):
            let line = summarised(style)
            let width = style.lineWidth ?? 80
            let holdsNatives = r.entries.contains { if case .native = $0.1 { true } else { false } }
            guard holdsNatives || line.count > width else { return line }
            let fields = r.entries.map { key, value in
                Self.cut("  " + key.text + ": " + value.fieldSummary(style), to: width)
            }
            return (["{"] + fields + ["}"]).joined(separator: "\n")
        case .native(let o):
            if let lineWidth = style.lineWidth, let wide = o as? WidthAwareRendering { return wide.render(lineWidth: lineWidth) }
            return o.echo()
        default:
            return summarised(style)
        }
    }

    /// `repr` with long lists and strings summarised.
    func summarised(_ style: EchoStyle) -> String {
        var printer = ValuePrinter()
        printer.limits = style.limits
        printer.write(self) { "<\($0.cls.name)>" }
        return printer.text
    }

    /// One line for a record's field: native objects by type and summary.
    private func fieldSummary(_ style: EchoStyle) -> String {
        guard case .native(let o) = self else { return summarised(style) }
        let summary = o.summary()
        return summary == o.typeName ? summary : o.typeName + " " + summary
    }

    private static func cut(_ line: String, to width: Int) -> String {
        line.count <= width ? line : String(line.prefix(max(10, width - 3))) + "..."
    }
}
