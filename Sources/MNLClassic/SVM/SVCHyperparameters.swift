import TensorKit

/// SVC's constructor arguments, checked once when the model is made.
public struct SVCHyperparameters: Equatable, Sendable {
    public var c: Double = 1
    public var kernel: String = "rbf"
    public var degree: Int = 3
    /// "scale", "auto" or a number >= 0.
    public var gamma: HyperValue = .string("scale")
    public var coef0: Double = 0
    public var tol: Double = 1e-3
    public var maxIter: Int = -1
    public var cacheSize: Double = 200
    public var shrinking: Bool = true
    /// Fits Platt scaling by an internal 5-fold cross-validation, for predict_proba.
    public var probability: Bool = false
    /// Seeds the Platt cross-validation's folds; nil draws from the session's generator.
    public var randomState: Int?
    /// "ovr" (scikit-learn's default) or "ovo".
    public var decisionFunctionShape: String = "ovr"

    public init() {}

    static let kernels = ["linear", "poly", "rbf", "sigmoid"]

    func validate(model: String) throws {
        func bad(_ name: String, _ value: String, _ expected: String) -> ModelError {
            .badHyperparameter(model: model, name: name, value: value, expected: expected)
        }
        guard c > 0, c.isFinite else { throw bad("C", "\(c)", "a positive number") }
        guard SVCHyperparameters.kernels.contains(kernel) else {
            throw bad("kernel", "\"\(kernel)\"", "one of \"linear\", \"poly\", \"rbf\", \"sigmoid\"")
        }
        guard degree >= 0 else { throw bad("degree", "\(degree)", "a whole number >= 0") }
        switch gamma {
        case .string("scale"), .string("auto"): break
        case .int, .double:
            guard let g = gamma.number, g >= 0, g.isFinite else { throw bad("gamma", "\(gamma.number ?? 0)", "\"scale\", \"auto\" or a number >= 0") }
        default: throw bad("gamma", gamma.text, "\"scale\", \"auto\" or a number >= 0")
        }
        guard coef0.isFinite else { throw bad("coef0", "\(coef0)", "a finite number") }
        guard tol > 0, tol.isFinite else { throw bad("tol", "\(tol)", "a positive number") }
        guard maxIter == -1 || maxIter > 0 else { throw bad("max_iter", "\(maxIter)", "-1 (no limit) or a positive whole number") }
        guard cacheSize > 0, cacheSize.isFinite else { throw bad("cache_size", "\(cacheSize)", "a positive number of megabytes") }
        guard ["ovr", "ovo"].contains(decisionFunctionShape) else {
            throw bad("decision_function_shape", "\"\(decisionFunctionShape)\"", "\"ovr\" or \"ovo\"")
        }
    }

    /// The kernel with gamma resolved for the training data as scikit-learn resolves it:
    /// "scale" is 1 / (n_features · x.var()) (1 when x is constant), "auto" 1 / n_features.
    func resolvedKernel(for x: DenseRows) -> Kernel {
        let g: Double
        switch gamma {
        case .string("auto"): g = 1 / Double(x.cols)
        case .string: g = SVCHyperparameters.scaleGamma(x)
        default: g = gamma.number ?? 1
        }
        switch kernel {
        case "linear": return .linear
        case "poly": return .polynomial(degree: degree, gamma: g, coef0: coef0)
        case "sigmoid": return .sigmoid(gamma: g, coef0: coef0)
        default: return .rbf(gamma: g)
        }
    }

    static func scaleGamma(_ x: DenseRows) -> Double {
        let n = Double(x.rows * x.cols)
        let p = x.base
        var mean = 0.0
        for i in 0..<(x.rows * x.cols) { mean += p[i] }
        mean /= n
        var v = 0.0
        for i in 0..<(x.rows * x.cols) { v += (p[i] - mean) * (p[i] - mean) }
        v /= n
        return v != 0 ? 1 / (Double(x.cols) * v) : 1
    }

    /// In scikit-learn's constructor order.
    var listed: [(name: String, value: HyperValue)] {
        [("C", .double(c)), ("kernel", .string(kernel)), ("degree", .int(degree)), ("gamma", gamma),
         ("coef0", .double(coef0)), ("shrinking", .bool(shrinking)), ("probability", .bool(probability)), ("tol", .double(tol)),
         ("cache_size", .double(cacheSize)), ("max_iter", .int(maxIter)),
         ("decision_function_shape", .string(decisionFunctionShape)), ("random_state", randomState.map(HyperValue.int) ?? .none)]
    }

    /// The values the binding collected (validated by `validate`).
    public init(_ h: Hyperparameters) throws {
        c = try h.double("C", expected: "a positive number") { $0 > 0 }
        kernel = try h.string("kernel", oneOf: SVCHyperparameters.kernels)
        degree = try h.int("degree", expected: "a whole number >= 0") { $0 >= 0 }
        gamma = h.values["gamma"] ?? .string("scale")
        coef0 = try h.double("coef0")
        shrinking = try h.bool("shrinking")
        probability = try h.bool("probability")
        tol = try h.double("tol", expected: "a positive number") { $0 > 0 }
        cacheSize = try h.double("cache_size", expected: "a positive number of megabytes") { $0 > 0 }
        maxIter = try h.int("max_iter", expected: "-1 (no limit) or a positive whole number") { $0 == -1 || $0 > 0 }
        decisionFunctionShape = try h.string("decision_function_shape", oneOf: ["ovr", "ovo"])
        randomState = try h.optionalInt("random_state", expected: "an integer >= 0 or nil") { $0 >= 0 }
    }
}
