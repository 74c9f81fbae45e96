/// How many colours the terminal shows; the caller decides (the renderer never looks at the
/// environment), so tests can render every mode.
public enum ColorMode: String, Equatable, Sendable, CaseIterable {
    case none, ansi16, ansi256, truecolor

    /// The SGR sequence that sets the foreground (or background) to `c`; "" without colour.
    public func sequence(_ c: RGB, background: Bool = false) -> String {
        switch self {
        case .none: return ""
        case .truecolor: return "\u{1B}[\(background ? 48 : 38);2;\(c.r);\(c.g);\(c.b)m"
        case .ansi256: return "\u{1B}[\(background ? 48 : 38);5;\(Self.cube(c))m"
        case .ansi16:
            let (index, bright) = Self.basic(c)
            return "\u{1B}[\((background ? 40 : 30) + index + (bright ? 60 : 0))m"
        }
    }

    public static let reset = "\u{1B}[0m"

    /// The nearest colour of the 6×6×6 cube of the 256-colour palette.
    static func cube(_ c: RGB) -> Int {
        func level(_ v: UInt8) -> Int { v < 48 ? 0 : v < 115 ? 1 : (Int(v) - 35) / 40 }
        return 16 + 36 * level(c.r) + 6 * level(c.g) + level(c.b)
    }

    /// The nearest of the eight basic colours, and whether its bright variant fits better.
    static func basic(_ c: RGB) -> (Int, Bool) {
        let high = max(c.r, c.g, c.b)
        let threshold = UInt8(max(64, Int(high) / 2))
        let index = (c.r > threshold ? 1 : 0) + (c.g > threshold ? 2 : 0) + (c.b > threshold ? 4 : 0)
        return (index, high > 191)
    }
}
