/// The significant digits and decimal exponent of a number's shortest round-trip text
/// (Swift's `description` of a Float or Double): `"0.00125"` is digits `125`, exponent -3,
/// i.e. 1.25e-03. Printing these digits, rather than a fixed count of the double's digits,
/// is what keeps a float32 0.1 from showing as 1.00000001e-01.
struct ShortestDigits {
    /// The significant digits, without leading or trailing zeros ("0" for zero).
    let digits: String
    /// The power of ten of the first digit.
    let exponent: Int

    /// Parses `[-]digits[.digits][e[+-]digits]`; nil for anything else (nan, inf).
    init?(_ text: String) {
        var body = Substring(text)
        if body.hasPrefix("-") { body = body.dropFirst() }
        let halves = body.split(separator: "e", omittingEmptySubsequences: false)
        guard halves.count <= 2, let mantissa = halves.first else { return nil }
        let power = halves.count == 2 ? Int(halves[1]) : 0
        guard let power else { return nil }
        let point = mantissa.firstIndex(of: ".") ?? mantissa.endIndex
        let whole = mantissa[..<point], fraction = mantissa[point...].dropFirst()
        let all = whole + fraction
        guard !all.isEmpty, all.allSatisfy(\.isASCII), all.allSatisfy(\.isNumber) else { return nil }
        let leading = all.prefix { $0 == "0" }.count
        guard leading < all.count else {
            digits = "0"
            exponent = 0
            return
        }
        var significant = all.dropFirst(leading)
        while significant.last == "0" { significant.removeLast() }
        digits = String(significant)
        exponent = whole.count - leading - 1 + power
    }
}
