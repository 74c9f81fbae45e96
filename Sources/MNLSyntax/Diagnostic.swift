/// An error with where it happened. Thrown by every stage; rendered by `DiagnosticRenderer`.
public struct Diagnostic: Error, Sendable {
    public var kind: DiagnosticKind
    /// The culprit's source range; nil only for errors with no source (a missing script file).
    public var range: SourceRange?
    /// The chain of language-level calls that led here, innermost first.
    public var trace: [TraceEntry]

    public init(_ kind: DiagnosticKind, at range: SourceRange?, trace: [TraceEntry] = []) {
        self.kind = kind
        self.range = range
        self.trace = trace
    }

    /// True when the parser stopped at the end of the input inside an open construct.
    public var isIncompleteInput: Bool {
        if case .unexpectedEndOfInput = kind { return true }
        if case .unterminatedTripleQuotedString = kind, let r = range { return r.end >= r.file.bytes.count }
        return false
    }

    /// The status of `exit(status)`, which ends a script or the REPL instead of failing.
    public var exitStatus: Int? {
        if case .exitRequested(let status) = kind { return status }
        return nil
    }

    /// True for `exit(status)`, which `try` lets through.
    public var isExitRequest: Bool { exitStatus != nil }
}

/// One language-level call in a runtime error's trace.
public struct TraceEntry: Equatable, Sendable {
    public let function: String
    /// Where the call was made.
    public let callSite: SourceRange

    public init(function: String, callSite: SourceRange) {
        self.function = function
        self.callSite = callSite
    }
}
