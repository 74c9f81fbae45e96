/// What the terminal on the other end of the output can do. Detected once from the
/// environment (no terminal queries, so detection never blocks or leaves bytes on the
/// input), except the size, which the display asks afresh (windows are resized).
public struct TerminalCapabilities: Equatable, Sendable {
    /// Whether output goes to a terminal; false for pipes, files and tests.
    public var isTerminal: Bool
    /// Columns and rows (80 × 24 when unknown).
    public var width: Int
    public var height: Int
    public var colors: ColorDepth
    public var images: ImageMode
    /// The colours pictures drawn as half blocks use: `colors`, except where `MNL_IMAGES=blocks`
    /// asks for blocks that colour is off for (a pipe, NO_COLOR); their depth then comes from
    /// the variables that name it (COLORTERM), at least 256 colours (grey needs them).
    public var imageColors: ColorDepth

    public init(isTerminal: Bool, width: Int = 80, height: Int = 24, colors: ColorDepth, images: ImageMode,
                imageColors: ColorDepth? = nil) {
        self.isTerminal = isTerminal
        self.width = width
        self.height = height
        self.colors = colors
        self.images = images
        self.imageColors = imageColors ?? colors
    }

    /// A pipe or a file: no colour, no redrawing, pictures as ASCII shades.
    public static let plain = TerminalCapabilities(isTerminal: false, colors: .none, images: .ascii)

    /// How many colours escape sequences may use.
    public enum ColorDepth: Int, Comparable, Sendable {
        case none, ansi16, ansi256, trueColor
        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    /// How images (digits, figures) are shown: real pixels through a graphics protocol, or
    /// characters (half blocks in colour, ASCII shades), or not at all.
    public enum ImageMode: String, CaseIterable, Sendable {
        case kitty, sixel, iterm2, blocks, ascii, none

        /// Whether the terminal draws real pixels.
        public var isInline: Bool { self == .kitty || self == .sixel || self == .iterm2 }
    }

    /// The capabilities that `environment` describes for output that is (or is not) a
    /// terminal of `size` columns and rows. `MNL_IMAGES` overrides the image mode, so a user
    /// whose terminal is not recognised (or who wants text in a pipe) can say what works.
    public static func detect(environment env: [String: String], isTerminal: Bool,
                              size: (width: Int, height: Int)? = nil) -> TerminalCapabilities {
        let width = size?.width ?? env["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 80
        let height = size?.height ?? env["LINES"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 24
        let noColor = !(env["NO_COLOR"] ?? "").isEmpty  // no-color.org: set and not empty
        let colors = isTerminal && !noColor ? colorDepth(env) : .none
        var images: ImageMode = colors == .none ? .ascii : imageMode(env, colors: colors)
        var imageColors = colors
        if let forced = env["MNL_IMAGES"].flatMap({ ImageMode(rawValue: $0.lowercased()) }) {
            images = forced
            if forced == .blocks && colors < .ansi256 { imageColors = max(.ansi256, colorDepth(env)) }
        }
        return TerminalCapabilities(isTerminal: isTerminal, width: width, height: height, colors: colors, images: images,
                                    imageColors: imageColors)
    }

    /// From COLORTERM (truecolor/24bit) and TERM (`...-256color`, `dumb`).
    public static func colorDepth(_ env: [String: String]) -> ColorDepth {
        let term = env["TERM"] ?? ""
        if term == "dumb" { return .none }
        let colorterm = (env["COLORTERM"] ?? "").lowercased()
        if colorterm == "truecolor" || colorterm == "24bit" || term.hasSuffix("-direct") { return .trueColor }
        if term.contains("256color") || term == "xterm-kitty" || term == "xterm-ghostty" { return .ansi256 }
        return .ansi16
    }

    /// Terminals known to draw pictures, by the variables they set: kitty (and ghostty) speak
    /// the kitty graphics protocol, iTerm2 and WezTerm their inline-image escape, foot, mlterm
    /// and terminals whose TERM says so sixel. Others get half blocks in colour when they have
    /// 256 colours or more (grey needs them), else ASCII shades.
    static func imageMode(_ env: [String: String], colors: ColorDepth) -> ImageMode {
        let term = env["TERM"] ?? "", program = env["TERM_PROGRAM"] ?? ""
        if env["KITTY_WINDOW_ID"] != nil || term == "xterm-kitty" || term == "xterm-ghostty" || program == "ghostty" { return .kitty }
        if program == "iTerm.app" || program == "WezTerm" { return .iterm2 }
        if term.hasPrefix("foot") || term.hasPrefix("mlterm") || term.contains("sixel") { return .sixel }
        return colors >= .ansi256 ? .blocks : .ascii
    }
}
