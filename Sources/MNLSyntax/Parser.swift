/// A recursive-descent parser: one function per rule of `Grammar.md`, whose EBNF each
/// function's comment repeats. It recovers at statement boundaries so that one run reports
/// every syntax error (`--check`).
public struct Parser {
    var tokens: [Token]
    var index = 0
    var depth = 0
    let file: SourceFile
    public private(set) var diagnostics: [Diagnostic] = []

    /// How deeply expressions and blocks may nest before the parser refuses (this bounds the
    /// parser's own recursion).
    public static let maxDepth = 200

    /// How tall the syntax tree may grow (`Expr.height`). Nesting alone stays far below this;
    /// what reaches it is a chain, where each operator, call, index or `.` adds a level:
    /// `1 + 1 + 1` is three levels deep. The resolver, the compiler and evaluation recurse
    /// once per level or more: the deepest tree takes 4 to 8 MB in a debug build, on the
    /// session's 512 MB stack. Releasing a tree recurses too, on whatever thread parsed it
    /// (the REPL parses each input on the main thread first), at well under 1 KB a level.
    /// CPython, for comparison, refuses a sum of about 3000 terms.
    public static let maxTreeDepth = 1000

    init(tokens: [Token], file: SourceFile) {
        self.tokens = tokens
        self.file = file
    }

    /// Parses a whole file or REPL input. Returns the statements it could parse and every
    /// diagnostic; the program is runnable only when `diagnostics` is empty.
    public static func parse(_ file: SourceFile) -> (Program, [Diagnostic]) {
        let tokens: [Token]
        do {
            tokens = try Lexer.tokenize(file)
        } catch {
            return (Program(file: file, statements: []), [error])
        }
        var parser = Parser(tokens: tokens, file: file)
        let statements = parser.parseProgram()
        return (Program(file: file, statements: statements), parser.diagnostics)
    }

    // MARK: - Token access

    var current: Token { tokens[index] }
    var previous: Token { tokens[Swift.max(0, index - 1)] }

    func check(_ op: Operator) -> Bool { current.kind == .op(op) }
    func check(_ k: Keyword) -> Bool { current.kind == .keyword(k) }
    var atEnd: Bool { current.kind == .endOfInput }

    mutating func advance() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    mutating func match(_ op: Operator) -> Bool {
        guard check(op) else { return false }
        _ = advance()
        return true
    }

    mutating func match(_ k: Keyword) -> Bool {
        guard check(k) else { return false }
        _ = advance()
        return true
    }

    mutating func skipNewlines() {
        while current.kind == .newline { _ = advance() }
    }

    /// The error for the current token: at the end of input it is `unexpectedEndOfInput`,
    /// which tells the REPL to read another line.
    func unexpected(_ expected: String) -> Diagnostic {
        if let habit = pythonHabit(expected: expected) { return habit }
        if atEnd {
            // Point just after the last real token, where the missing text belongs.
            let end = index > 0 ? previous.range.end : current.range.start
            return Diagnostic(.unexpectedEndOfInput(expected: expected), at: SourceRange(file: file, start: end, end: end))
        }
        return Diagnostic(.unexpectedToken(found: current.kind.description, expected: expected), at: current.range)
    }

    mutating func expect(_ op: Operator, _ what: String) throws(Diagnostic) -> Token {
        guard check(op) else { throw unexpected(what) }
        return advance()
    }

    mutating func expectIdentifier(_ what: String) throws(Diagnostic) -> (String, SourceRange) {
        guard case .identifier(let name) = current.kind else { throw unexpected(what) }
        return (name, advance().range)
    }

    /// Guards recursion: every nested expression or block passes through here.
    mutating func nested<T>(_ body: (inout Parser) throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Parser.maxDepth else { throw Diagnostic(.nestingTooDeep(limit: Parser.maxDepth), at: current.range) }
        return try body(&self)
    }

    /// `e`, unless it is taller than `maxTreeDepth`; `place` is where it crossed the limit
    /// (the operator of a chain). Chains check every link, so a refused tree is never much
    /// taller than the limit, even while it is being released.
    func limited(_ e: Expr, at place: SourceRange) throws(Diagnostic) -> Expr {
        guard e.height <= Parser.maxTreeDepth else { throw Diagnostic(.expressionTooDeep(limit: Parser.maxTreeDepth), at: place) }
        return e
    }

    func range(from start: SourceRange) -> SourceRange { start.to(previous.range) }

    // MARK: - Program and recovery

    /// program = { statement terminator } EOF
    mutating func parseProgram() -> [Stmt] {
        var statements: [Stmt] = []
        skipSeparators()
        while !atEnd {
            let start = index
            do {
                statements.append(try parseStatement())
                try expectTerminator()
            } catch {
                diagnostics.append(error)
                if error.kind.isDepthLimit {
                    skipStatement(from: start)
                } else if error.kind.isPythonHabit {
                    // The whole statement, and the lines indented under it, are Python: one error.
                    skipStatement(from: start)
                    skipIndentedBody(under: tokens[start])
                } else {
                    synchronize()
                }
            }
            skipSeparators()
        }
        return statements
    }

    mutating func skipSeparators() {
        while current.kind == .newline || check(.semicolon) { _ = advance() }
    }

    /// terminator = newline | ";" | (before "}") | EOF
    mutating func expectTerminator() throws(Diagnostic) {
        if current.kind == .newline || check(.semicolon) || check(.rightBrace) || atEnd { return }
        throw unexpected("end of statement")
    }

    /// Skips the whole statement that starts at token `start`, brackets matched. After a depth
    /// error deep inside it, `synchronize` would stop at the first of its many closing
    /// brackets and report each of the others.
    mutating func skipStatement(from start: Int) {
        index = start
        var open = 0
        while !atEnd {
            switch current.kind {
            case .op(.leftBrace), .op(.leftParen), .op(.leftBracket): open += 1
            case .op(.rightBrace), .op(.rightParen), .op(.rightBracket): open -= 1
            case .newline where open <= 0: return
            case .op(.semicolon) where open <= 0: return
            default: break
            }
            _ = advance()
            if open < 0 { return }
        }
    }

    /// Skips to the start of the next statement at the current brace level.
    mutating func synchronize() {
        var braces = 0
        while !atEnd {
            let t = advance()
            switch t.kind {
            case .op(.leftBrace): braces += 1
            case .op(.rightBrace): if braces == 0 { return } else { braces -= 1 }
            case .newline where braces <= 0: return
            default: break
            }
        }
    }
}
