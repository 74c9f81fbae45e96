import MNLSyntax

/// Calls of builtins through their fast entries (`Builtin.fast1`, `fast2`): a call site
/// with one or two positional arguments and no keywords passes the values straight in, with
/// no `Arguments`, no argument array and no binding. A bound method (`x.sum()`) passes its
/// receiver as the first value. When the builtin has no such entry or declines, the call
/// takes the general path with the same values.
extension Compiler {
    /// `b()`: only a bound method with a one-value entry.
    @inline(__always)
    static func fastCall(_ b: BuiltinFunction, _ f: Frame, _ range: SourceRange) throws -> Value? {
        guard let r = b.receiver, let g = b.builtin.fast1 else { return nil }
        return try runFast(f, range, b.name) { try g(r, f.context) }
    }

    /// `b(v0)`, or `r.b(v0)` with a two-value entry.
    @inline(__always)
    static func fastCall(_ b: BuiltinFunction, _ v0: Value, _ f: Frame, _ range: SourceRange) throws -> Value? {
        if let r = b.receiver {
            guard let g = b.builtin.fast2 else { return nil }
            return try runFast(f, range, b.name) { try g(r, v0, f.context) }
        }
        guard let g = b.builtin.fast1 else { return nil }
        return try runFast(f, range, b.name) { try g(v0, f.context) }
    }

    /// `b(v0, v1)` for an unbound builtin with a two-value entry.
    @inline(__always)
    static func fastCall(_ b: BuiltinFunction, _ v0: Value, _ v1: Value, _ f: Frame, _ range: SourceRange) throws -> Value? {
        guard b.receiver == nil, let g = b.builtin.fast2 else { return nil }
        return try runFast(f, range, b.name) { try g(v0, v1, f.context) }
    }

    /// Counts the call for the Ctrl-C poll, as every builtin call does, and places errors at
    /// the call, as the general path does.
    @inline(__always)
    static func runFast(_ f: Frame, _ range: SourceRange, _ name: String, _ body: () throws -> Value?) throws -> Value? {
        do {
            try f.tick()
            return try body()
        } catch let error as Diagnostic {
            var d = error.attributed(to: name)
            if d.range == nil { d.range = range }
            throw d
        }
    }
}
