import MNLSyntax

/// One builtin function, declared once with everything `help`, completion and the argument
/// binder need. Libraries reach the language only through these declarations.
/// Immutable once declared, and its body captures nothing mutable, so it may be shared.
public struct Builtin: @unchecked Sendable {
    public let name: String
    public let parameters: [BuiltinParameter]
    /// Where `help()` lists it: "core", "math", "tensor", "data", ...
    public let topic: String
    /// One paragraph: what it does, its arguments and what it returns.
    public let doc: String
    /// A runnable example (tests run every one).
    public let example: String
    public let body: (Arguments, CallContext) throws -> Value
    /// Optional fast entries for calls with exactly one or two positional arguments and no
    /// keywords (the receiver of a bound method counts as the first): no `Arguments` is
    /// built. They return nil to decline, and `body` then runs with the same values, so a
    /// fast entry may leave every unusual case (and every error it cannot report exactly as
    /// `body` would) to `body`. Declare one only when such a call is valid for `parameters`.
    public let fast1: Fast1?
    public let fast2: Fast2?
    /// The parameters as argument binding needs them, worked out once.
    public let binding: ParameterBinding

    public typealias Fast1 = (Value, CallContext) throws -> Value?
    public typealias Fast2 = (Value, Value, CallContext) throws -> Value?

    public init(_ name: String, _ parameters: [BuiltinParameter] = [], topic: String, doc: String, example: String,
                fast1: Fast1? = nil, fast2: Fast2? = nil, body: @escaping (Arguments, CallContext) throws -> Value) {
        self.name = name
        self.parameters = parameters
        self.topic = topic
        self.doc = doc
        self.example = example
        self.fast1 = fast1
        self.fast2 = fast2
        self.binding = ParameterBinding(parameters)
        self.body = body
    }

    /// `sum(x, axis=nil, keepdims=false)`
    public var signature: String {
        "\(name)(" + parameters.map(\.display).joined(separator: ", ") + ")"
    }

    /// `tensor.sum(axis=nil, keepdims=false)`: as a method of `type`, without the receiver.
    public func methodSignature(of type: String) -> String {
        "\(type).\(name)(" + parameters.dropFirst().map(\.display).joined(separator: ", ") + ")"
    }
}

/// A declared parameter of a builtin.
public enum BuiltinParameter {
    case required(String)
    /// Optional; `defaultText` is what help shows. Missing optional arguments reach the body as nil.
    case optional(String, defaultText: String)
    /// Any number of further positional arguments (`print(values...)`).
    case variadic(String)
    /// Any further keyword arguments (`save_npz(path, x=..., y=...)`).
    case keywords(String)

    public var name: String {
        switch self {
        case .required(let n), .optional(let n, _), .variadic(let n), .keywords(let n): n
        }
    }

    var display: String {
        switch self {
        case .required(let n): n
        case .optional(let n, let d): "\(n)=\(d)"
        case .variadic(let n): "\(n)..."
        case .keywords(let n): "\(n)=..."
        }
    }
}

/// A builtin as a language value, optionally bound to a receiver (`x.sum` is `sum` bound to x).
public final class BuiltinFunction {
    public let builtin: Builtin
    /// Only `ValueRelease` writes it, emptying a bound method that is being freed.
    @exclusivity(unchecked) public internal(set) var receiver: Value?

    public init(_ builtin: Builtin, receiver: Value? = nil) {
        self.builtin = builtin
        self.receiver = receiver
    }

    deinit {
        guard var held = receiver, held.holdsNestedValues else { return }
        receiver = nil
        ValueRelease.release(&held)
    }

    public var name: String { builtin.name }
}

/// The arguments of one builtin call, bound to the declared parameters.
public struct Arguments {
    public let function: String
    /// One entry per declared named parameter (required or optional), in order; nil if absent.
    public let named: [Value?]
    /// Extra positional values for a `.variadic` parameter.
    public let rest: [Value]
    /// Extra keyword values for a `.keywords` parameter, in call order.
    public let extraKeywords: [(String, Value)]
    public let parameterNames: [String]
    /// How many named parameters take positional values; the others are keyword-only.
    public let positionalCount: Int

    /// Binds positional and keyword values to `parameters`, reporting the language's errors
    /// for too many, missing, unknown or duplicate arguments.
    public init(function: String, parameters: [BuiltinParameter], positional: [Value],
                keywords: [(String, Value)]) throws {
        try self.init(function: function, binding: ParameterBinding(parameters), receiver: nil, positional: positional,
                      keywords: keywords)
    }

    init(function: String, named: [Value?], rest: [Value], extraKeywords: [(String, Value)], parameterNames: [String],
         positionalCount: Int? = nil) {
        self.positionalCount = positionalCount ?? parameterNames.count
        self.function = function
        self.named = named
        self.rest = rest
        self.extraKeywords = extraKeywords
        self.parameterNames = parameterNames
    }

    static func countText(_ parameters: [BuiltinParameter]) -> String {
        let required = parameters.filter { if case .required = $0 { true } else { false } }.count
        let total = parameters.filter { if case .optional = $0 { true } else if case .required = $0 { true } else { false } }.count
        let noun = { (n: Int) in n == 1 ? "1 argument" : "\(n) arguments" }
        return required == total ? noun(total) : "\(required) to \(noun(total))"
    }

    /// The argument for the i-th named parameter, or nil when it was not given (or was nil).
    public subscript(i: Int) -> Value? {
        guard i < named.count, let v = named[i] else { return nil }
        if case .null = v { return nil }
        return v
    }

    /// All positional values: the named ones that were given, then the rest.
    public var allPositional: [Value] { named.compactMap { $0 } + rest }

    /// The error for argument `i` having the wrong type; a keyword-only one is named
    /// (`bad argument 'sep' to 'print'`), a positional one numbered.
    public func bad(_ i: Int, expected: String, got value: Value) -> Diagnostic {
        Diagnostic(.badArgument(function: function, position: i < positionalCount ? i + 1 : 0, name: i < parameterNames.count ? parameterNames[i] : "",
                                expected: expected, got: value.typeName), at: nil)
    }

    /// A value error about argument `i`: `zeros: dimensions must be non-negative`.
    public func invalid(_ message: String) -> Diagnostic {
        Diagnostic(.invalidValue(function: function, message: message), at: nil)
    }

    /// The argument for the i-th named parameter, including an explicit nil.
    public func value(_ i: Int) throws -> Value {
        guard i < named.count, let v = named[i] else {
            throw Diagnostic(.missingArgument(function: function, name: i < parameterNames.count ? parameterNames[i] : "#\(i + 1)"), at: nil)
        }
        return v
    }

    public func number(_ i: Int) throws -> Double {
        let v = try value(i)
        guard let n = v.numberValue else { throw bad(i, expected: "number", got: v) }
        return n
    }

    public func number(_ i: Int, default d: Double) throws -> Double { self[i] == nil ? d : try number(i) }

    /// An integral number that fits in Int.
    public func int(_ i: Int) throws -> Int {
        let n = try number(i)
        if let k = IntegerConversion.exact(n) { return k }
        throw Diagnostic(IntegerConversion.failure(n, what: "argument #\(i + 1) to '\(function)'"), at: nil)
    }

    public func int(_ i: Int, default d: Int) throws -> Int { self[i] == nil ? d : try int(i) }

    public func bool(_ i: Int, default d: Bool) throws -> Bool {
        guard let v = self[i] else { return d }
        guard case .bool(let b) = v else { throw bad(i, expected: "bool", got: v) }
        return b
    }

    public func string(_ i: Int) throws -> String {
        let v = try value(i)
        guard case .string(let s) = v else { throw bad(i, expected: "string", got: v) }
        return s
    }

    public func string(_ i: Int, default d: String) throws -> String { self[i] == nil ? d : try string(i) }
}
