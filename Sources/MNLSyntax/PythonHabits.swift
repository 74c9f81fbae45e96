/// Python spellings that a newcomer types out of habit. Each gets one error that names the
/// mnl spelling, at the Python word, instead of the cascade of "expected ..." errors the
/// plain grammar would give. The parser asks here when it is about to report an error, so
/// valid programs never pay for the checks; names such as `None` are checked by the resolver
/// only once they turn out to be undefined, so a program may still use them as variables.
public enum PythonHabits {
    /// The error for reading an undefined `name` that is a Python builtin word.
    public static func undefinedName(_ name: String) -> DiagnosticKind? {
        switch name {
        case "None": .pythonSpelling(python: "None", mnl: "nil")
        case "True": .pythonSpelling(python: "True", mnl: "true")
        case "False": .pythonSpelling(python: "False", mnl: "false")
        case "pass": .pythonConstruct(what: "Python's 'pass'", write: "an empty block '{ }'")
        default: nil
        }
    }
}

extension DiagnosticKind {
    public var isPythonHabit: Bool {
        switch self {
        case .pythonSpelling, .pythonConstruct, .pythonImport: true
        default: false
        }
    }
}

extension Parser {
    /// Python statements that are not mnl syntax: `def f(...)`, `pass`, `from x import y`.
    mutating func rejectPythonStatement() throws(Diagnostic) {
        guard case .identifier(let word) = current.kind else { return }
        let next = tokens[Swift.min(index + 1, tokens.count - 1)].kind
        switch (word, next) {
        case ("def", .identifier):
            throw Diagnostic(.pythonSpelling(python: "def", mnl: "fn"), at: current.range)
        case ("elif", _) where next != .op(.equal):
            throw Diagnostic(.pythonSpelling(python: "elif", mnl: "else if"), at: current.range)
        case ("from", .identifier(let module)):
            throw Diagnostic(.pythonImport(module: module), at: current.range)
        case ("raise", .identifier):
            throw Diagnostic(.pythonConstruct(what: "Python's raise", write: "error(\"message\")"), at: current.range)
        default: return
        }
    }

    /// Python expressions that are not mnl syntax, at the name that starts them:
    /// `lambda x: ...` and `f"..."`.
    func rejectPythonExpression(_ name: String) throws(Diagnostic) {
        let next = tokens[Swift.min(index + 1, tokens.count - 1)]
        switch (name, next.kind) {
        case ("lambda", .identifier), ("lambda", .op(.colon)):
            throw Diagnostic(.pythonConstruct(what: "Python's lambda", write: "'fn(x) { x * x }'"), at: current.range)
        case (_, .string) where ["f", "F", "rf", "fr"].contains(name) && next.range.start == current.range.end:
            throw Diagnostic(.pythonConstruct(what: "Python's f-string", write: "a plain string: every string interpolates, \"x = {x}\""),
                             at: current.range)
        default: return
        }
    }

    /// The error to report instead of "expected ..., found ..." when the token found is a
    /// Python habit: `x if c else y`, `a is b`, `if c:`.
    func pythonHabit(expected: String) -> Diagnostic? {
        switch current.kind {
        case .keyword(.if) where index > 0 && endsOperand(previous.kind):
            return Diagnostic(.pythonConstruct(what: "Python's conditional expression", write: "'if c { x } else { y }'"),
                              at: current.range)
        case .identifier("except"):
            return Diagnostic(.pythonSpelling(python: "except", mnl: "catch"), at: current.range)
        case .identifier("is"):
            let isNot = tokens[Swift.min(index + 1, tokens.count - 1)].kind == .keyword(.not)
            return Diagnostic(.pythonSpelling(python: isNot ? "is not" : "is", mnl: isNot ? "!=" : "=="), at: current.range)
        case .op(.colon) where expected == "'{'":
            return Diagnostic(.pythonConstruct(what: "Python's ':' before a block", write: "the block in braces: 'for x in xs { ... }'"),
                              at: current.range)
        default: return nil
        }
    }

    /// After a Python statement (`def f():`, `for x in xs:`), skips the lines indented under
    /// it: they are its body, and reading them as statements of their own would report
    /// `return` outside a function or undefined loop variables on top of the one real error.
    mutating func skipIndentedBody(under head: Token) {
        let column = file.location(of: head.range.start).column
        while !atEnd, file.location(of: current.range.start).column > column {
            synchronize()
            skipSeparators()
        }
    }

    private func endsOperand(_ kind: TokenKind) -> Bool {
        switch kind {
        case .identifier, .number, .string, .keyword(.true), .keyword(.false), .keyword(.nil): true
        case .op(.rightParen), .op(.rightBracket), .op(.rightBrace): true
        default: false
        }
    }
}
