import Foundation

/// Where a session's results go: text, a status line redrawn in place (progress bars), and
/// rich values (figures, images) that carry their own text rendering. The executable gives
/// the session a terminal display or a plain one; tests give it a fake terminal.
public protocol Display: AnyObject {
    /// What the other end can do; the size is asked afresh each time.
    var capabilities: TerminalCapabilities { get }
    /// Ordinary output, as is (no newline added). On a terminal it appears above the status
    /// lines, which are redrawn below it.
    func write(_ text: String)
    /// Replaces the status lines (outermost first) shown under ordinary output; an empty
    /// array removes them. Displays that cannot redraw in place ignore it.
    func setStatus(_ lines: [String])
    /// Shows a rich value: as a picture where the terminal draws them, else as its text.
    func show(_ value: RichValue)
    /// Makes everything written so far visible.
    func flush()
}

extension Display {
    public func show(_ value: RichValue) { write(value.text(for: capabilities)) }
    public func flush() {}
}

/// A value with more than one rendering: a figure, an image. Later work (plots, digits)
/// conforms to it; the display picks the rendering that suits the terminal.
public protocol RichValue {
    /// The text rendering for a terminal like this one (its width, colours, image mode),
    /// ending in a newline.
    func text(for capabilities: TerminalCapabilities) -> String
    /// The picture as PNG bytes, at most `width` × `height` pixels, for terminals that draw
    /// images; nil when the value has none (then its text is shown).
    func png(maxWidth: Int, maxHeight: Int) -> [UInt8]?
}

extension RichValue {
    public func png(maxWidth: Int, maxHeight: Int) -> [UInt8]? { nil }
}

/// Output that is not a terminal (a pipe, a file, a test's capture): text is passed on,
/// status lines are dropped (progress bars print plain lines instead), rich values are
/// written as their text.
public final class PlainDisplay: Display {
    private let sink: (String) -> Void
    public let capabilities: TerminalCapabilities

    public init(capabilities: TerminalCapabilities = .plain, _ sink: @escaping (String) -> Void) {
        self.sink = sink
        self.capabilities = capabilities
    }

    public func write(_ text: String) { sink(text) }
    public func setStatus(_ lines: [String]) {}

    /// The process's standard output, unbuffered (each write is one `write(2)`).
    public static func standardOutput(capabilities: TerminalCapabilities = .plain) -> PlainDisplay {
        PlainDisplay(capabilities: capabilities) { FileHandle.standardOutput.write(Data($0.utf8)) }
    }
}
