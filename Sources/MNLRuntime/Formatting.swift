import Foundation
import MNLSyntax

extension Value {
    /// How `print` and `str` show a value: strings bare, everything else as `repr`.
    public func rendered() -> String {
        if case .string(let s) = self { return s }
        return repr()
    }

    /// How the REPL echoes a value and how it appears inside lists: strings quoted.
    /// Nested lists, records and tuples are written by `ValuePrinter`, which has no depth
    /// limit and writes a list or record that contains itself as `[...]` or `{...}`.
    public func repr() -> String {
        switch self {
        case .list, .record, .tuple:
            var printer = ValuePrinter()
            printer.write(self) { "<\($0.cls.name)>" }
            return printer.text
        default: return leafRepr()
        }
    }

    /// How the REPL echoes a value at the top level: as `repr`, except that a library object
    /// may add what helps at the prompt (a tensor's `shape (…) dtype` line).
    public func echoed() -> String {
        if case .native(let o) = self { return o.echo() }
        return repr()
    }

    /// The text of a value that holds no other values (containers go through `ValuePrinter`).
    func leafRepr() -> String {
        switch self {
        case .null: return "nil"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return Formatting.number(n)
        case .string(let s): return Formatting.quoted(s)
        case .list: return "[...]"
        case .tuple: return "(...)"
        case .record: return "{...}"
        case .range(let r): return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
        case .closure(let c): return "<fn \(c.signature)>"
        case .builtin(let b): return b.receiver == nil ? "<builtin \(b.builtin.signature)>" : "<method \(b.name)>"
        case .native(let o): return o.render()
        case .instance(let i): return "<\(i.cls.name)>"
        case .classType(let k): return "<class \(k.name)>"
        case .boundMethod(let m): return "<method \(m.method.name)>"
        }
    }
}

public enum Formatting {
    /// Integral numbers print without `.0`; others in the shortest form that reads back exactly.
    public static func number(_ n: Double) -> String {
        if n.isNaN { return "nan" }
        if n.isInfinite { return n > 0 ? "inf" : "-inf" }
        if n == n.rounded(), Swift.abs(n) < 1e16 { return String(Int64(n)) }
        return "\(n)"
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "{": out += "{{"
            case "}": out += "}}"
            default: out.append(c)
            }
        }
        return out + "\""
    }

    static func key(_ k: String) -> String {
        let simple = !k.isEmpty && k.unicodeScalars.allSatisfy { $0 == "_" || CharacterSet.alphanumerics.contains($0) }
            && !(k.first?.isNumber ?? true)
        // A keyword is quoted: `{"true": 1}` has a string key, `{true: 1}` a bool key.
        return simple && Keyword(rawValue: k) == nil ? k : quoted(k)
    }

    /// Applies an interpolation format spec (`.4f`, `>8`, `.1%`, `,`) to a value.
    public static func format(_ v: Value, _ spec: FormatSpec?) throws -> String {
        guard let spec else { return v.rendered() }
        var body: String
        if let type = spec.type, type != "s" {
            guard case .number(let n) = v.numeric.map(Value.number) ?? v else {
                throw Diagnostic(.badArgument(function: "format", position: 1, name: "", expected: "number for '\(type)'", got: v.typeName), at: nil)
            }
            body = formatNumber(n, type: type, precision: spec.precision, grouping: spec.grouping)
        } else if let n = v.numberValue, spec.precision != nil || spec.grouping {
            body = formatNumber(n, type: "g", precision: spec.precision, grouping: spec.grouping)
        } else {
            body = v.rendered()
            if let p = spec.precision, spec.type == "s" { body = String(body.prefix(p)) }
        }
        if let sign = spec.sign, let n = v.numberValue, n >= 0, sign != "-" { body = String(sign) + body }
        return pad(body, spec, numeric: v.numeric != nil)
    }

    static func formatNumber(_ n: Double, type: Character, precision: Int?, grouping: Bool) -> String {
        var s: String
        switch type {
        case "f": s = String(format: "%.\(precision ?? 6)f", n)
        case "e": s = String(format: "%.\(precision ?? 6)e", n)
        case "%": s = String(format: "%.\(precision ?? 6)f", n * 100) + "%"
        case "d": s = n.isFinite ? String(format: "%.0f", n.rounded()) : number(n)
        default: s = precision.map { String(format: "%.\(Swift.max($0, 1))g", n) } ?? number(n)
        }
        if grouping { s = group(s) }
        return s
    }

    /// Inserts thousands separators into the integer part.
    static func group(_ s: String) -> String {
        let negative = s.hasPrefix("-")
        let body = negative ? String(s.dropFirst()) : s
        let intPart = body.prefix { $0.isNumber }
        let rest = body.dropFirst(intPart.count)
        var out = ""
        for (i, c) in intPart.enumerated() {
            if i > 0 && (intPart.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (negative ? "-" : "") + out + rest
    }

    static func pad(_ body: String, _ spec: FormatSpec, numeric: Bool) -> String {
        guard let width = spec.width, body.count < width else { return body }
        let fill = String(repeating: spec.fill, count: width - body.count)
        switch spec.align ?? (numeric ? ">" : "<") {
        case "<": return body + fill
        case "^":
            let left = (width - body.count) / 2
            return String(repeating: spec.fill, count: left) + body + String(repeating: spec.fill, count: width - body.count - left)
        case "=":
            if let sign = body.first, sign == "-" || sign == "+" { return String(sign) + fill + body.dropFirst() }
            return fill + body
        default: return fill + body
        }
    }
}
