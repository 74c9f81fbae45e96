import MNLClassic
import MNLRuntime
import MNLSyntax
import TensorKit

/// One scikit-learn model declared for the language, once: its name (scikit-learn's), doc,
/// example, keyword parameters with scikit-learn's defaults, and the factory that builds
/// (and validates) the estimator. From this one value come the constructor builtin, `help`,
/// the repr showing the non-default parameters, `get_params`, `clone` (cross-validation)
/// and loading a saved model. Families of models list theirs in their own file (see
/// ClassicModels.swift).
struct ClassicModel {
    let name: String
    let doc: String
    let example: String
    /// The constructor's parameters in scikit-learn's order, with their defaults.
    let parameters: [(name: String, defaultValue: HyperValue)]
    let make: (Hyperparameters, RandomGenerator) throws -> any Estimator
    // MARK: pipe
    /// A pipeline's declaration is made per pipeline (PipelineModels.swift): these are its
    /// steps' declarations, and its repr lists the steps; both are unused by single models.
    var stepModels: [ClassicModel] = []
    var describe: ((any Estimator) -> String)?

    init(_ name: String, _ parameters: KeyValuePairs<String, HyperValue>, doc: String, example: String,
         make: @escaping (Hyperparameters) throws -> any Estimator) {
        self.init(name, parameters, doc: doc, example: example, randomized: { values, _ in try make(values) })
    }

    /// A model that draws random numbers: `randomized` also gets the generator to use when its
    /// random_state is nil, the session's (so `seed(n)` reproduces a fit).
    init(_ name: String, _ parameters: KeyValuePairs<String, HyperValue>, doc: String, example: String,
         randomized make: @escaping (Hyperparameters, RandomGenerator) throws -> any Estimator) {
        self.init(name, parameterList: parameters.map { ($0.key, $0.value) }, doc: doc, example: example, randomized: make)
    }

    /// The parameters as a list made at run time (a pipeline's, from its steps).
    init(_ name: String, parameterList: [(name: String, defaultValue: HyperValue)], doc: String, example: String,
         randomized make: @escaping (Hyperparameters, RandomGenerator) throws -> any Estimator) {
        self.name = name
        self.doc = doc
        self.example = example
        self.parameters = parameterList
        self.make = make
    }

    /// The estimator for the given values, defaults filled in for the others. Without
    /// `random` (a model loaded from a file), a randomized model gets a generator of seed 0.
    func estimator(_ given: [String: HyperValue] = [:], random: RandomGenerator? = nil) throws -> any Estimator {
        var values = given
        for p in parameters where values[p.name] == nil { values[p.name] = p.defaultValue }
        return try make(Hyperparameters(model: name, values), random ?? RandomGenerator(seed: 0))
    }

    /// A fresh, unfitted copy of `estimator` with the same hyperparameters (scikit-learn's
    /// `clone`): cross-validation fits one per fold. A randomized copy shares the original's
    /// generator.
    func clone(_ estimator: any Estimator) throws -> any Estimator {
        try self.estimator(Dictionary(estimator.hyperparameters.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }),
                           random: (estimator as? RandomizedEstimator)?.randomGenerator)
    }

    /// scikit-learn's repr: the name and the parameters that differ from their defaults,
    /// `LogisticRegression(C=10)`.
    func repr(_ estimator: any Estimator) -> String {
        if let describe { return describe(estimator) }
        return "\(name)(" + changedParameters(estimator).map { "\($0.name)=\($0.value.text)" }.joined(separator: ", ") + ")"
    }

    func changedParameters(_ estimator: any Estimator) -> [(name: String, value: HyperValue)] {
        let defaults = Dictionary(parameters.map { ($0.name, $0.defaultValue) }, uniquingKeysWith: { a, _ in a })
        return estimator.hyperparameters.filter { defaults[$0.name] != $0.value }
    }

    /// The constructor: `LogisticRegression(C=10, max_iter=200)`.
    var builtin: Builtin {
        let parameters = parameters
        let model = self
        return Builtin(name, parameters.map { .optional($0.name, defaultText: $0.defaultValue.text) }, topic: "classic",
                       doc: doc, example: example) { a, ctx in
            var values: [String: HyperValue] = [:]
            for (i, p) in parameters.enumerated() {
                guard i < a.named.count, let v = a.named[i] else { continue }
                values[p.name] = try ClassicValues.hyperValue(v, like: p.defaultValue, argument: i, a)
            }
            return .native(ClassicModelObject(try classic { try model.estimator(values, random: ctx.random) }, model))
        }
    }
}

/// Runs MNLClassic code, turning its `ModelError`s (and TensorKit's) into diagnostics.
func classic<T>(_ body: () throws -> T) throws -> T {
    do {
        return try bridging(body)
    } catch let e as ModelError {
        throw Diagnostic(.library(LibraryFailure(e)), at: nil)
    }
}

extension ModelError: LibraryError {
    /// The model's own wording: it already names the model (or the metric) it is about.
    public func message(calledAs function: String?) -> String { message }
}
