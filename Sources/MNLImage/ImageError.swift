/// Everything that can go wrong making or writing an image, as data; `message` is the one
/// wording (the binding layer adds the function's name).
public enum ImageError: Error, Equatable, Sendable {
    /// Values of this shape are not an image (or a batch of them); `expected` says what is.
    case badShape(shape: [Int], expected: String)
    /// A colour map name that is not one of `Colormap.names`.
    case unknownColormap(name: String)
    /// A file name whose extension is not .png, .svg or .pdf.
    case unknownFormat(path: String)
    /// More pictures than a grid may hold (its text would be megabytes).
    case tooManyImages(count: Int, limit: Int)
    /// The rendered file would be larger than Cairo or the memory budget allows.
    case tooLarge(width: Int, height: Int)
    /// Cairo reported a failure while drawing or encoding.
    case cairo(format: String, status: String)
    /// libsixel reported a failure while encoding a picture for a sixel terminal.
    case sixel(status: String)

    public var message: String {
        switch self {
        case .badShape(let shape, let expected):
            "cannot show values of shape \(Self.shapeText(shape)) as \(expected)"
        case .unknownColormap(let name):
            "unknown colour map \"\(name)\" (known: \(Colormap.names.joined(separator: ", ")))"
        case .unknownFormat(let path):
            "\(path): cannot tell the image format from the file name (use .png, .svg or .pdf)"
        case .tooManyImages(let count, let limit):
            "\(count) images are too many to show at once (at most \(limit); show a slice such as x[0:25])"
        case .tooLarge(let width, let height):
            "an image of \(width)×\(height) pixels is too large to render"
        case .cairo(let format, let status):
            "Cairo could not write the \(format) image: \(status)"
        case .sixel(let status):
            "libsixel could not encode the picture: \(status)"
        }
    }

    /// `(28, 28)`, `(784,)`, as the language prints shapes.
    static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }
}
