/// What kind of argument a builtin parameter takes, read from its name, and the literals
/// the generator draws for each kind. Unknown names get numbers, which is what most
/// parameters of tensor builtins are; a wrong guess only produces a clean argument error.
enum ArgumentKind {
    case tensor, number, index, element, axis, bool, dtype, dims, function, text

    init(parameter name: String) {
        switch name {
        case "x", "a", "b", "y", "values", "value", "tensors", "data", "condition", "images", "labels",
             "train", "test", "others", "iterables", "args", "p", "weights", "target", "stratify":
            self = .tensor
        case "axis", "axes": self = .axis
        case "keepdims", "replace", "shuffle", "header", "descending", "inplace": self = .bool
        case "dtype": self = .dtype
        case "shape", "reps", "sections": self = .dims
        case "fn", "key_fn": self = .function
        case "message", "name", "prefix", "suffix", "old", "new", "part", "separator", "key", "missing", "s":
            self = .text
        case "index", "k", "start", "stop", "step", "low", "high": self = .index
        default: self = .number
        }
    }

    var isTensor: Bool { if case .tensor = self { true } else { false } }

    /// A literal of this kind: mostly small and valid, sometimes at or past an edge.
    func literal<C: ChoiceSource>(_ c: inout C) -> String {
        switch self {
        case .tensor, .number: return c.choose(4) == 0 ? c.pick(Self.edgeNumbers) : c.pick(Self.smallNumbers)
        case .index: return c.choose(5) == 0 ? c.pick(Self.edgeNumbers) : String(c.choose(9) - 4)
        case .element: return c.choose(6) == 0 ? c.pick(Self.edgeNumbers) : c.pick(Self.smallNumbers + ["true", "false"])
        case .axis:
            switch c.choose(6) {
            case 0: return "nil"
            case 1: return "[\(c.choose(5) - 2), \(c.choose(5) - 2)]"
            case 2: return c.pick(Self.edgeNumbers)
            default: return String(c.choose(7) - 3)
            }
        case .bool: return c.pick(["false", "true", "nil", "1", "\"yes\""])
        case .dtype: return c.pick(["\"float32\"", "\"float64\"", "\"int64\"", "\"uint8\"", "\"bool\"", "\"f32\"", "\"i64\"",
                                    "\"complex64\"", "\"\"", "nil", "3"])
        case .dims:
            let dims = (0..<c.choose(5)).map { _ in
                c.choose(8) == 0 ? c.pick(["-1", "-2", "2.5", "2**40", "2**62", "1e19", "float(\"nan\")", "\"3\""]) : String(c.choose(5))
            }
            switch c.choose(3) {
            case 0: return "[" + dims.joined(separator: ", ") + "]"
            case 1: return "(" + dims.joined(separator: ", ") + (dims.count == 1 ? ",)" : ")")
            default: return dims.first ?? "0"
            }
        case .function: return c.pick(["fn(v) { v }", "fn(v) { v * 2 }", "fn(a, b) { a }", "len", "fn() { error(\"f\") }"])
        case .text: return c.pick(["\"\"", "\"a\"", "\"x,y\"", "\"\\n\"", "\"é\""])
        }
    }

    /// Values that are valid almost everywhere.
    static let smallNumbers = ["0", "1", "2", "3", "-1", "0.5", "-2.5", "4"]
    /// Values at the edges of what numbers, sizes and indices may be. Sizes that would fit in
    /// memory but take gigabytes (2**31 elements, say) are left out: they are slow, not wrong.
    static let edgeNumbers = ["2**40", "-2**40", "2**53 + 1", "2**63", "-2**63", "1e19", "-1e19", "1e308", "-1e308",
                              "1e-320", "float(\"nan\")", "float(\"inf\")", "-float(\"inf\")", "255", "256", "-129", "0.0"]
}
