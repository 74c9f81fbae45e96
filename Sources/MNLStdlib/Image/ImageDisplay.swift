import MNLData
import MNLDisplay
import MNLImage
import MNLRuntime
import MNLSyntax

/// How one session draws images as text, and the last image or figure made: what
/// `savefig(path)` saves, as pyplot's current figure. Per session (`Session.state`).
final class ImageDisplay {
    /// Set once by the front end from its output stream (`Stdlib.configureImages`).
    var style: TextImageStyle = .ascii
    /// Columns `print` lays pictures out in; the REPL echo uses the terminal's width instead.
    var width = 80
    /// The value `savefig` saves.
    var current: (NativeObject & SavableFigure)?
    /// The last image made, until `show()` shows it (pyplot's `imshow(x); show()`).
    weak var unshown: ImageObject?

    init() {}

    static func of(_ session: Session) -> ImageDisplay { session.state(ImageDisplay.self) { ImageDisplay() } }
}

/// A value that can be written as a PNG, SVG or PDF file: images, and figures (each becomes
/// `ImageDisplay.current` when made).
protocol SavableFigure: AnyObject {
    func encoded(as format: ImageFormat) throws(ImageError) -> [UInt8]
    /// At `dpi` pixels an inch where the value has a size in inches (figures); images keep
    /// their whole-pixel scale and ignore it.
    func encoded(as format: ImageFormat, dpi: Double) throws(ImageError) -> [UInt8]
}

extension SavableFigure {
    func encoded(as format: ImageFormat, dpi: Double) throws(ImageError) -> [UInt8] { try encoded(as: format) }

    /// Writes the file, choosing the format by the path's extension, atomically.
    func save(to path: String, dpi: Double = 100) throws {
        guard let format = ImageFormat(path: path) else { throw imageDiagnostic(.unknownFormat(path: path)) }
        let bytes: [UInt8]
        do { bytes = try encoded(as: format, dpi: dpi) } catch { throw imageDiagnostic(error) }
        try loading { () throws(DataError) in try BinaryFile.write(bytes, to: path) }
    }
}

extension Stdlib {
    /// Chooses how images print for output that goes to a terminal or not, from the
    /// environment (COLORTERM, NO_COLOR, TERM, MNL_IMAGES) as the display channel reads it.
    public static func configureImages(_ session: Session, environment: [String: String], isTerminal: Bool, width: Int? = nil) {
        let display = ImageDisplay.of(session)
        let capabilities = TerminalCapabilities.detect(environment: environment, isTerminal: isTerminal)
        display.style = capabilities.imageStyle
        if let width { display.width = width }
    }
}

extension ImageError: LibraryError {
    public func message(calledAs function: String?) -> String { "\(function ?? "image"): \(message)" }
}

func imageDiagnostic(_ e: ImageError) -> Diagnostic { Diagnostic(.library(LibraryFailure(e)), at: nil) }

/// Runs MNLImage code, turning its errors into the language's.
func imaging<T>(_ body: () throws(ImageError) -> T) throws -> T {
    do { return try body() } catch { throw imageDiagnostic(error) }
}
