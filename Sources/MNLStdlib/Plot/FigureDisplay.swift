import Foundation
import MNLDisplay
import MNLPlot
import MNLRuntime
import MNLSyntax

/// The one place where a figure becomes text for the user: `print`, `show` and the
/// prompt's echo all come here, so a richer display (images in the terminal) can take over
/// in one spot.
enum FigureDisplay {
    /// The figure as `print` shows it: 80 columns, no colour (the same in a pipe and a file).
    static func text(_ figure: Figure, width: Int = 80, color: ColorMode = .none) -> String {
        let height = TextRenderer.suggestedHeight(figure, width: width)
        do {
            return try TextRenderer.render(figure, width: width, height: height, color: color).joined(separator: "\n")
        } catch {
            return "<figure: \(error.message)>"
        }
    }

    /// `show(width=, color=)`: prints the figure and returns nil.
    static func show(_ figure: Figure, _ p: PlotArguments, _ ctx: CallContext) throws -> Value {
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

    /// The colours of the terminal the prompt echoes to, as the display channel reads them.
    static func terminalColorMode() -> ColorMode { TerminalCapabilities.ofThisProcess.figureColors }
}

/// At the prompt a figure draws itself at the terminal's width, in its colours.
extension FigureObject: WidthAwareRendering {
    func render(lineWidth: Int) -> String {
        FigureDisplay.text(box.figure, width: min(max(lineWidth, TextRenderer.widthRange.lowerBound), 160),
                           color: FigureDisplay.terminalColorMode())
    }
}

extension AxesObject: WidthAwareRendering {
    func render(lineWidth: Int) -> String {
        FigureDisplay.text(target.box.figure, width: min(max(lineWidth, TextRenderer.widthRange.lowerBound), 160),
                           color: FigureDisplay.terminalColorMode())
    }
}
