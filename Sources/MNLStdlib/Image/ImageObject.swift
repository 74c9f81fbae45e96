import MNLDisplay
import MNLImage
import MNLRuntime

/// An image or a grid of images (`imshow`, `show_images`): printed as half blocks or ASCII
/// shades, saved as PNG, SVG or PDF.
final class ImageObject: NativeObject, SavableFigure, WidthAwareRendering {
    let grid: ImageGrid
    /// Captured from the session when made, since `print` has no session at hand.
    let style: TextImageStyle
    let printWidth: Int

    init(_ grid: ImageGrid, display: ImageDisplay) {
        self.grid = grid
        self.style = display.style
        self.printWidth = display.width
        super.init(ImageObject.declaration)
    }

    static let declaration = NativeClass(name: "image", of: ImageObject.self,
                                         doc: "An image or a grid of images, from imshow or show_images: printing it draws it (half blocks in colour terminals, ASCII shades otherwise); img.save(path) writes a PNG, SVG or PDF.",
                                         constructor: ImageBuiltins.imshow) { c in
        c.property("width", doc: "The width of one picture, in pixels.") { .number(Double($0.grid.cellWidth)) }
        c.property("height", doc: "The height of one picture, in pixels.") { .number(Double($0.grid.cellHeight)) }
        c.property("count", doc: "How many pictures: 1 from imshow, one per image from show_images.") { .number(Double($0.grid.pictures.count)) }
        c.method("save", [.required("path")],
                 doc: "Writes the image to path as PNG, SVG or PDF, by the path's extension (.png, .svg, .pdf), atomically; titles are real text. Returns nil.",
                 example: "imshow(eye(8)).save(\"/tmp/mnl-eye.png\")") { o, a, ctx in
            try ImageBuiltins.saveThroughSession(o, try a.string(1), ctx)
            return .null
        }
        c.method("savefig", [.required("path")], doc: "The same as save (matplotlib's fig.savefig).",
                 example: "imshow(eye(8)).savefig(\"/tmp/mnl-eye.svg\")") { o, a, ctx in
            try ImageBuiltins.saveThroughSession(o, try a.string(1), ctx)
            return .null
        }
        c.method("show", doc: "Draws the image into the output as the prompt does: real pixels on terminals that draw them (kitty, iTerm2, sixel), half blocks or ASCII shades otherwise, plain ASCII when output is not a terminal; for scripts. Returns nil.",
                 example: "imshow(eye(4)).show()") { o, _, ctx in
            ctx.session.display.show(o)
            return .null
        }
        c.render { $0.drawing(width: $0.printWidth) }
        c.summary { o in o.grid.pictures.count == 1 ? "\(o.grid.cellWidth)×\(o.grid.cellHeight)"
            : "\(o.grid.pictures.count) images \(o.grid.cellWidth)×\(o.grid.cellHeight) in \(o.grid.rows)×\(o.grid.columns)" }
    }

    /// The one place an image becomes text (print, echo and show all come here).
    func drawing(width: Int) -> String {
        TextImage.render(grid, width: width, style: style).joined(separator: "\n")
    }

    func render(lineWidth: Int) -> String { drawing(width: lineWidth) }

    func encoded(as format: ImageFormat) throws(ImageError) -> [UInt8] { try ImageFile.encode(grid, as: format) }
}

/// At the prompt and through `show()` an image draws as the display can: pixels where the
/// terminal takes them, else text at the terminal's width in its style.
extension ImageObject: RichValue {
    func text(for capabilities: TerminalCapabilities) -> String {
        TextImage.render(grid, width: capabilities.width, style: capabilities.imageStyle).joined(separator: "\n") + "\n"
    }

    func pixels(maxWidth: Int, maxHeight: Int) -> PixelImage? {
        try? ImageFile.picture(grid, maxWidth: maxWidth, maxHeight: maxHeight).pixelImage
    }
}
