import TensorKit

/// The hyperparameters of a random forest: its trees' (`TreeSettings`) and the ensemble's.
struct ForestSettings: Sendable, Equatable {
    var estimators: Int
    var tree: TreeSettings
    var bootstrap: Bool
    var randomState: Int?
    /// scikit-learn's `n_jobs`: none or -1 build on every core, k on at most k.
    var jobs: Int?

    init(_ reader: TreeParameterReader, classifier: Bool) throws {
        estimators = try reader.int("n_estimators", default: 100, atLeast: 1)
        tree = try TreeSettings(reader, classifier: classifier, defaultMaxFeatures: classifier ? .string("sqrt") : .double(1.0))
        bootstrap = try reader.bool("bootstrap", default: true)
        randomState = try reader.randomState()
        let jobsValue = reader.values["n_jobs"] ?? .none
        switch jobsValue {
        case .none: jobs = nil
        case .int(let k) where k >= 1 || k == -1: jobs = k == -1 ? nil : k
        default: throw reader.bad("n_jobs", jobsValue, "nil, -1 or an integer >= 1")
        }
    }

    /// In scikit-learn's constructor order.
    var hyperparameters: [(name: String, value: HyperValue)] {
        [("n_estimators", .int(estimators))] + tree.hyperparameters
            + [("bootstrap", .bool(bootstrap)),
               ("random_state", TreeSupport.hyperValue(randomState: randomState)),
               ("n_jobs", jobs.map { .int($0) } ?? .none)]
    }

    var workers: Int { min(jobs ?? TreeParallel.cores, TreeParallel.cores) }
}
