import MemoryBudget
import MNLImage
import MNLRuntime
import TensorKit

/// Digits and other images, with pyplot's names: `imshow`, `show_images` (the course's grid
/// of predictions) and `savefig`. The pictures themselves are MNLImage's.
enum ImageBuiltins {
    static var builtins: [Builtin] { [imshow, showImages, savefig] }

    /// More pictures than this in one grid are refused (a slice is what anyone wants).
    static let maxImages = 1000

    static let imshow = Builtin("imshow", [.required("image"), .optional("cmap", defaultText: "\"gray\""),
                                           .optional("vmin", defaultText: "nil"), .optional("vmax", defaultText: "nil")],
        topic: "images",
        doc: "An image value of a 2-D tensor (H, W), an RGB tensor (H, W, 3), or a vector of square length (784 values are a 28×28 digit). Grey values are scaled from their range, or from vmin= and vmax=, through cmap= (\"gray\", \"gray_r\", \"binary\", \"viridis\", \"bwr\"); RGB values are fractions 0 to 1, or bytes 0 to 255. At the prompt it is drawn in half blocks (two pixels a character cell, in colour) or ASCII shades when colour is off; print(img) draws it too, img.save(path) and savefig(path) write a PNG, SVG or PDF.",
        example: "img = imshow(tensor([[0, 1, 2, 3], [3, 2, 1, 0]]))\nimg\nimshow(eye(6), cmap=\"gray_r\")") { a, ctx in
        let t = try a.tensor(0)
        let shape = try imaging { () throws(ImageError) in try ImageShape.image(t.shape) }
        let colour = try colouring(a, cmap: 1, vmin: 2, vmax: 3)
        return made(ImageGrid(pictures: try rasters(t, shape).map(colour)), ctx)
    }

    static let showImages = Builtin("show_images", [.required("images"), .optional("titles", defaultText: "nil"), .optional("cols", defaultText: "nil"),
                                                    .optional("cmap", defaultText: "\"gray\""), .optional("vmin", defaultText: "nil"),
                                                    .optional("vmax", defaultText: "nil"), .optional("axis", defaultText: "nil")],
        topic: "images",
        doc: "A grid of images with a title under each (titles=, a list as long as the images), cols= per row (near-square by default): the course's 5×5 grid of \"Pred: 7, True: 7\". images is a list (of tensors, each as imshow takes them, or of images imshow made, shown with their own colours), a tensor (N, H, W) or (N, H, W, 3), or a 2-D tensor of flattened square images: one per row (N×784), or one per column when only the columns are of square length (a first-layer weight matrix 784×k shows k digits of 28×28; when both are, the longer axis is the image; axis=0 or axis=1 says which axis counts the images). Each image is scaled from its own range unless vmin=/vmax= are given. At most 1000 images.",
        example: "show_images(eye(4).reshape(1, 16) * tensor([[1], [2], [3]]), titles=[\"one\", \"two\", \"three\"], cols=3)") { a, ctx in
        let pics = try images(a, colouring: try colouring(a, cmap: 3, vmin: 4, vmax: 5))
        let titles = try titleList(a, count: pics.count, ctx)
        let columns = a[2] == nil ? nil : try a.int(2)
        if let columns, columns < 1 { throw a.invalid("cols must be at least 1, got \(columns)") }
        return made(ImageGrid(pictures: pics, titles: titles, columns: columns), ctx)
    }

    static let savefig = Builtin("savefig", [.required("path"), .optional("dpi", defaultText: "100"), .optional("image", defaultText: "nil")],
        topic: "images",
        doc: "Writes the current figure or image, whichever was made last (as pyplot's current figure: by plot, scatter, hist, bar, heatmap, figure, subplots, imshow or show_images; still the one shown after show()), or image= (an image or a figure), to path as PNG, SVG or PDF, chosen by the extension, atomically. A figure is 6.4 × 4.8 inches as in matplotlib: a PNG of 640 × 480 pixels at the default dpi=100 (10 to 1000), an SVG or PDF of 460.8 × 345.6 points whatever the dpi. Images keep their pixel scale. An unknown extension or a directory that does not exist is an error naming the path.",
        example: "plot([1, 4, 9], label=\"squares\")\nsavefig(\"/tmp/mnl-savefig-plot.png\", dpi=50)\nimshow(eye(8))\nsavefig(\"/tmp/mnl-savefig.png\")\nsavefig(\"/tmp/mnl-savefig.pdf\")") { a, ctx in
        let path = try a.string(0)
        let dpi = try FigureDisplay.dpi(a, 1)
        if let v = a[2] {
            guard case .native(let o) = v, let value = o as? SavableFigure else { throw a.bad(2, expected: "image or figure", got: v) }
            try value.save(to: path, dpi: dpi)
            return .null
        }
        guard let current = ImageDisplay.of(ctx.session).current else {
            throw a.invalid("nothing to save yet: make a figure or an image first (plot, hist, imshow, show_images...), or call f.savefig(path)")
        }
        try current.save(to: path, dpi: dpi)
        return .null
    }

    /// `img.save(path)` goes through the session's own `savefig`, so a session whose file
    /// builtins are refused (the fuzzer's sandbox replaces every builtin with a path
    /// parameter) refuses image methods too.
    static func saveThroughSession(_ value: NativeObject & SavableFigure, _ path: String, dpi: Value? = nil, _ ctx: CallContext) throws {
        guard let savefig = ctx.session.builtins["savefig"] else { return try value.save(to: path) }
        let keywords: [(String, Value)] = [("image", .native(value))] + (dpi.map { [("dpi", $0)] } ?? [])
        _ = try ctx.call(.builtin(BuiltinFunction(savefig)), [.string(path)], keywords: keywords)
    }

    /// The new image value, which becomes the session's current one for `savefig`.
    static func made(_ grid: ImageGrid, _ ctx: CallContext) -> Value {
        let display = ImageDisplay.of(ctx.session)
        let image = ImageObject(grid, display: display)
        display.current = image
        display.unshown = image
        return .native(image)
    }

    /// The pictures of `show_images`'s first argument: a list (of tensors, coloured here, or
    /// of image values, shown as they were made) or one tensor of many images.
    static func images(_ a: Arguments, colouring colour: (Raster) -> Picture) throws -> [Picture] {
        if case .list(let list) = try a.value(0) {
            guard !list.items.isEmpty else { throw a.invalid("no images to show (the list is empty)") }
            let pictures = try list.items.flatMap { v -> [Picture] in
                if case .native(let o) = v, let image = o as? ImageObject { return image.grid.pictures }
                let t = try TensorConversion.tensor(v, argument: "show_images")
                return try rasters(t, try imaging { () throws(ImageError) in try ImageShape.image(t.shape) }).map(colour)
            }
            guard pictures.count <= maxImages else { throw imageDiagnostic(.tooManyImages(count: pictures.count, limit: maxImages)) }
            return pictures
        }
        let t = try a.tensor(0)
        let axis = a[6] == nil ? nil : try a.int(6)
        if let axis, axis != 0 && axis != 1 { throw a.invalid("axis must be 0 or 1, got \(axis)") }
        let shape = try imaging { () throws(ImageError) in try ImageShape.images(t.shape, axis: axis) }
        guard shape.count <= maxImages else { throw imageDiagnostic(.tooManyImages(count: shape.count, limit: maxImages)) }
        return try rasters(t, shape).map(colour)
    }

    /// The pictures' numbers, read once as Doubles (refused when that copy would not fit).
    static func rasters(_ t: Tensor, _ shape: ImageShape) throws -> [Raster] {
        guard MemoryBudget.allows(bytes: t.count.multipliedReportingOverflow(by: 16).partialValue) else {
            throw imageDiagnostic(.tooLarge(width: shape.width, height: shape.height))
        }
        return shape.rasters(from: t.toDoubles())
    }

    /// How rasters become pictures: each scaled from its own range unless vmin/vmax are
    /// given, through the colour map (both checked before any work).
    static func colouring(_ a: Arguments, cmap: Int, vmin: Int, vmax: Int) throws -> (Raster) -> Picture {
        let name = try a.string(cmap, default: "gray")
        let colormap = try imaging { () throws(ImageError) in
            guard let c = Colormap(rawValue: name) else { throw .unknownColormap(name: name) }
            return c
        }
        let low = a[vmin] == nil ? nil : try a.number(vmin)
        let high = a[vmax] == nil ? nil : try a.number(vmax)
        return { Picture($0, scaling: Scaling.fitting($0, vmin: low, vmax: high), colormap: colormap) }
    }

    /// The titles as text (strings as they are, other values as print shows them).
    static func titleList(_ a: Arguments, count: Int, _ ctx: CallContext) throws -> [String] {
        guard let v = a[1] else { return [] }
        guard case .list(let list) = v else { throw a.bad(1, expected: "list", got: v) }
        guard list.items.count == count else {
            throw a.invalid("titles has \(list.items.count) entries for \(count) images")
        }
        return list.items.map { item in if case .string(let s) = item { s } else { ctx.render(item) } }
    }
}
