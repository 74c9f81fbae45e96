/// Turns source bytes into tokens. Newlines are tokens (they end statements) except inside
/// parentheses and brackets, where an expression may span lines. `#` starts a comment.
public struct Lexer {
    private let file: SourceFile
    private let bytes: [UInt8]
    private var pos = 0
    private var groupDepth = 0   // open ( and [ : newlines inside them are not tokens
    private var braceStack: [Int] = []  // groupDepth saved at each open {
    private let limit: Int

    /// Lexes `file` from byte `start` up to byte `end` (the whole file by default); the
    /// parser lexes the expressions inside string interpolations this way, so their ranges
    /// point into the original file.
    public init(file: SourceFile, start: Int = 0, end: Int? = nil) {
        self.file = file
        self.bytes = file.bytes
        self.pos = start
        self.limit = Swift.min(end ?? file.bytes.count, file.bytes.count)
    }

    /// All tokens, ending with `.endOfInput`. Throws the first lexical error.
    public static func tokenize(_ file: SourceFile, start: Int = 0, end: Int? = nil) throws(Diagnostic) -> [Token] {
        var lexer = Lexer(file: file, start: start, end: end)
        var tokens: [Token] = []
        while true {
            let t = try lexer.next()
            tokens.append(t)
            if case .endOfInput = t.kind { return tokens }
        }
    }

    private func range(_ start: Int) -> SourceRange { SourceRange(file: file, start: start, end: pos) }
    private func peek(_ ahead: Int = 0) -> UInt8 { pos + ahead < limit ? bytes[pos + ahead] : 0 }

    public mutating func next() throws(Diagnostic) -> Token {
        skipSpaceAndComments()
        let start = pos
        guard pos < limit else { return Token(.endOfInput, range(start)) }
        let c = bytes[pos]
        if c == UInt8(ascii: "\n") {
            pos += 1
            return Token(.newline, range(start))
        }
        if isDigit(c) || (c == UInt8(ascii: ".") && isDigit(peek(1))) { return try number() }
        if isIdentifierStart(c) { return identifier() }
        if c == UInt8(ascii: "\"") { return try string() }
        return try punctuation()
    }

    private mutating func skipSpaceAndComments() {
        while pos < limit {
            let c = bytes[pos]
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") {
                pos += 1
            } else if c == UInt8(ascii: "\\") && peek(1) == UInt8(ascii: "\n") {
                pos += 2  // explicit line continuation
            } else if c == UInt8(ascii: "#") {
                while pos < limit && bytes[pos] != UInt8(ascii: "\n") { pos += 1 }
            } else if c == UInt8(ascii: "\n") && groupDepth > 0 {
                pos += 1
            } else {
                return
            }
        }
    }

    private mutating func number() throws(Diagnostic) -> Token {
        let start = pos
        var text = ""
        func take(_ pred: (UInt8) -> Bool) {
            while pos < limit && (pred(bytes[pos]) || bytes[pos] == UInt8(ascii: "_")) {
                if bytes[pos] != UInt8(ascii: "_") { text.append(Character(UnicodeScalar(bytes[pos]))) }
                pos += 1
            }
        }
        take(isDigit)
        // A '.' followed by a digit (or not followed by '.') belongs to the number; `0..5` is a range.
        if peek() == UInt8(ascii: "."), peek(1) != UInt8(ascii: "."), !isIdentifierStart(peek(1)) {
            text.append("."); pos += 1
            take(isDigit)
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            let sign = peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-")
            if isDigit(peek(sign ? 2 : 1)) {
                text.append("e"); pos += 1
                if sign { text.append(Character(UnicodeScalar(bytes[pos]))); pos += 1 }
                take(isDigit)
            }
        }
        if isIdentifierStart(peek()) {
            while pos < limit && isIdentifierPart(bytes[pos]) { pos += 1 }
            throw Diagnostic(.invalidNumber(file.text(of: range(start))), at: range(start))
        }
        guard let value = Double(text) else {
            throw Diagnostic(.invalidNumber(file.text(of: range(start))), at: range(start))
        }
        return Token(.number(value), range(start))
    }

    private mutating func identifier() -> Token {
        let start = pos
        while pos < limit && isIdentifierPart(bytes[pos]) { pos += 1 }
        let name = String(decoding: bytes[start..<pos], as: UTF8.self)
        if let k = Keyword(rawValue: name) { return Token(.keyword(k), range(start)) }
        return Token(.identifier(name), range(start))
    }

    /// A string literal; its raw contents are kept for the parser, which handles escapes and
    /// `{...}` interpolation. A `"` string ends on its line: a missing closing quote is
    /// reported at the opening one (and the REPL does not wait for more lines). Text over
    /// several lines is a triple-quoted string.
    private mutating func string() throws(Diagnostic) -> Token {
        let start = pos
        if peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") { return try tripleQuotedString() }
        pos += 1
        while pos < limit && bytes[pos] != UInt8(ascii: "\"") && bytes[pos] != UInt8(ascii: "\n") {
            pos += bytes[pos] == UInt8(ascii: "\\") && peek(1) != UInt8(ascii: "\n") ? 2 : 1
        }
        guard pos < limit, bytes[pos] == UInt8(ascii: "\"") else {
            pos = Swift.min(pos, limit)
            throw Diagnostic(.unterminatedString, at: SourceRange(file: file, start: start, end: start + 1))
        }
        pos += 1
        let raw = String(decoding: bytes[(start + 1)..<(pos - 1)], as: UTF8.self)
        return Token(.string(raw), range(start))
    }

    /// `"""..."""`: may span lines; ends at the first three quotes not escaped. An open one
    /// at the end of the input is incomplete (the REPL asks for more lines).
    private mutating func tripleQuotedString() throws(Diagnostic) -> Token {
        let start = pos
        pos += 3
        while pos < limit && !(bytes[pos] == UInt8(ascii: "\"") && peek(1) == UInt8(ascii: "\"") && peek(2) == UInt8(ascii: "\"")) {
            pos += bytes[pos] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard pos < limit else {
            pos = limit
            throw Diagnostic(.unterminatedTripleQuotedString, at: range(start))
        }
        pos += 3
        let raw = String(decoding: bytes[(start + 3)..<(pos - 3)], as: UTF8.self)
        return Token(.string(raw), range(start))
    }

    private mutating func punctuation() throws(Diagnostic) -> Token {
        let start = pos
        // Longest match first: three-, two-, then one-character operators.
        for length in [3, 2, 1] where pos + length <= limit {
            let text = String(decoding: bytes[pos..<(pos + length)], as: UTF8.self)
            if let op = Operator(rawValue: text) {
                pos += length
                track(op)
                return Token(.op(op), range(start))
            }
        }
        if bytes[pos] == UInt8(ascii: "'") {
            throw Diagnostic(.pythonConstruct(what: "Python's single-quoted string", write: "it in double quotes: \"text\""),
                             at: SourceRange(file: file, start: start, end: start + 1))
        }
        // Decode one whole (possibly multi-byte) character for the message.
        var end = pos + 1
        while end < limit && bytes[end] & 0xC0 == 0x80 { end += 1 }
        pos = end
        throw Diagnostic(.unexpectedCharacter(String(decoding: bytes[start..<end], as: UTF8.self)), at: range(start))
    }

    /// Newlines are insignificant inside ( and [ but significant again inside a { nested there
    /// (a function literal passed as an argument has statements).
    private mutating func track(_ op: Operator) {
        switch op {
        case .leftParen, .leftBracket: groupDepth += 1
        case .rightParen, .rightBracket: groupDepth = Swift.max(0, groupDepth - 1)
        case .leftBrace: braceStack.append(groupDepth); groupDepth = 0
        case .rightBrace: groupDepth = braceStack.popLast() ?? 0
        default: break
        }
    }
}

@inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
@inline(__always) func isIdentifierStart(_ c: UInt8) -> Bool {
    (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || c >= 0x80
}
@inline(__always) func isIdentifierPart(_ c: UInt8) -> Bool { isIdentifierStart(c) || isDigit(c) }
