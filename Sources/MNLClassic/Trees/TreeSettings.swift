import TensorKit

/// The hyperparameters of one tree, shared by the decision trees and the forests' trees.
struct TreeSettings: Sendable, Equatable {
    /// As given ("log_loss" and "entropy" grow the same tree but print as written).
    var criterionName: String
    var criterion: SplitCriterion
    var maxDepth: Int?
    var minSamplesSplit: SampleCount
    var minSamplesLeaf: SampleCount
    var maxFeatures: MaxFeatures

    init(_ reader: TreeParameterReader, classifier: Bool, defaultMaxFeatures: HyperValue) throws {
        criterionName = classifier
            ? try reader.choice("criterion", default: "gini", allowed: ["gini", "entropy", "log_loss"])
            : try reader.choice("criterion", default: "squared_error", allowed: ["squared_error"])
        criterion = SplitCriterion(name: criterionName) ?? .gini
        maxDepth = try reader.optionalInt("max_depth", atLeast: 1)
        minSamplesSplit = try SampleCount.read(reader, "min_samples_split", default: 2, atLeast: 2, fractionUpToOne: true)
        minSamplesLeaf = try SampleCount.read(reader, "min_samples_leaf", default: 1, atLeast: 1, fractionUpToOne: false)
        maxFeatures = try MaxFeatures.read(reader, default: defaultMaxFeatures)
    }

    /// In the constructor's order, as scikit-learn lists them.
    var hyperparameters: [(name: String, value: HyperValue)] {
        [("criterion", .string(criterionName)),
         ("max_depth", maxDepth.map { .int($0) } ?? .none),
         ("min_samples_split", minSamplesSplit.hyperValue),
         ("min_samples_leaf", minSamplesLeaf.hyperValue),
         ("max_features", maxFeatures.hyperValue)]
    }

    /// The limits for data of `rows` × `features` (fractions of the rows rounded up, and
    /// min_samples_split at least 2, as scikit-learn resolves them).
    func growth(rows: Int, features: Int, model: String) throws -> TreeGrowth {
        TreeGrowth(maxDepth: maxDepth,
                   minSamplesSplit: max(2, minSamplesSplit.resolve(rows: rows)),
                   minSamplesLeaf: max(1, minSamplesLeaf.resolve(rows: rows)),
                   maxFeatures: try maxFeatures.resolve(features: features, model: model))
    }
}

extension TreeSupport {
    /// The generator for one fit: a fresh one from `random_state` (so every fit with a seed
    /// gives the same model, as in scikit-learn), or the session's, which advances.
    static func generator(randomState: Int?, session: RandomGenerator) -> RandomGenerator {
        randomState.map { RandomGenerator(seed: UInt64($0)) } ?? session
    }

    /// `random_state` as a hyperparameter.
    static func hyperValue(randomState: Int?) -> HyperValue { randomState.map { .int($0) } ?? .none }
}
