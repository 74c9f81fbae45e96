import Foundation
import MNLDisplay
import MNLFigureFile
import MNLImage
import MNLPlot
import MNLRuntime
import MNLSyntax

/// The one place where a figure becomes text or pixels for the user: `print`, `show` and the
/// prompt's echo all come here. What the terminal can do comes from the session's display,
/// never from the process's environment.
enum FigureDisplay {
    /// The figure as text: by default as `print` shows it, 80 columns, no colour (the same
    /// in a pipe and a file).
    static func text(_ figure: Figure, width: Int = 80, color: ColorMode = .none) -> String {
        let height = TextRenderer.suggestedHeight(figure, width: width)
        do {
            return try TextRenderer.render(figure, width: width, height: height, color: color).joined(separator: "\n")
        } catch {
            return "<figure: \(error.message)>"
        }
    }

    /// `show()`: through the session's display (pixels or text, as the terminal allows);
    /// `show(width=, color=)`: text as asked. Returns nil.
    static func show(_ figure: Figure, _ p: PlotArguments, _ ctx: CallContext) throws -> Value {
        guard p.given(0) || p.given(1) else {
            ctx.session.display.show(RichFigure(figure: figure))
            return .null
        }
        let width = try p.int(0, default: 80)
        let mode = try colorMode(p, 1)
        let height = TextRenderer.suggestedHeight(figure, width: width)
        let lines = try plotting { () throws(PlotError) in try TextRenderer.render(figure, width: width, height: height, color: mode) }
        ctx.write(lines.joined(separator: "\n") + "\n")
        return .null
    }

    /// `color=`: false or "none", true or "truecolor", "256", "16".
    static func colorMode(_ p: PlotArguments, _ i: Int) throws -> ColorMode {
        guard let v = p.a[p.base + i] else { return .none }
        switch v {
        case .bool(let b): return b ? .truecolor : .none
        case .string("none"): return .none
        case .string("truecolor"), .string("24bit"): return .truecolor
        case .string("256"): return .ansi256
        case .string("16"): return .ansi16
        default:
            throw p.a.invalid("color must be true, false, \"truecolor\", \"256\", \"16\" or \"none\", got \(v.rendered())")
        }
    }

    /// `dpi=` of savefig: pixels an inch of a PNG (the figure is 6.4 × 4.8 inches).
    static func dpi(_ a: Arguments, _ i: Int) throws -> Double {
        guard a[i] != nil else { return FigureFile.defaultDPI }
        let dpi = try a.number(i)
        guard dpi.isFinite, FigureFile.dpiRange.contains(dpi) else {
            throw a.invalid("dpi must be between \(Int(FigureFile.dpiRange.lowerBound)) and \(Int(FigureFile.dpiRange.upperBound)), got \(Value.number(dpi).rendered())")
        }
        return dpi
    }
}

/// A figure as the display takes it: its text at the terminal's width in its colours, or
/// Cairo's picture for terminals that draw pixels.
struct RichFigure: RichValue {
    let figure: Figure

    func text(for capabilities: TerminalCapabilities) -> String {
        let width = min(max(capabilities.width, TextRenderer.widthRange.lowerBound), 160)
        return FigureDisplay.text(figure, width: width, color: capabilities.figureColors) + "\n"
    }

    func pixels(maxWidth: Int, maxHeight: Int) -> PixelImage? {
        // A picture too large for the memory budget is shown as text instead.
        (try? FigureFile.picture(figure, maxWidth: maxWidth, maxHeight: maxHeight))?.pixelImage
    }
}

/// At the prompt a figure (or one of its axes) is shown through the display, as a notebook
/// cell shows it.
extension FigureObject: RichValue {
    func text(for capabilities: TerminalCapabilities) -> String { RichFigure(figure: box.figure).text(for: capabilities) }
    func pixels(maxWidth: Int, maxHeight: Int) -> PixelImage? { RichFigure(figure: box.figure).pixels(maxWidth: maxWidth, maxHeight: maxHeight) }
}

extension AxesObject: RichValue {
    func text(for capabilities: TerminalCapabilities) -> String { RichFigure(figure: target.box.figure).text(for: capabilities) }
    func pixels(maxWidth: Int, maxHeight: Int) -> PixelImage? {
        RichFigure(figure: target.box.figure).pixels(maxWidth: maxWidth, maxHeight: maxHeight)
    }
}

/// A figure saves as Cairo draws it (`savefig`, `f.savefig`).
extension FigureObject: SavableFigure {
    func encoded(as format: ImageFormat) throws(ImageError) -> [UInt8] { try FigureFile.encode(box.figure, as: format) }
    func encoded(as format: ImageFormat, dpi: Double) throws(ImageError) -> [UInt8] {
        try FigureFile.encode(box.figure, as: format, dpi: dpi)
    }
}
