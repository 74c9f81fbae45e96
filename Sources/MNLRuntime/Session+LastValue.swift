/// The REPL's `_`: the last value it echoed, as in Python. It is an ordinary global that the
/// REPL sets after each echo, until the user assigns `_` themselves; from then on their `_`
/// shadows it (Python's rule: a global `_` hides the builtin one) until `:reset`.
extension Session {
    /// Stores `value` in `_`, unless the user has assigned `_` since the REPL last stored it.
    public func rememberLastValue(_ value: Value) {
        let state = self.state(LastValueState.self) { LastValueState() }
        if let current = global("_"), !(state.stored.map { current.isIdentical(to: $0) } ?? false) { return }
        globals.set("_", value)
        state.stored = value
    }

    /// True when `_` holds the REPL's last echoed value (not one the user assigned), so
    /// `:vars` can leave it out.
    public var lastValueIsAutomatic: Bool {
        guard let current = global("_"), let stored = state(LastValueState.self, make: { LastValueState() }).stored
        else { return false }
        return current.isIdentical(to: stored)
    }
}

/// What the REPL last stored in `_` (library state, so `:reset` forgets it).
final class LastValueState {
    var stored: Value?
}

extension Value {
    /// The same value: equal scalars and strings, or the very same object.
    func isIdentical(to other: Value) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a.bitPattern == b.bitPattern
        case (.string(let a), .string(let b)): return a == b
        case (.list(let a), .list(let b)): return a === b
        case (.record(let a), .record(let b)): return a === b
        case (.tuple(let a), .tuple(let b)): return a === b
        case (.range(let a), .range(let b)): return a === b
        case (.closure(let a), .closure(let b)): return a === b
        case (.builtin(let a), .builtin(let b)): return a === b
        case (.native(let a), .native(let b)): return a === b
        default: return false
        }
    }
}
