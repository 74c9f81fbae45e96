import Foundation
import TensorKit

/// Reads hyperparameters by name from what the binding passes (a missing name takes
/// scikit-learn's default) and validates each, naming the model and the parameter.
struct TreeParameterReader {
    let model: String
    let values: [String: HyperValue]

    func bad(_ name: String, _ value: HyperValue, _ expected: String) -> ModelError {
        .badHyperparameter(model: model, name: name, value: Self.describe(value), expected: expected)
    }

    /// As the language writes it (`nil`, `"sqrt"`), through scikit-learn's repr wording.
    static func describe(_ value: HyperValue) -> String { value.text }

    func int(_ name: String, default fallback: Int, atLeast low: Int) throws -> Int {
        let value = values[name] ?? .int(fallback)
        guard case .int(let i) = value, i >= low else { throw bad(name, value, "an integer >= \(low)") }
        return i
    }

    /// An integer >= `low`, or none.
    func optionalInt(_ name: String, atLeast low: Int) throws -> Int? {
        let value = values[name] ?? .none
        if value == .none { return nil }
        guard case .int(let i) = value, i >= low else { throw bad(name, value, "nil or an integer >= \(low)") }
        return i
    }

    func double(_ name: String, default fallback: Double, expected: String,
                isValid: (Double) -> Bool) throws -> Double {
        let value = values[name] ?? .double(fallback)
        guard let d = value.number, d.isFinite, isValid(d) else { throw bad(name, value, expected) }
        return d
    }

    func bool(_ name: String, default fallback: Bool) throws -> Bool {
        let value = values[name] ?? .bool(fallback)
        guard case .bool(let b) = value else { throw bad(name, value, "true or false") }
        return b
    }

    func choice(_ name: String, default fallback: String, allowed: [String]) throws -> String {
        let value = values[name] ?? .string(fallback)
        guard case .string(let s) = value, allowed.contains(s) else {
            throw bad(name, value, "one of " + allowed.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        return s
    }

    /// `random_state`: nil (the session's generator) or a non-negative integer seed.
    func randomState() throws -> Int? { try optionalInt("random_state", atLeast: 0) }
}

/// A sample count given as scikit-learn takes it: an integer, or a fraction of the rows
/// (rounded up).
enum SampleCount: Sendable, Equatable {
    case count(Int)
    case fraction(Double)

    func resolve(rows: Int) -> Int {
        switch self {
        case .count(let n): n
        case .fraction(let f): Int((f * Double(rows)).rounded(.up))
        }
    }

    var hyperValue: HyperValue {
        switch self {
        case .count(let n): .int(n)
        case .fraction(let f): .double(f)
        }
    }

    /// An integer >= `low` or a fraction in (0, 1) (or (0, 1] when `fractionUpToOne`).
    static func read(_ reader: TreeParameterReader, _ name: String, default fallback: Int, atLeast low: Int,
                     fractionUpToOne: Bool) throws -> SampleCount {
        let value = reader.values[name] ?? .int(fallback)
        switch value {
        case .int(let n) where n >= low: return .count(n)
        case .double(let f) where f > 0 && (f < 1 || (fractionUpToOne && f == 1)): return .fraction(f)
        default:
            throw reader.bad(name, value, "an integer >= \(low) or a fraction in (0, 1\(fractionUpToOne ? "]" : ")")")
        }
    }
}

/// scikit-learn's `max_features`: how many features each split looks at.
enum MaxFeatures: Sendable, Equatable {
    case all, sqrt, log2
    case count(Int)
    case fraction(Double)

    static func read(_ reader: TreeParameterReader, default fallback: HyperValue) throws -> MaxFeatures {
        let value = reader.values["max_features"] ?? fallback
        switch value {
        case .none: return .all
        case .string("sqrt"): return .sqrt
        case .string("log2"): return .log2
        case .int(let n) where n >= 1: return .count(n)
        case .double(let f) where f > 0 && f <= 1: return .fraction(f)
        default:
            throw reader.bad("max_features", value, "nil, \"sqrt\", \"log2\", an integer >= 1 or a fraction in (0, 1]")
        }
    }

    var hyperValue: HyperValue {
        switch self {
        case .all: .none
        case .sqrt: .string("sqrt")
        case .log2: .string("log2")
        case .count(let n): .int(n)
        case .fraction(let f): .double(f)
        }
    }

    /// The count for `features` features, as scikit-learn computes it (at least 1).
    func resolve(features: Int, model: String) throws -> Int {
        let d = Double(features)
        switch self {
        case .all: return features
        case .sqrt: return max(1, Int(d.squareRoot()))
        case .log2: return max(1, Int(Foundation.log2(d)))
        case .fraction(let f): return max(1, Int(f * d))
        case .count(let n):
            guard n <= features else {
                throw ModelError.badHyperparameter(model: model, name: "max_features", value: "\(n)",
                                                   expected: "at most the number of features (\(features))")
            }
            return n
        }
    }
}
