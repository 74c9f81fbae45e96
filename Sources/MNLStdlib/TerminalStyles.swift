import Foundation
import MNLDisplay
import MNLImage
import MNLPlot

/// The one reading of what the terminal can do (MNLDisplay's `TerminalCapabilities`: COLORTERM,
/// TERM, NO_COLOR, MNL_IMAGES, whether output is a terminal) turned into each library's own
/// setting, so figures, images and the display channel never disagree about a terminal.
extension TerminalCapabilities {
    /// The colours figures draw with.
    var figureColors: ColorMode {
        switch colors {
        case .none: .none
        case .ansi16: .ansi16
        case .ansi256: .ansi256
        case .trueColor: .truecolor
        }
    }

    /// How images draw as text: half blocks wherever the terminal shows pictures (real pixels
    /// through kitty, sixel or iTerm2 are the display channel's; text falls back to blocks),
    /// in 24-bit colour when it has it (`imageColors`: a forced `MNL_IMAGES=blocks` keeps its
    /// colours where other output has none).
    var imageStyle: TextImageStyle {
        switch images {
        case .none: .none
        case .ascii: .ascii
        case .blocks, .kitty, .sixel, .iterm2: imageColors == .trueColor ? .trueColour : .colour256
        }
    }
}
