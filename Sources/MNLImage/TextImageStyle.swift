/// How pictures are drawn with characters, from what the terminal can show.
public enum TextImageStyle: String, CaseIterable, Sendable {
    /// Half blocks (▀) in 24-bit colour: two pixels a cell, a 28×28 digit in 28×14 cells.
    case trueColour
    /// Half blocks in the 256-colour palette (its grey ramp and colour cube).
    case colour256
    /// Ten ASCII shades, one cell for two pixels stacked: for NO_COLOR, pipes and files.
    case ascii
    /// No picture: one line saying what it is (`MNL_IMAGES=none`).
    case none

    /// The style for an output stream: ASCII unless it is a terminal that shows colour;
    /// `NO_COLOR` (any value) asks for ASCII; `MNL_IMAGES=blocks|ascii|none` overrides it all.
    /// (Kitty and sixel pictures are for the display channel; here they fall back to blocks.)
    public static func detect(environment: [String: String], isTerminal: Bool) -> TextImageStyle {
        switch environment["MNL_IMAGES"]?.lowercased() {
        case "none": return .none
        case "ascii": return .ascii
        case "blocks", "kitty", "sixel", "iterm", "iterm2": return colourDepth(environment) ?? .colour256
        default: break
        }
        guard isTerminal, environment["NO_COLOR"] == nil, environment["TERM"] != "dumb" else { return .ascii }
        return colourDepth(environment) ?? .colour256
    }

    /// 24-bit when the terminal says so (COLORTERM), else nil.
    private static func colourDepth(_ environment: [String: String]) -> TextImageStyle? {
        let colorterm = environment["COLORTERM"]?.lowercased() ?? ""
        return colorterm == "truecolor" || colorterm == "24bit" ? .trueColour : nil
    }
}
