/// What can go wrong making, fitting or using a classic model, as data; `message` is the one
/// wording (the binding layer adds the file position).
public enum ModelError: Error, Equatable, Sendable {
    /// A hyperparameter outside its range: `expected` says what is allowed.
    case badHyperparameter(model: String, name: String, value: String, expected: String)
    /// `predict`, `transform`, ... before `fit`.
    case notFitted(model: String)
    /// `x` has a different number of features than the data the model was fitted on.
    case featureCount(model: String, expected: Int, got: Int)
    /// Labels a model cannot take: `message` says why (floats for a classifier, one class).
    case badLabels(model: String, message: String)
    /// Data a model cannot take: wrong rank, no rows, NaN, rows of x and y that differ.
    case badData(model: String, message: String)
    /// A method the model does not have in this configuration.
    case unsupported(model: String, message: String)
    /// A saved state that is missing a tensor or has one of the wrong shape.
    case badSavedState(model: String, message: String)

    public var message: String {
        switch self {
        case .badHyperparameter(let model, let name, let value, let expected):
            "\(model): \(name) must be \(expected), got \(value)"
        case .notFitted(let model):
            "this \(model) is not fitted yet: call fit(x, y) first"
        case .featureCount(let model, let expected, let got):
            "\(model) was fitted on \(expected) feature\(expected == 1 ? "" : "s"), but x has \(got)"
        case .badLabels(let model, let message), .badData(let model, let message),
             .unsupported(let model, let message), .badSavedState(let model, let message):
            "\(model): \(message)"
        }
    }
}
