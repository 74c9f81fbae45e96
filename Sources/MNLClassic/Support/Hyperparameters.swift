/// A model's hyperparameters by name, as the binding collected them (every declared one,
/// defaults filled in), with typed readers that reject what the model cannot take as
/// `ModelError.badHyperparameter` naming the model and the parameter.
public struct Hyperparameters: Sendable {
    public let model: String
    public let values: [String: HyperValue]

    public init(model: String, _ values: [String: HyperValue]) {
        self.model = model
        self.values = values
    }

    func bad(_ name: String, _ expected: String) -> ModelError {
        .badHyperparameter(model: model, name: name, value: values[name]?.text ?? "nothing", expected: expected)
    }

    /// A number; `valid` says which (`expected` words it: "a positive number").
    public func double(_ name: String, expected: String = "a number", _ valid: (Double) -> Bool = { _ in true }) throws -> Double {
        guard let n = values[name]?.number, n.isFinite, valid(n) else { throw bad(name, expected) }
        return n
    }

    /// A whole number.
    public func int(_ name: String, expected: String = "an integer", _ valid: (Int) -> Bool = { _ in true }) throws -> Int {
        switch values[name] {
        case .int(let i)? where valid(i): return i
        case .double(let d)? where d == d.rounded() && Swift.abs(d) < 1e15 && valid(Int(d)): return Int(d)
        default: throw bad(name, expected)
        }
    }

    /// An integer, or nil when the parameter is nil (`max_depth=nil`, `random_state=nil`).
    public func optionalInt(_ name: String, expected: String = "an integer or nil", _ valid: (Int) -> Bool = { _ in true }) throws -> Int? {
        if values[name] == HyperValue.none || values[name] == nil { return nil }
        return try int(name, expected: expected, valid)
    }

    public func bool(_ name: String) throws -> Bool {
        guard case .bool(let b)? = values[name] else { throw bad(name, "true or false") }
        return b
    }

    /// One of the listed words.
    public func string(_ name: String, oneOf options: [String]) throws -> String {
        guard case .string(let s)? = values[name], options.contains(s) else {
            throw bad(name, options.count == 1 ? "\"\(options[0])\"" : "one of " + options.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        return s
    }

    /// A list of numbers of a given length (`feature_range=(0, 1)`).
    public func doubles(_ name: String, count: Int, expected: String) throws -> [Double] {
        let list: [Double]
        switch values[name] {
        case .ints(let v)?: list = v.map(Double.init)
        case .doubles(let v)?: list = v
        default: throw bad(name, expected)
        }
        guard list.count == count, list.allSatisfy(\.isFinite) else { throw bad(name, expected) }
        return list
    }
}

extension HyperValue {
    /// The value as scikit-learn's repr writes it, in the language's syntax (double-quoted
    /// strings, `nil`, `true`), so a printed model can be typed back in.
    public var text: String {
        switch self {
        case .int(let i): String(i)
        case .double(let d): Self.number(d)
        case .string(let s): "\"\(s)\""
        case .bool(let b): b ? "true" : "false"
        case .ints(let v): "(" + v.map(String.init).joined(separator: ", ") + (v.count == 1 ? ",)" : ")")
        case .doubles(let v): "(" + v.map(Self.number).joined(separator: ", ") + (v.count == 1 ? ",)" : ")")
        case .none: "nil"
        }
    }

    /// Whole numbers without ".0", as the language prints numbers.
    static func number(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        return d == d.rounded() && Swift.abs(d) < 1e16 ? String(Int64(d)) : "\(d)"
    }
}
