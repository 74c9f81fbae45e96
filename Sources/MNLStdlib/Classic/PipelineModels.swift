import MNLClassic
import MNLRuntime
import MNLSyntax
import TensorKit

/// `Pipeline(steps)` and `make_pipeline(model, ...)`: MNLClassic's `Pipeline` wrapped in the
/// one classic model class, with a declaration made for each pipeline from its steps'
/// declarations. That declaration is what lets cross_val_score and GridSearchCV take a
/// pipeline as they take any model: its parameters are the steps' as `step__param` (with
/// the steps' defaults), and its factory builds a new pipeline of new steps from such
/// values, so `clone` and a grid of `{svc__C: [1, 10]}` need nothing pipeline-specific.
enum PipelineModels {
    static var builtins: [Builtin] { [pipeline, makePipeline] }

    static let exampleData = "x = tensor([[0.0, 10.0], [1.0, 20.0], [2.0, 10.0], [8.0, 30.0], [9.0, 20.0], [10.0, 30.0]])\ny = tensor([0, 0, 0, 1, 1, 1])\n"

    static let pipeline = Builtin(
        "Pipeline", [.required("steps")], topic: "classic",
        doc: "scikit-learn's Pipeline: steps is a list of (name, model) pairs, every model but the last a transformer (a scaler, PCA). fit(x, y) fits each transformer on the previous one's output and the last model on the final output; predict, predict_proba, predict_log_proba, decision_function, score and transform pass x through the fitted transformers first. The steps are the models given: fitting the pipeline fits them (all at once at the end, so Ctrl-C or an error leaves them as they were). p.named_steps (a record), p.steps (a list of (name, model)), p[\"name\"] and p[i] give them; get_params() names parameters step__param, as GridSearchCV's grid does ({svc__C: [1, 10]}). cross_val_score and GridSearchCV fit copies. save and load_model keep every step in one file.",
        example: exampleData + "p = Pipeline([(\"scale\", StandardScaler()), (\"svc\", SVC(C=10))]).fit(x, y)\n(p.predict(tensor([[1.0, 15.0], [9.0, 25.0]])), p[\"scale\"].mean_)"
    ) { a, _ in
        let items = try listItems(try a.value(0), a, 0)
        let steps = try items.enumerated().map { i, item -> (String, ClassicModelObject) in
            let pair: [Value]
            switch item {
            case .tuple(let t): pair = t.items
            case .list(let l): pair = l.items
            default: pair = []
            }
            guard pair.count == 2, case .string(let name) = pair[0], case .native(let n) = pair[1], let o = n as? ClassicModelObject else {
                throw a.invalid("steps[\(i)] must be a (name, model) pair such as (\"scale\", StandardScaler()), got \(shapeText(item))")
            }
            return (name, o)
        }
        return .native(try make(steps))
    }

    static let makePipeline = Builtin(
        "make_pipeline", [.variadic("steps")], topic: "classic",
        doc: "A Pipeline of the given models with names made from their kinds, as scikit-learn's make_pipeline: lowercased (\"standardscaler\", \"svc\"), numbered \"-1\", \"-2\", ... when a kind repeats. See Pipeline.",
        example: exampleData + "p = make_pipeline(StandardScaler(), PCA(n_components=1), LogisticRegression()).fit(x, y)\n(p, p.score(x, y))"
    ) { a, _ in
        let models = try a.rest.enumerated().map { i, v -> ClassicModelObject in
            guard case .native(let n) = v, let o = n as? ClassicModelObject else {
                throw a.invalid("argument #\(i + 1) must be a classic model (StandardScaler(), SVC(), ...), got \(v.typeName)")
            }
            return o
        }
        return .native(try make(Array(zip(names(models.map(\.model.name)), models))))
    }

    /// What a bad step was, by type: "tuple (string, number)".
    static func shapeText(_ v: Value) -> String {
        guard case .tuple(let t) = v else { return v.typeName }
        return "tuple (" + t.items.map(\.typeName).joined(separator: ", ") + ")"
    }

    static func listItems(_ v: Value, _ a: Arguments, _ i: Int) throws -> [Value] {
        switch v {
        case .list(let l): return l.items
        case .tuple(let t): return t.items
        default: throw a.bad(i, expected: "list of (name, model) pairs", got: v)
        }
    }

    /// scikit-learn's `_name_estimators`: lowercased kinds, a repeated one numbered from 1.
    static func names(_ kinds: [String]) -> [String] {
        let lower = kinds.map { $0.lowercased() }
        var remaining = Dictionary(lower.map { ($0, 1) }, uniquingKeysWith: +).filter { $0.value > 1 }
        var out = lower
        for i in lower.indices.reversed() {
            guard let n = remaining[lower[i]] else { continue }
            out[i] = "\(lower[i])-\(n)"
            remaining[lower[i]] = n - 1
        }
        return out
    }

    /// The pipeline model value of these steps (the given model objects themselves).
    static func make(_ steps: [(String, ClassicModelObject)]) throws -> ClassicModelObject {
        let model = declaration(names: steps.map(\.0), steps: steps.map(\.1.model),
                                generators: steps.map { ($0.1.estimator as? RandomizedEstimator)?.randomGenerator })
        let p = try classic { try estimator(names: steps.map(\.0), shared: steps.map(\.1.shared), model: model) }
        return ClassicModelObject(p, model)
    }

    /// MNLClassic's Pipeline of these shared steps, copying a step (for its fit) through
    /// the step's declaration.
    static func estimator(names: [String], shared: [SharedEstimator], model: ClassicModel) throws -> Pipeline {
        let stepModels = model.stepModels
        return try Pipeline(steps: Array(zip(names, shared)).map { (name: $0.0, model: $0.1) },
                            clone: { i, e in try stepModels[i].clone(e) })
    }

    /// The declaration of pipelines of these steps: parameters `name__param` with the steps'
    /// defaults, a factory making each step from its declaration (a randomized step drawing
    /// from the generator its original had, as a clone does), and scikit-learn's repr
    /// `Pipeline(steps=[("standardscaler", StandardScaler()), ("svc", SVC())])`.
    static func declaration(names: [String], steps: [ClassicModel], generators: [RandomGenerator?]) -> ClassicModel {
        var parameters: [(name: String, defaultValue: HyperValue)] = []
        for (name, step) in zip(names, steps) { parameters += step.parameters.map { ("\(name)__\($0.name)", $0.defaultValue) } }
        var model = ClassicModel("Pipeline", parameterList: parameters, doc: "A pipeline of classic models (see Pipeline).", example: "",
                                 randomized: { values, random in
            let estimators = try zip(names, steps).enumerated().map { i, pair in
                let prefix = pair.0 + "__"
                var own: [String: HyperValue] = [:]
                for (key, value) in values.values where key.hasPrefix(prefix) { own[String(key.dropFirst(prefix.count))] = value }
                return try pair.1.estimator(own, random: generators[i] ?? random)
            }
            return try estimator(names: names, shared: estimators.map(SharedEstimator.init), model: declaration(names: names, steps: steps, generators: generators))
        })
        model.stepModels = steps
        model.describe = { e in
            guard let p = e as? Pipeline else { return "Pipeline()" }
            let listed = zip(p.steps, steps).map { step, m in "(\"\(step.name)\", \(m.repr(step.model.estimator)))" }
            return "Pipeline(steps=[" + listed.joined(separator: ", ") + "])"
        }
        return model
    }
}
