import MNLDisplay
import MNLImage

/// How pictures become real pixels on terminals that draw them: PNG encoded by Cairo for
/// the kitty graphics protocol and iTerm2's inline images, sixel encoded by libsixel. The
/// executable hands it to its terminal display.
public struct TerminalPictureEncoder: InlineImageEncoder {
    public init() {}

    public func escape(_ image: PixelImage, mode: TerminalCapabilities.ImageMode) -> String? {
        guard let picture = Picture(image) else { return nil }
        do {
            switch mode {
            case .kitty, .iterm2: return InlineImage.escape(png: try CairoRaster.png(picture), mode: mode)
            case .sixel: return String(decoding: try SixelEncoding.encode(picture), as: UTF8.self)
            case .blocks, .ascii, .none: return nil
            }
        } catch {
            // A picture that cannot be encoded (out of memory) is shown as text instead.
            return nil
        }
    }
}

extension Picture {
    /// The display channel's pixels as a picture.
    init?(_ image: PixelImage) {
        guard image.rgb.count == image.width * image.height * 3 else { return nil }
        var pixels: [RGB] = []
        pixels.reserveCapacity(image.width * image.height)
        var i = 0
        while i < image.rgb.count {
            pixels.append(RGB(image.rgb[i], image.rgb[i + 1], image.rgb[i + 2]))
            i += 3
        }
        self.init(width: image.width, height: image.height, pixels: pixels)
    }

    /// The picture as the display channel's pixels.
    var pixelImage: PixelImage? { PixelImage(width: width, height: height, rgb: rgbBytes) }
}
