/// The hyperparameters scikit-learn's `MLPClassifier` and `MLPRegressor` share, read and
/// checked once (with scikit-learn's ranges), in the constructor's order.
struct MLPSettings: Sendable {
    var hiddenLayerSizes: [Int]
    var activation: MLPActivation
    var solver: String
    var alpha: Double
    /// nil for "auto" (min(200, samples)).
    var batchSize: Int?
    var learningRate: String
    var learningRateInit: Double
    var powerT: Double
    var maxIter: Int
    var shuffle: Bool
    var randomState: Int?
    var tol: Double
    var momentum: Double
    var nesterovsMomentum: Bool
    var earlyStopping: Bool
    var validationFraction: Double
    var beta1: Double
    var beta2: Double
    var epsilon: Double
    var nIterNoChange: Int
    /// L-BFGS's limit on loss evaluations.
    var maxFun: Int

    /// Large enough for any network a student trains here; it keeps a typo such as
    /// hidden_layer_sizes=(10000000,) an error instead of an allocation that fails.
    static let maximumLayerSize = 100_000

    init(_ h: Hyperparameters) throws {
        hiddenLayerSizes = try Self.layerSizes(h)
        activation = try MLPActivation(rawValue: h.string("activation", oneOf: MLPActivation.allCases.map(\.rawValue))) ?? .relu
        solver = try h.string("solver", oneOf: ["lbfgs", "sgd", "adam"])
        alpha = try h.double("alpha", expected: "a number >= 0") { $0 >= 0 }
        if case .string("auto")? = h.values["batch_size"] { batchSize = nil } else {
            batchSize = try h.int("batch_size", expected: "\"auto\" or a positive integer") { $0 >= 1 }
        }
        learningRate = try h.string("learning_rate", oneOf: ["constant", "invscaling", "adaptive"])
        learningRateInit = try h.double("learning_rate_init", expected: "a positive number") { $0 > 0 }
        powerT = try h.double("power_t", expected: "a number >= 0") { $0 >= 0 }
        maxIter = try h.int("max_iter", expected: "a positive integer") { $0 >= 1 }
        shuffle = try h.bool("shuffle")
        randomState = try h.optionalInt("random_state", expected: "a non-negative integer or nil") { $0 >= 0 }
        tol = try h.double("tol", expected: "a number >= 0") { $0 >= 0 }
        momentum = try h.double("momentum", expected: "a number from 0 to 1") { $0 >= 0 && $0 <= 1 }
        nesterovsMomentum = try h.bool("nesterovs_momentum")
        earlyStopping = try h.bool("early_stopping")
        validationFraction = try h.double("validation_fraction", expected: "a number from 0 to below 1") { $0 >= 0 && $0 < 1 }
        beta1 = try h.double("beta_1", expected: "a number from 0 to below 1") { $0 >= 0 && $0 < 1 }
        beta2 = try h.double("beta_2", expected: "a number from 0 to below 1") { $0 >= 0 && $0 < 1 }
        epsilon = try h.double("epsilon", expected: "a positive number") { $0 > 0 }
        nIterNoChange = try h.int("n_iter_no_change", expected: "a positive integer") { $0 >= 1 }
        maxFun = try h.int("max_fun", expected: "a positive integer") { $0 >= 1 }
    }

    /// A tuple of positive sizes, or one size (scikit-learn takes `hidden_layer_sizes=50` too).
    private static func layerSizes(_ h: Hyperparameters) throws -> [Int] {
        let expected = "a tuple of layer sizes from 1 to \(maximumLayerSize), such as (100,)"
        let sizes: [Int]
        switch h.values["hidden_layer_sizes"] {
        case .ints(let v)?: sizes = v
        case .int(let i)?: sizes = [i]
        default: throw h.bad("hidden_layer_sizes", expected)
        }
        guard sizes.allSatisfy({ $0 >= 1 && $0 <= maximumLayerSize }) else { throw h.bad("hidden_layer_sizes", expected) }
        return sizes
    }

    /// Back as the constructor took them (repr, `get_params`, saving).
    var hyperparameters: [(name: String, value: HyperValue)] {
        [("hidden_layer_sizes", .ints(hiddenLayerSizes)), ("activation", .string(activation.rawValue)), ("solver", .string(solver)),
         ("alpha", .double(alpha)), ("batch_size", batchSize.map { .int($0) } ?? .string("auto")),
         ("learning_rate", .string(learningRate)), ("learning_rate_init", .double(learningRateInit)), ("power_t", .double(powerT)),
         ("max_iter", .int(maxIter)), ("shuffle", .bool(shuffle)), ("random_state", randomState.map { .int($0) } ?? .none),
         ("tol", .double(tol)), ("momentum", .double(momentum)), ("nesterovs_momentum", .bool(nesterovsMomentum)),
         ("early_stopping", .bool(earlyStopping)), ("validation_fraction", .double(validationFraction)),
         ("beta_1", .double(beta1)), ("beta_2", .double(beta2)), ("epsilon", .double(epsilon)), ("n_iter_no_change", .int(nIterNoChange)),
         ("max_fun", .int(maxFun))]
    }
}
