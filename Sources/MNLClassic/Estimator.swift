import TensorKit

/// A scikit-learn model in Swift, knowing nothing of the language: `fit` on tensors, then
/// `predict`. The binding layer (MNLStdlib/Classic) wraps every estimator in one native class,
/// so each model here only states its kind, its hyperparameters and its algorithms.
///
/// Contract:
/// - Hyperparameters are validated when the model is made (`ModelError.badHyperparameter`).
/// - `fit` builds the whole fitted state first and assigns it at the end, so a fit stopped by
///   Ctrl-C (`TensorError.interrupted`, from `monitor.step` or a kernel) or failing on bad data
///   leaves the previous state untouched.
/// - Shapes are checked against the fitted ones (`ModelError.featureCount`).
public protocol Estimator: AnyObject {
    /// scikit-learn's class name: "LogisticRegression".
    var kind: String { get }
    /// Every hyperparameter with its current value, in the constructor's order (repr, `:vars`,
    /// saving, `get_params`).
    var hyperparameters: [(name: String, value: HyperValue)] { get }
    var isFitted: Bool { get }
    /// Trains on rows of `x` (n, features); `y` is nil for unsupervised models.
    func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws
    /// Labels for classifiers (in `classes_`'s dtype), values for regressors, cluster indices
    /// for clustering.
    func predict(_ x: Tensor) throws -> Tensor
    /// The fitted attributes with scikit-learn's trailing-underscore names (`coef_`), in the
    /// order `help`/`:vars` show them. Empty before `fit`.
    var fittedAttributes: [(name: String, value: FittedValue)] { get }
    /// What `save` writes: the fitted tensors by name (a tree's nodes as arrays). Together with
    /// `hyperparameters` and `kind` this is the whole model; loading runs no code.
    func savedState() -> [String: Tensor]
    /// Restores a saved state (hyperparameters are already set); throws
    /// `ModelError.badSavedState` naming the missing or misshapen tensor.
    func restore(_ state: [String: Tensor]) throws
    /// scikit-learn's default `score(x, y)`: accuracy for classifiers and r2 for regressors
    /// come from the defaults below; a model scored otherwise (KMeans) implements its own.
    func score(_ x: Tensor, _ y: Tensor?) throws -> Double
}

/// A classifier: `predict_proba`, `decision_function` where the model has them, and
/// `classes_` (sorted distinct labels seen by `fit`).
public protocol ClassifierEstimator: Estimator {
    var classes: Tensor? { get }
    /// (n, classes) probabilities; throws `ModelError.unsupported` when the model has none
    /// (e.g. SVC without probability=true).
    func predictProba(_ x: Tensor) throws -> Tensor
    func decisionFunction(_ x: Tensor) throws -> Tensor
}

/// A model that maps data to other data (scalers, PCA, and KMeans's distances).
public protocol TransformerEstimator: Estimator {
    func transform(_ x: Tensor) throws -> Tensor
    /// Throws `ModelError.unsupported` when the transform cannot be undone.
    func inverseTransform(_ x: Tensor) throws -> Tensor
}

/// How `score` measures a model (scikit-learn's default `score`).
public enum ScoreKind: Sendable { case accuracy, r2, negativeInertia }

/// A hyperparameter's value as the constructor took it and as JSON saves it.
public enum HyperValue: Equatable, Sendable, Codable {
    case int(Int)
    case double(Double)
    case string(String)
    case bool(Bool)
    case ints([Int])
    /// A tuple of numbers that are not all whole (`feature_range=(-0.5, 0.5)`).
    case doubles([Double])
    case none

    /// The number, for ints and doubles.
    public var number: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    /// As plain JSON (`10`, `0.5`, `"l2"`, `true`, `[0, 1]`, `null`), so a saved model's
    /// metadata reads as scikit-learn's `get_params()`. A whole double comes back as an int;
    /// the reader turns it back by the parameter's declared default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .none } else if let b = try? c.decode(Bool.self) { self = .bool(b) } else if let i = try? c.decode(Int.self) {
            self = .int(i)
        } else if let d = try? c.decode(Double.self) { self = .double(d) } else if let s = try? c.decode(String.self) { self = .string(s) } else if let v = try? c.decode([Int].self) {
            self = .ints(v)
        } else { self = .doubles(try c.decode([Double].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .bool(let b): try c.encode(b)
        case .ints(let v): try c.encode(v)
        case .doubles(let v): try c.encode(v)
        case .none: try c.encodeNil()
        }
    }
}

/// A fitted attribute: a tensor (`coef_`), a number (`inertia_`) or a count (`n_iter_`).
public enum FittedValue {
    case tensor(Tensor)
    case number(Double)
    case int(Int)
    // MARK: mlp
    /// A list of tensors, one per layer (an MLP's `coefs_`, `intercepts_`).
    case tensors([Tensor])
    /// A name (an MLP's `out_activation_`).
    case text(String)
}

/// What a long `fit` reports and how it is stopped: `step` is called between units of work
/// (epochs, trees, iterations) and throws `TensorError.interrupted` on Ctrl-C. The binding
/// draws the progress bar from it; tests pass `FitMonitor.silent`.
public struct FitMonitor: Sendable {
    public let total: @Sendable (_ units: Int, _ label: String) -> Void
    public let step: @Sendable (_ done: Int, _ loss: Double?) throws -> Void
    public init(total: @escaping @Sendable (Int, String) -> Void,
                step: @escaping @Sendable (Int, Double?) throws -> Void) {
        self.total = total
        self.step = step
    }
    /// No bar; stops only on the current cancellation flag.
    public static let silent = FitMonitor(total: { _, _ in }, step: { _, _ in try Cancellation.check() })
}
