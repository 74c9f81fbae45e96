/// The hyperparameters of histogram gradient boosting, by scikit-learn's
/// `HistGradientBoosting*` names and defaults.
struct BoostingSettings: Sendable, Equatable {
    var lossName: String
    var learningRate: Double
    var maxIter: Int
    var maxLeafNodes: Int?
    var maxDepth: Int?
    var minSamplesLeaf: Int
    var l2Regularization: Double
    var maxBins: Int
    /// "auto" (on above 10000 samples), true or false.
    var earlyStopping: HyperValue
    var validationFraction: Double?
    var nIterNoChange: Int
    var tol: Double
    var randomState: Int?

    init(_ reader: TreeParameterReader, classifier: Bool) throws {
        lossName = classifier ? try reader.choice("loss", default: "log_loss", allowed: ["log_loss"])
                              : try reader.choice("loss", default: "squared_error", allowed: ["squared_error"])
        learningRate = try reader.double("learning_rate", default: 0.1, expected: "a positive number") { $0 > 0 }
        maxIter = try Self.iterations(reader)
        let leaves = reader.values["max_leaf_nodes"] ?? .int(31)
        switch leaves {
        case .none: maxLeafNodes = nil
        case .int(let n) where n >= 2: maxLeafNodes = n
        default: throw reader.bad("max_leaf_nodes", leaves, "nil or an integer >= 2")
        }
        maxDepth = try reader.optionalInt("max_depth", atLeast: 1)
        minSamplesLeaf = try reader.int("min_samples_leaf", default: 20, atLeast: 1)
        l2Regularization = try reader.double("l2_regularization", default: 0, expected: "a number >= 0") { $0 >= 0 }
        maxBins = try reader.int("max_bins", default: 255, atLeast: 2)
        if maxBins > 255 { throw reader.bad("max_bins", .int(maxBins), "an integer from 2 to 255") }
        earlyStopping = reader.values["early_stopping"] ?? .string("auto")
        guard earlyStopping == .string("auto") || earlyStopping == .bool(true) || earlyStopping == .bool(false) else {
            throw reader.bad("early_stopping", earlyStopping, "\"auto\", true or false")
        }
        let fraction = reader.values["validation_fraction"] ?? .double(0.1)
        switch fraction {
        case .none: validationFraction = nil
        case .double(let f) where f > 0 && f < 1: validationFraction = f
        default: throw reader.bad("validation_fraction", fraction, "nil or a fraction in (0, 1)")
        }
        nIterNoChange = try reader.int("n_iter_no_change", default: 10, atLeast: 1)
        tol = try reader.double("tol", default: 1e-7, expected: "a number >= 0") { $0 >= 0 }
        randomState = try reader.randomState()
    }

    /// `max_iter`, or scikit-learn's `GradientBoosting*` name for it, `n_estimators` (a
    /// student's first guess for a class named GradientBoostingClassifier): when given (not
    /// nil), `n_estimators` is the number of iterations.
    private static func iterations(_ reader: TreeParameterReader) throws -> Int {
        guard let alias = reader.values["n_estimators"], alias != .none else {
            return try reader.int("max_iter", default: 100, atLeast: 1)
        }
        return try reader.int("n_estimators", default: 100, atLeast: 1)
    }

    var hyperparameters: [(name: String, value: HyperValue)] {
        [("loss", .string(lossName)),
         ("learning_rate", .double(learningRate)),
         ("max_iter", .int(maxIter)),
         ("max_leaf_nodes", maxLeafNodes.map { .int($0) } ?? .none),
         ("max_depth", maxDepth.map { .int($0) } ?? .none),
         ("min_samples_leaf", .int(minSamplesLeaf)),
         ("l2_regularization", .double(l2Regularization)),
         ("max_bins", .int(maxBins)),
         ("early_stopping", earlyStopping),
         ("validation_fraction", validationFraction.map { .double($0) } ?? .none),
         ("n_iter_no_change", .int(nIterNoChange)),
         ("tol", .double(tol)),
         ("random_state", TreeSupport.hyperValue(randomState: randomState))]
    }

    /// scikit-learn's "auto": early stopping only for more than 10000 samples.
    func stopsEarly(rows: Int) -> Bool {
        earlyStopping == .bool(true) || (earlyStopping == .string("auto") && rows > 10_000)
    }

    var growth: HistogramGrowth {
        HistogramGrowth(maxLeafNodes: maxLeafNodes, maxDepth: maxDepth, minSamplesLeaf: minSamplesLeaf,
                        l2Regularization: l2Regularization, shrinkage: learningRate)
    }

    /// scikit-learn's rule: stop when none of the last `n_iter_no_change` scores beats the one
    /// before them by more than `tol`.
    func shouldStop(_ scores: [Double]) -> Bool {
        let reference = nIterNoChange + 1
        guard scores.count >= reference else { return false }
        let target = scores[scores.count - reference] + tol
        return !scores.suffix(nIterNoChange).contains { $0 > target }
    }
}
