/// What can go wrong configuring or running a model, an optimizer or a schedule, as data;
/// `message` is the one wording (the binding layer adds the function or class name).
public enum LearnError: Error, Equatable, Sendable {
    /// A hyperparameter outside its range: `expected` says what is allowed.
    case badHyperparameter(owner: String, name: String, value: Double, expected: String)
    /// Two settings that do not go together (`nesterov` without momentum).
    case incompatible(owner: String, message: String)
    /// A gradient whose shape or dtype is not its parameter's.
    case gradientMismatch(path: String, parameter: [Int], gradient: [Int])
    /// Parameters an optimizer can only update in floating point.
    case notFloatingPoint(path: String, dtype: String)

    public var message: String {
        switch self {
        case .badHyperparameter(let owner, let name, let value, let expected):
            "\(owner): \(name) must be \(expected), got \(Self.number(value))"
        case .incompatible(let owner, let message):
            "\(owner): \(message)"
        case .gradientMismatch(let path, let parameter, let gradient):
            "the gradient of '\(path)' has shape \(Self.shape(gradient)), but the parameter has shape \(Self.shape(parameter))"
        case .notFloatingPoint(let path, let dtype):
            "parameter '\(path)' is \(dtype); optimizers update float32 and float64 parameters"
        }
    }

    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)"
    }

    static func shape(_ s: [Int]) -> String {
        s.count == 1 ? "(\(s[0]),)" : "(" + s.map(String.init).joined(separator: ", ") + ")"
    }
}

/// Checks a hyperparameter: throws `badHyperparameter` unless `ok`.
@inline(__always)
func require(_ ok: Bool, _ owner: String, _ name: String, _ value: Double, _ expected: String) throws(LearnError) {
    guard ok else { throw .badHyperparameter(owner: owner, name: name, value: value, expected: expected) }
}
