import Foundation

/// The one place diagnostics become text:
///
///     train.mnl:3:12: error: undefined variable 'lr' (did you mean 'lr0'?)
///         3 | w -= lr * g
///           |      ^^
///       in train() called at train.mnl:9:1
public struct DiagnosticRenderer: Sendable {
    public enum Style: Sendable { case plain, color }
    public let style: Style

    public init(style: Style = .plain) { self.style = style }

    public func render(_ d: Diagnostic) -> String {
        var out = ""
        guard let range = d.range else {
            return paint("error: ", "\u{1B}[1;31m") + d.kind.message
        }
        let (line, column) = range.file.location(of: range.start)
        out += paint("\(range.file.name):\(line):\(column): ", "\u{1B}[1m")
        out += paint("error: ", "\u{1B}[1;31m") + d.kind.message + "\n"
        out += excerpt(range, line: line, column: column)
        var i = 0
        while i < d.trace.count {
            let entry = d.trace[i]
            var repeats = 0
            while i + repeats + 1 < d.trace.count && d.trace[i + repeats + 1] == entry { repeats += 1 }
            out += "\n  in \(entry.function)() called at \(entry.callSite)"
            if repeats > 0 { out += " (and \(repeats) more times)" }
            i += repeats + 1
        }
        return out
    }

    /// The source line and a caret line under the range (at least one caret).
    private func excerpt(_ range: SourceRange, line: Int, column: Int) -> String {
        let text = range.file.lineText(line).replacingOccurrences(of: "\t", with: " ")
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        let (endLine, endColumn) = range.file.location(of: range.end)
        let width = endLine == line ? Swift.max(1, endColumn - column) : Swift.max(1, text.count - column + 1)
        let caret = String(repeating: " ", count: Swift.max(0, column - 1))
            + paint(String(repeating: "^", count: width), "\u{1B}[1;32m")
        return "    \(gutter) | \(text)\n    \(pad) | \(caret)"
    }

    private func paint(_ s: String, _ code: String) -> String {
        style == .color ? code + s + "\u{1B}[0m" : s
    }
}
