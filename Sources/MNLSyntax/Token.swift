/// The kinds of token. Keywords and operators are separate cases so the parser can
/// switch on them without comparing strings.
public enum TokenKind: Equatable, Sendable {
    case identifier(String)
    case number(Double)
    /// A string literal's raw contents between the quotes (escapes not yet processed,
    /// so the parser can find `{...}` interpolations and report exact columns).
    case string(String)
    case keyword(Keyword)
    case op(Operator)
    case newline
    case endOfInput
}

public enum Keyword: String, Sendable, CaseIterable {
    case fn, `if`, `else`, `for`, `in`, `while`, `break`, `continue`, `return`
    case `true`, `false`, `nil`, and, or, not, `import`, assert, `try`, `catch`, global
    // MARK: classes
    case `class`, `super`
    case del
}

public enum Operator: String, Sendable, CaseIterable {
    case plus = "+", minus = "-", star = "*", slash = "/", slashSlash = "//", percent = "%"
    case starStar = "**", at = "@"
    case equal = "=", plusEqual = "+=", minusEqual = "-=", starEqual = "*=", slashEqual = "/="
    case equalEqual = "==", bangEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case dotDot = "..", dot = ".", comma = ",", colon = ":", semicolon = ";", question = "?"
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}"
    // Bitwise operators and the remaining compound assignments (issue 9).
    case ampersand = "&", pipe = "|", caret = "^", tilde = "~"
    case slashSlashEqual = "//=", percentEqual = "%=", starStarEqual = "**=", atEqual = "@="
    case ampersandEqual = "&=", pipeEqual = "|=", caretEqual = "^="
    // MARK: indexing (issue 10): `x[..., 0]`
    case ellipsis = "..."
}

public struct Token: Sendable {
    public let kind: TokenKind
    public let range: SourceRange

    public init(_ kind: TokenKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

extension TokenKind: CustomStringConvertible {
    /// How an error message names this token: `'}'`, `number 3`, `end of input`.
    public var description: String {
        switch self {
        case .identifier(let name): "identifier '\(name)'"
        case .number(let n): "number \(n)"
        case .string: "string"
        case .keyword(let k): "'\(k.rawValue)'"
        case .op(let o): "'\(o.rawValue)'"
        case .newline: "end of line"
        case .endOfInput: "end of input"
        }
    }
}
