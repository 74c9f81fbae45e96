/// A display on a terminal: ordinary output scrolls above the status lines, which are
/// redrawn in place below it (the way tqdm and cargo draw their bars).
///
/// The status lines are the last rows written, with the cursor at the end of the last one.
/// To print, the display erases them, writes the text and draws them again. A line of text
/// without its newline yet is held back until the newline comes (or the status goes), so a
/// bar is never drawn in the middle of someone's line.
public final class TerminalDisplay: Display {
    private let sink: (String) -> Void
    private let baseCapabilities: TerminalCapabilities
    private let size: () -> (width: Int, height: Int)?
    private let encoder: InlineImageEncoder?
    private var status: [String] = []
    /// Text after the last newline, held back while status lines are shown.
    private var pendingLine = ""
    /// Whether the cursor is at the start of a line (nothing written yet counts).
    private var atLineStart = true

    /// `sink` writes bytes to the terminal; `size` asks its size now (nil: unknown);
    /// `encoder` makes pictures real pixels where the terminal draws them (nil: text only).
    public init(capabilities: TerminalCapabilities, size: @escaping () -> (width: Int, height: Int)? = { nil },
                encoder: InlineImageEncoder? = nil, _ sink: @escaping (String) -> Void) {
        self.baseCapabilities = capabilities
        self.size = size
        self.encoder = encoder
        self.sink = sink
    }

    public var isTerminal: Bool { baseCapabilities.isTerminal }

    public var capabilities: TerminalCapabilities {
        var c = baseCapabilities
        if let s = size() { (c.width, c.height) = (s.width, s.height) }
        return c
    }

    public func write(_ text: String) {
        guard !text.isEmpty else { return }
        guard !status.isEmpty else { return emit(text) }
        pendingLine += text
        guard let lastNewline = pendingLine.lastIndex(of: "\n") else { return }
        let complete = String(pendingLine[...lastNewline])
        pendingLine = String(pendingLine[pendingLine.index(after: lastNewline)...])
        eraseStatus()
        emit(complete)
        drawStatus()
    }

    public func setStatus(_ lines: [String]) {
        let fitted = lines.map(fitted)
        guard fitted != status else { return }
        eraseStatus()
        if fitted.isEmpty, !pendingLine.isEmpty {
            emit(pendingLine)
            pendingLine = ""
        }
        status = fitted
        drawStatus()
    }

    public func show(_ value: RichValue) {
        let caps = capabilities
        let picture = caps.images.isInline && encoder != nil
            ? value.pixels(maxWidth: caps.width * 8, maxHeight: caps.height * 16) : nil
        let encoded = picture.flatMap { encoder?.escape($0, mode: caps.images) }
        write(encoded.map { $0 + "\n" } ?? value.text(for: caps))
    }

    public func flush() {}

    /// One row each: a line longer than the terminal would wrap, and the cursor-up count
    /// that erases the status would then be wrong.
    private func fitted(_ line: String) -> String {
        let width = max(capabilities.width - 1, 1)
        let single = line.replacingNewlines()
        return single.count > width ? String(single.prefix(width)) : single
    }

    private func emit(_ text: String) {
        sink(text)
        if let last = text.last { atLineStart = last == "\n" }
    }

    /// Moves to the start of the first status row, clearing every status row.
    private func eraseStatus() {
        guard !status.isEmpty else { return }
        sink("\r\u{1B}[K" + String(repeating: "\u{1B}[1A\u{1B}[K", count: status.count - 1))
        atLineStart = true
    }

    private func drawStatus() {
        guard !status.isEmpty else { return }
        if !atLineStart { sink("\n") }
        sink(status.joined(separator: "\n"))
        atLineStart = false
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        contains("\n") ? String(map { $0 == "\n" ? " " : $0 }) : self
    }
}
