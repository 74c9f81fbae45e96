import MNLClassic
import MNLRuntime
import MNLSyntax
import TensorKit

/// Model selection (`sklearn.model_selection`): cross_val_score and GridSearchCV. Each fold
/// fits a fresh copy of the model, remade from its declaration and hyperparameters.
enum SelectionBuiltins {
    static var builtins: [Builtin] { [crossValScore, GridSearchObject.constructor] }

    static let example = "x = tensor([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0], [6.0], [7.0], [8.0], [9.0]])\ny = tensor([0, 0, 0, 0, 1, 0, 1, 1, 1, 1])\n"

    static let crossValScore = Builtin(
        "cross_val_score", [.required("model"), .required("x"), .optional("y", defaultText: "nil"), .optional("cv", defaultText: "5"),
                            .optional("scoring", defaultText: "nil")], topic: "classic",
        doc: "The model's test scores over cv folds, as a tensor (scikit-learn's cross_val_score): a fresh unfitted copy of the model is fitted on each training part and scored on its fold, with StratifiedKFold for classifiers and KFold otherwise (not shuffled). scoring is nil (the model's score), \"accuracy\", \"r2\", \"neg_mean_squared_error\", \"neg_mean_absolute_error\", \"f1_macro\" or \"f1_weighted\". The model itself is left as it was.",
        example: example + "cross_val_score(LogisticRegression(), x, y, cv=2)"
    ) { a, ctx in
        let o = try modelArgument(a, 0)
        let x = try a.tensor(1), y = try a[2].map { _ in try a.tensor(2) }
        let (cv, scoring) = (try a.int(3, default: 5), try scoringArgument(a, 4))
        let progress = ClassicProgress(ctx, label: "cross_val_score")
        defer { progress.close() }
        let scores = try classic {
            try CrossValidation.scores(make: { try o.model.clone(o.estimator) }, x: x, y: y, cv: cv, scoring: scoring, monitor: progress.monitor)
        }
        return .tensor(.vector(scores))
    }

    static func modelArgument(_ a: Arguments, _ i: Int) throws -> ClassicModelObject {
        let v = try a.value(i)
        guard case .native(let n) = v, let o = n as? ClassicModelObject else { throw a.bad(i, expected: "classic model", got: v) }
        return o
    }

    static func scoringArgument(_ a: Arguments, _ i: Int) throws -> Scoring? {
        guard a[i] != nil else { return nil }
        let name = try a.string(i)
        guard let s = Scoring(rawValue: name) else {
            throw a.invalid("scoring must be nil or one of " + Scoring.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + ", got \"\(name)\"")
        }
        return s
    }

    /// `param_grid={C: [0.1, 1, 10]}` as the model's hyperparameter values.
    static func grid(_ v: Value, for o: ClassicModelObject, _ a: Arguments, _ i: Int) throws -> [(name: String, values: [HyperValue])] {
        guard case .record(let r) = v else { throw a.bad(i, expected: "record of lists", got: v) }
        return try r.entries.map { key, values in
            guard case .string(let name) = key, let p = o.model.parameters.first(where: { $0.name == name }) else {
                throw a.invalid("\(o.model.name) has no hyperparameter \(key.quotedText)")
            }
            let items: [Value]
            switch values {
            case .list(let l): items = l.items
            case .tuple(let t): items = t.items
            default: throw a.invalid("param_grid[\"\(name)\"] must be a list of values, got \(values.typeName)")
            }
            guard !items.isEmpty else { throw a.invalid("param_grid[\"\(name)\"] is empty") }
            return (name, try items.map { try ClassicValues.hyperValue($0, like: p.defaultValue, argument: i, a) })
        }
    }
}
