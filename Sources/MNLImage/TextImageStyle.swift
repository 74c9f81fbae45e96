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
}
