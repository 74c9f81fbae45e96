extension Parser {
    /// string = '"' { character | escape | "{{" | "}}" | "{" expression [ ":" formatSpec ] "}" } '"'
    /// Escapes: \n \t \r \0 \\ \" \{ \} \u{XXXX}. Interpolated expressions are parsed from
    /// the same file, so errors inside them point at the right column.
    /// A triple-quoted string (`"""..."""`) is the same with three quotes, and a newline
    /// right after the opening quotes is not part of the text (the rest is kept as written).
    mutating func parseStringLiteral(_ token: Token) throws(Diagnostic) -> Expr {
        let bytes = file.bytes
        let quote = UInt8(ascii: "\"")
        let s = token.range.start
        let triple = token.range.end - s >= 6 && bytes[s + 1] == quote && bytes[s + 2] == quote
        let end = token.range.end - (triple ? 3 : 1)
        var i = s + (triple ? 3 : 1)
        if triple, i < end, bytes[i] == UInt8(ascii: "\n") { i += 1 }
        var parts: [InterpolationPart] = []
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))); text.removeAll() }
        }
        while i < end {
            let c = bytes[i]
            if c == UInt8(ascii: "\\") {
                i = try escape(at: i, end: end, into: &text)
            } else if c == UInt8(ascii: "{"), i + 1 < end, bytes[i + 1] == UInt8(ascii: "{") {
                text.append(c); i += 2
            } else if c == UInt8(ascii: "}"), i + 1 < end, bytes[i + 1] == UInt8(ascii: "}") {
                text.append(c); i += 2
            } else if c == UInt8(ascii: "{") {
                flush()
                let (part, next) = try interpolation(from: i + 1, end: end)
                parts.append(part)
                i = next
            } else {
                text.append(c); i += 1
            }
        }
        flush()
        if parts.isEmpty { return Expr(.string(""), token.range) }
        if parts.count == 1, case .text(let s) = parts[0] { return Expr(.string(s), token.range) }
        return Expr(.interpolated(parts), token.range)
    }

    private func escape(at i: Int, end: Int, into text: inout [UInt8]) throws(Diagnostic) -> Int {
        let bytes = file.bytes
        guard i + 1 < end else { throw Diagnostic(.invalidEscape(""), at: SourceRange(file: file, start: i, end: i + 1)) }
        let simple: [UInt8: String] = [UInt8(ascii: "n"): "\n", UInt8(ascii: "t"): "\t", UInt8(ascii: "r"): "\r",
                                       UInt8(ascii: "0"): "\0", UInt8(ascii: "\\"): "\\", UInt8(ascii: "\""): "\"",
                                       UInt8(ascii: "{"): "{", UInt8(ascii: "}"): "}"]
        if let s = simple[bytes[i + 1]] {
            text.append(contentsOf: Array(s.utf8))
            return i + 2
        }
        if bytes[i + 1] == UInt8(ascii: "u"), i + 2 < end, bytes[i + 2] == UInt8(ascii: "{") {
            var j = i + 3
            while j < end && bytes[j] != UInt8(ascii: "}") { j += 1 }
            let hex = String(decoding: bytes[(i + 3)..<j], as: UTF8.self)
            if j < end, let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) {
                text.append(contentsOf: Array(String(Character(scalar)).utf8))
                return j + 1
            }
        }
        let bad = String(decoding: [bytes[i + 1]], as: UTF8.self)
        throw Diagnostic(.invalidEscape(bad), at: SourceRange(file: file, start: i, end: i + 2))
    }

    /// Parses `expression [":" spec] "}"` starting just after `{`; returns the part and the
    /// offset after the closing brace.
    private func interpolation(from start: Int, end: Int) throws(Diagnostic) -> (InterpolationPart, Int) {
        let bytes = file.bytes
        var depth = 0, j = start, colon: Int?
        var inString = false
        while j < end {
            let c = bytes[j]
            if inString {
                if c == UInt8(ascii: "\\") { j += 1 } else if c == UInt8(ascii: "\"") { inString = false }
            } else if c == UInt8(ascii: "\"") {
                inString = true
            } else if c == UInt8(ascii: "(") || c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                depth += 1
            } else if c == UInt8(ascii: ")") || c == UInt8(ascii: "]") || (c == UInt8(ascii: "}") && depth > 0) {
                depth -= 1
            } else if c == UInt8(ascii: "}") {
                break
            } else if c == UInt8(ascii: ":") && depth == 0 {
                colon = j
            }
            j += 1
        }
        let brace = SourceRange(file: file, start: start - 1, end: start)
        guard j < end else {
            throw Diagnostic(.unexpectedToken(found: "end of string", expected: "'}' to close the interpolation"), at: brace)
        }
        let exprEnd = colon ?? j
        var spec: FormatSpec?
        if let colon {
            let specText = String(decoding: bytes[(colon + 1)..<j], as: UTF8.self)
            guard let parsed = FormatSpec(parsing: specText) else {
                throw Diagnostic(.invalidFormatSpec(specText), at: SourceRange(file: file, start: colon + 1, end: j))
            }
            spec = parsed
        }
        let tokens = try Lexer.tokenize(file, start: start, end: exprEnd)
        var sub = Parser(tokens: tokens, file: file)
        sub.depth = depth + 1
        if sub.atEnd {
            throw Diagnostic(.unexpectedToken(found: "'}'", expected: "an expression inside '{}'"), at: brace)
        }
        let expr = try sub.parseExpression()
        guard sub.atEnd else { throw sub.unexpected("'}' to close the interpolation") }
        return (.expression(expr, format: spec), j + 1)
    }
}
