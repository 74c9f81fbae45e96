import TensorKit

/// scikit-learn's `GridSearchCV`: every combination of the grid's values (keys in sorted
/// order, the last varying fastest, as `ParameterGrid` enumerates them) cross-validated,
/// the best mean test score chosen (the first on ties, as scikit-learn's rank), and that
/// candidate refitted on all the data.
public struct GridSearch {
    public typealias Candidate = [(name: String, value: HyperValue)]

    public struct Result {
        public let candidates: [Candidate]
        /// Test score of each candidate on each fold.
        public let foldScores: [[Double]]
        public let best: Int
        public let bestEstimator: any Estimator

        public var meanScores: [Double] { foldScores.map { $0.reduce(0, +) / Double($0.count) } }
        public var stdScores: [Double] {
            zip(foldScores, meanScores).map { s, m in (s.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(s.count)).squareRoot() }
        }
        /// scikit-learn's `rank_test_score`: 1 for the best, ties sharing the lower rank.
        public var ranks: [Int] { meanScores.map { m in 1 + meanScores.filter { $0 > m }.count } }
    }

    /// The candidates of a grid given as (name, values) pairs.
    public static func candidates(_ grid: [(name: String, values: [HyperValue])]) -> [Candidate] {
        let sorted = grid.sorted { $0.name < $1.name }
        var out: [Candidate] = [[]]
        for (name, values) in sorted {
            out = out.flatMap { partial in values.map { partial + [(name, $0)] } }
        }
        return out
    }

    public static func run(candidates: [Candidate], make: (Candidate) throws -> any Estimator, x: Tensor, y: Tensor?, cv: Int,
                           scoring: Scoring?, monitor: FitMonitor) throws -> Result {
        guard !candidates.isEmpty else { throw ModelError.badData(model: "GridSearchCV", message: "the parameter grid is empty") }
        monitor.total(candidates.count, "candidates")
        var scores: [[Double]] = []
        for (k, candidate) in candidates.enumerated() {
            scores.append(try CrossValidation.scores(make: { try make(candidate) }, x: x, y: y, cv: cv, scoring: scoring,
                                                     monitor: FitMonitor(total: { _, _ in }, step: { _, _ in try Cancellation.check() })))
            try monitor.step(k + 1, nil)
        }
        let means = scores.map { $0.reduce(0, +) / Double($0.count) }
        var best = 0
        for i in means.indices where means[i] > means[best] { best = i }
        let estimator = try make(candidates[best])
        try estimator.fit(x, y, monitor: FitMonitor(total: { _, _ in }, step: { _, _ in try Cancellation.check() }))
        return Result(candidates: candidates, foldScores: scores, best: best, bestEstimator: estimator)
    }
}
