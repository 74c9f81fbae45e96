import MNLSyntax

/// What a builtin may use of the running session: output, calling back into the language,
/// the interrupt flag and per-library state.
public struct CallContext {
    unowned(unsafe) let interp: Interpreter

    init(interp: Interpreter) { self.interp = interp }

    public var session: Session { interp.session }

    /// Writes text to the session's output (no newline added).
    public func write(_ text: String) { interp.session.output(text) }

    /// Calls a language function (or any callable value) with evaluated arguments.
    public func call(_ callee: Value, _ positional: [Value], keywords: [(String, Value)] = []) throws -> Value {
        try interp.call(callee, positional, keywords)
    }

    /// Throws `interrupted` when Ctrl-C was pressed; call it between batches of long work.
    public func checkInterrupt() throws {
        if interp.session.isInterruptRequested() { throw Diagnostic(.interrupted, at: nil) }
    }

    /// The values `for v in value` would give, one at a time (wrappers such as `progress`).
    public func iterator(_ value: Value) throws -> ValueIterator { try Iteration.iterator(value, self) }

    /// Renders a value as `print` shows it.
    public func render(_ v: Value) -> String { v.rendered() }
}
