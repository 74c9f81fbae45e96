import Foundation

/// Where a session's results go: text, a status line redrawn in place (progress bars), and
/// rich values (figures, images) that carry their own text rendering. The executable gives
/// the session a terminal display or a plain one; tests give it a fake terminal.
public protocol Display: AnyObject {
    /// What the other end can do; the size is asked afresh each time.
    var capabilities: TerminalCapabilities { get }
    /// Whether the other end is a terminal, without asking its size (progress bars check it
    /// on every step).
    var isTerminal: Bool { get }
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
    public var isTerminal: Bool { capabilities.isTerminal }
    public func show(_ value: RichValue) { write(value.text(for: capabilities)) }
    public func flush() {}
}

/// A value with more than one rendering: a figure, an image. The display picks the
/// rendering that suits the terminal.
public protocol RichValue {
    /// The text rendering for a terminal like this one (its width, colours, image mode),
    /// ending in a newline.
    func text(for capabilities: TerminalCapabilities) -> String
    /// The picture as pixels, at most `maxWidth` × `maxHeight`, for terminals that draw
    /// images; nil when the value has none (then its text is shown).
    func pixels(maxWidth: Int, maxHeight: Int) -> PixelImage?
}

extension RichValue {
    public func pixels(maxWidth: Int, maxHeight: Int) -> PixelImage? { nil }
}

/// An RGB picture, 8 bits a channel, row-major without padding: what a rich value hands a
/// display that draws real pixels.
public struct PixelImage: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// `width * height * 3` bytes: red, green, blue.
    public let rgb: [UInt8]

    public init?(width: Int, height: Int, rgb: [UInt8]) {
        guard width > 0, height > 0, rgb.count == width * height * 3 else { return nil }
        self.width = width
        self.height = height
        self.rgb = rgb
    }
}

/// Turns pixels into the bytes a terminal's graphics protocol takes (PNG for kitty and
/// iTerm2, sixel). The front end supplies it: the encoders need Cairo and libsixel, which
/// this module does not link.
public protocol InlineImageEncoder {
    /// The escape sequence that draws `image` in `mode`, or nil when it cannot (the text
    /// rendering is shown instead).
    func escape(_ image: PixelImage, mode: TerminalCapabilities.ImageMode) -> String?
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
