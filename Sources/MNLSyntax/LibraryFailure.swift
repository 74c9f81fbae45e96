/// An error of a library the language binds (TensorKit, MNLData, MNLLearn), kept as the
/// library's own data until `DiagnosticKind.message` renders it with the library's wording.
/// The binding layer conforms the libraries' error types; the libraries know nothing of it.
public protocol LibraryError: Error, Sendable {
    /// The one-sentence message. `function` is the builtin the user called, when the error
    /// came from one (`randn(-1)` reports `randn: ...` even though the check lives in the
    /// library's shared shape validation); nil for operators.
    func message(calledAs function: String?) -> String
}

/// A library error inside a diagnostic, and the builtin it happened in once the call
/// boundary knows it (`Diagnostic.attributed(to:)`).
public struct LibraryFailure: Equatable, Sendable {
    public let error: any LibraryError
    public internal(set) var function: String?

    public init(_ error: any LibraryError, function: String? = nil) {
        self.error = error
        self.function = function
    }

    public var message: String { error.message(calledAs: function) }

    /// Two failures are equal when they are the same kind of error saying the same thing.
    public static func == (a: LibraryFailure, b: LibraryFailure) -> Bool {
        type(of: a.error) == type(of: b.error) && a.message == b.message
    }
}

extension Diagnostic {
    /// A library error raised inside the builtin `function` is reported as that builtin's,
    /// unless a builtin called deeper already claimed it.
    public func attributed(to function: String) -> Diagnostic {
        // An error that already has a place came from language code the builtin called back.
        guard range == nil, case .library(var f) = kind, f.function == nil else { return self }
        f.function = function
        var d = self
        d.kind = .library(f)
        return d
    }
}
