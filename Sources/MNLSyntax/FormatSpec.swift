/// A Python-style format spec after `:` in an interpolation, e.g. `{loss:.4f}`, `{n:>6}`,
/// `{acc:.1%}`, `{big:,}`. Grammar: `[[fill]align][sign][width][,][.precision][type]`
/// with align in `< > ^` and type in `f e g d % s`.
public struct FormatSpec: Equatable, Sendable {
    public var fill: Character = " "
    public var align: Character?
    public var sign: Character?
    public var width: Int?
    public var grouping = false
    public var precision: Int?
    public var type: Character?

    public init() {}

    /// Parses a spec, or returns nil when it is malformed.
    public init?(parsing text: String) {
        var chars = Array(text)
        var i = 0
        let aligns: Set<Character> = ["<", ">", "^"]
        if chars.count >= 2, aligns.contains(chars[1]) {
            fill = chars[0]; align = chars[1]; i = 2
        } else if let first = chars.first, aligns.contains(first) {
            align = first; i = 1
        }
        if i < chars.count, chars[i] == "+" || chars[i] == "-" || chars[i] == " " { sign = chars[i]; i += 1 }
        if i < chars.count, chars[i] == "0", align == nil { fill = "0"; align = "="; i += 1 }
        func digits() -> Int? {
            var n = 0, any = false
            while i < chars.count, let d = chars[i].wholeNumberValue, chars[i].isASCII {
                guard n < 1000 else { return nil }
                n = n * 10 + d; i += 1; any = true
            }
            return any ? n : nil
        }
        width = digits()
        if i < chars.count, chars[i] == "," { grouping = true; i += 1 }
        if i < chars.count, chars[i] == "." {
            i += 1
            guard let p = digits() else { return nil }
            precision = p
        }
        if i < chars.count, "fegd%s".contains(chars[i]) { type = chars[i]; i += 1 }
        guard i == chars.count else { return nil }
        chars.removeAll()
    }
}
