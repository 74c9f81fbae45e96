import Foundation

/// The escape sequences that make a terminal draw a PNG as real pixels (the framing only; the
/// front end's `InlineImageEncoder` makes the PNG, and sixel's own encoding).
public enum InlineImage {
    /// The sequence for `mode`, or nil when the mode does not take PNG (sixel).
    public static func escape(png: [UInt8], mode: TerminalCapabilities.ImageMode) -> String? {
        let base64 = Data(png).base64EncodedString()
        switch mode {
        case .kitty: return kitty(base64)
        case .iterm2: return "\u{1B}]1337;File=inline=1;size=\(png.count);preserveAspectRatio=1:\(base64)\u{07}"
        default: return nil
        }
    }

    /// The kitty graphics protocol takes the payload in chunks of at most 4096 bytes, each
    /// saying whether more follow (`m=1`); the first also says what it is (PNG, display now).
    static func kitty(_ base64: String) -> String {
        let bytes = Array(base64.utf8)
        var out = ""
        var start = 0
        repeat {
            let end = min(start + 4096, bytes.count)
            let chunk = String(decoding: bytes[start..<end], as: UTF8.self)
            let more = end < bytes.count ? 1 : 0
            let keys = start == 0 ? "a=T,f=100,m=\(more)" : "m=\(more)"
            out += "\u{1B}_G\(keys);\(chunk)\u{1B}\\"
            start = end
        } while start < bytes.count
        return out
    }
}
