import MNLClassic
import MNLRuntime
import MNLSyntax
import TensorKit

/// Every scikit-learn model as a language value: one class wrapping `any Estimator`, so a
/// model family only declares its models (ClassicModels.swift) and gets fit, predict,
/// score, the fitted attributes as fields (`m.coef_`), saving, the repr and `:vars`.
/// Methods a model does not have (predict_proba on a regressor) are a clear error naming
/// the model. The methods themselves are in ClassicMethods.swift.
final class ClassicModelObject: NativeObject {
    /// Shared with every pipeline the model is a step of, so that fitting the pipeline fits
    /// this model (SharedEstimator). Replaced by a pipeline's fit only when the whole fit
    /// succeeds; the estimator's own `fit` keeps its previous state when it fails or Ctrl-C
    /// stops it (the Estimator contract).
    let shared: SharedEstimator
    var estimator: any Estimator { shared.estimator }
    let model: ClassicModel
    /// The last `score(x, y)`, which `:vars` shows.
    var lastScore: Double?

    convenience init(_ estimator: any Estimator, _ model: ClassicModel) {
        self.init(shared: SharedEstimator(estimator), model)
    }

    init(shared: SharedEstimator, _ model: ClassicModel) {
        self.shared = shared
        self.model = model
        super.init(ClassicModelObject.declaration)
    }

    var repr: String { model.repr(estimator) }

    /// `:vars`: `LogisticRegression(C=10), fitted, score 0.9731`.
    var summaryLine: String {
        var parts = [repr, estimator.isFitted ? "fitted" : "not fitted"]
        if let lastScore { parts.append("score \(Formatting.number((lastScore * 1e4).rounded() / 1e4))") }
        return parts.joined(separator: ", ")
    }

    /// `m.name`: a fitted attribute (`coef_`), or a hyperparameter (`m.C`). A name ending
    /// in `_` before fit is the not-fitted error, as scikit-learn raises for fitted attributes.
    func member(_ name: String) -> NativeProperty? {
        if let steps = PipelineMembers.member(name, of: self) { return steps }  // MARK: pipe
        if let attribute = estimator.fittedAttributes.first(where: { $0.name == name }) {
            return NativeProperty(readOnly: name, doc: "A fitted attribute.", of: ClassicModelObject.self) { _ in ClassicValues.value(attribute.value) }
        }
        if let h = estimator.hyperparameters.first(where: { $0.name == name }) {
            return NativeProperty(readOnly: name, doc: "A hyperparameter.", of: ClassicModelObject.self) { _ in ClassicValues.value(h.value) }
        }
        if name.hasSuffix("_"), !name.hasPrefix("_"), !estimator.isFitted {
            return NativeProperty(readOnly: name, doc: "A fitted attribute.", of: ClassicModelObject.self) { o in
                throw Diagnostic(.library(LibraryFailure(ModelError.notFitted(model: o.model.name))), at: nil)
            }
        }
        return nil
    }

    var memberNames: [String] {
        PipelineMembers.memberNames(of: self) + estimator.fittedAttributes.map(\.name) + estimator.hyperparameters.map(\.name)
    }

    static func receiver(_ a: Arguments) throws -> ClassicModelObject {
        let v = try a.value(0)
        guard case .native(let o) = v, let m = o as? ClassicModelObject else { throw a.bad(0, expected: "classic model", got: v) }
        return m
    }

    static let declaration = NativeClass(
        name: "classic_model", of: ClassicModelObject.self,
        doc: "A scikit-learn model (LinearRegression, LogisticRegression, StandardScaler, ...): m.fit(x, y) trains it and returns it, m.predict(x), m.score(x, y), m.transform(x) for transformers; fitted attributes are fields with scikit-learn's names (m.coef_, m.classes_), hyperparameters too (m.C); m.save(path) writes it and load_model(path) reads it back."
    ) { c in
        for method in ClassicMethods.methods { c.method(method) }
        c.dynamicMembers({ o, name in o.member(name) }, names: { $0.memberNames })
        c.index { o, items, _ in try PipelineMembers.step(of: o, at: items) }  // MARK: pipe
        c.render { $0.repr }
        c.summary { $0.summaryLine }
    }
}
