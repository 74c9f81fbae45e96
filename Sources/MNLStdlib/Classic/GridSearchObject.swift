import MNLClassic
import MNLRuntime
import MNLSyntax
import TensorKit

/// `GridSearchCV(model, param_grid, cv=5, scoring=nil)`: scikit-learn's exhaustive search.
/// `fit` cross-validates every combination (GridSearch in MNLClassic), keeps the results
/// and refits the best on all the data; `predict` and `score` then use that best model.
final class GridSearchObject: NativeObject {
    let base: ClassicModelObject
    let grid: [(name: String, values: [HyperValue])]
    let cv: Int
    let scoring: Scoring?
    var result: GridSearch.Result?

    init(base: ClassicModelObject, grid: [(name: String, values: [HyperValue])], cv: Int, scoring: Scoring?) {
        (self.base, self.grid, self.cv, self.scoring) = (base, grid, cv, scoring)
        super.init(GridSearchObject.declaration)
    }

    var repr: String {
        let g = grid.map { "\($0.name): [" + $0.values.map(\.text).joined(separator: ", ") + "]" }.joined(separator: ", ")
        return "GridSearchCV(estimator=\(base.repr), param_grid={\(g)}" + (cv == 5 ? "" : ", cv=\(cv)") + (scoring.map { ", scoring=\"\($0.rawValue)\"" } ?? "") + ")"
    }

    func fitted() throws -> GridSearch.Result {
        guard let result else { throw Diagnostic(.library(LibraryFailure(ModelError.notFitted(model: "GridSearchCV"))), at: nil) }
        return result
    }

    /// The best candidate as a model of the searched kind.
    func bestModel() throws -> ClassicModelObject { ClassicModelObject(try fitted().bestEstimator, base.model) }

    static func record(_ c: GridSearch.Candidate) -> Value { .record(RecordBox(c.map { ($0.name, ClassicValues.value($0.value)) })) }

    /// scikit-learn's `cv_results_` as a record of columns, one entry per candidate.
    func resultsRecord() throws -> Value {
        let r = try fitted()
        var fields: [(String, Value)] = [("params", .list(ListBox(r.candidates.map(Self.record))))]
        for (name, _) in grid {
            fields.append(("param_\(name)", .list(ListBox(r.candidates.map { c in ClassicValues.value(c.first { $0.name == name }?.value ?? .none) }))))
        }
        for k in 0..<(r.foldScores.first?.count ?? 0) { fields.append(("split\(k)_test_score", .tensor(.vector(r.foldScores.map { $0[k] })))) }
        fields += [("mean_test_score", .tensor(.vector(r.meanScores))), ("std_test_score", .tensor(.vector(r.stdScores))),
                   ("rank_test_score", .tensor(.vector(r.ranks.map(Double.init))))]
        return .record(RecordBox(fields))
    }

    static let example = SelectionBuiltins.example + "g = GridSearchCV(LogisticRegression(), {C: [0.01, 1, 100]}, cv=2)\n"

    static let constructor = Builtin(
        "GridSearchCV", [.required("model"), .required("param_grid"), .optional("cv", defaultText: "5"), .optional("scoring", defaultText: "nil")],
        topic: "classic",
        doc: "An exhaustive search over hyperparameters (scikit-learn's GridSearchCV): param_grid is a record of lists, {C: [0.1, 1, 10]}; fit(x, y) cross-validates every combination as cross_val_score does, then refits the best on all the data. Then best_params_, best_score_ (mean test score), best_estimator_, cv_results_ (a record of columns: params, mean_test_score, std_test_score, rank_test_score, splitK_test_score), and predict/score with the best model.",
        example: example + "g.fit(x, y).best_params_"
    ) { a, _ in
        let base = try SelectionBuiltins.modelArgument(a, 0)
        let grid = try SelectionBuiltins.grid(try a.value(1), for: base, a, 1)
        let cv = try a.int(2, default: 5)
        guard cv >= 2 else { throw a.invalid("cv must be at least 2, got \(cv)") }
        return .native(GridSearchObject(base: base, grid: grid, cv: cv, scoring: try SelectionBuiltins.scoringArgument(a, 3)))
    }

    static let declaration = NativeClass(
        name: "grid_search", of: GridSearchObject.self,
        doc: "A hyperparameter search made by GridSearchCV(model, param_grid): fit(x, y) runs it; best_params_, best_score_, best_estimator_ and cv_results_ hold the outcome; predict and score use the best model.",
        constructor: constructor
    ) { c in
        c.method("fit", [.required("x"), .optional("y", defaultText: "nil")],
                 doc: "Cross-validates every combination of the grid on x and y, then refits the best on all of it; returns the search itself.",
                 example: example + "g.fit(x, y).best_score_") { o, a, ctx in
            let x = try a.tensor(1), y = try a[2].map { _ in try a.tensor(2) }
            let progress = ClassicProgress(ctx, label: "GridSearchCV")
            defer { progress.close() }
            o.result = try classic {
                try GridSearch.run(candidates: GridSearch.candidates(o.grid), make: { c in
                    try o.base.model.estimator(Dictionary(o.base.estimator.hyperparameters.map { ($0.name, $0.value) } + c.map { ($0.name, $0.value) },
                                                          uniquingKeysWith: { _, new in new }),
                                               random: (o.base.estimator as? RandomizedEstimator)?.randomGenerator ?? ctx.random)
                }, x: x, y: y, cv: o.cv, scoring: o.scoring, monitor: progress.monitor)
            }
            return .native(o)
        }
        c.method("predict", [.required("x")], doc: "The best model's predictions for the rows of x.",
                 example: example + "g.fit(x, y).predict(tensor([[0.5], [8.5]]))") { o, a, _ in
            let best = try o.fitted().bestEstimator
            return .tensor(try classic { try best.predict(try a.tensor(1)) })
        }
        c.method("score", [.required("x"), .optional("y", defaultText: "nil")], doc: "The best model's score on x and y (its own score, as scikit-learn's refit estimator).",
                 example: example + "g.fit(x, y).score(x, y)") { o, a, _ in
            let best = try o.fitted().bestEstimator
            let y = try a[2].map { _ in try a.tensor(2) }
            return .number(try classic { try best.score(try a.tensor(1), y) })
        }
        c.property("best_params_", doc: "The best candidate's hyperparameters, as a record.") { try record($0.fitted().candidates[$0.fitted().best]) }
        c.property("best_score_", doc: "The best candidate's mean test score over the folds.") { .number(try $0.fitted().meanScores[$0.fitted().best]) }
        c.property("best_estimator_", doc: "The best candidate refitted on all the data, as a model.") { .native(try $0.bestModel()) }
        c.property("cv_results_", doc: "Every candidate's scores as a record of columns (params, mean_test_score, std_test_score, rank_test_score, splitK_test_score).") { try $0.resultsRecord() }
        c.render { $0.repr }
        c.summary { o in o.repr + (o.result == nil ? ", not fitted" : ", fitted") }
    }
}
