import MNLClassic
import MNLRuntime
import MNLSyntax
import TensorKit

/// The methods every classic model has (scikit-learn's estimator API). A method the model
/// does not support in its kind (transform on a regressor) is an error naming the model.
enum ClassicMethods {
    static var methods: [Builtin] {
        [fit, predict, predictProba, decisionFunction, transform, fitTransform, inverseTransform, score, getParams] + ClassicFile.methods
            + NeighborsMethods.methods + TreeMethods.methods
            // MARK: pipe (predict_log_proba for SVC(probability=true) and every classifier)
            + ProbabilityMethods.methods
    }

    static let regression = "x = tensor([[1.0], [2.0], [3.0], [4.0]])\ny = tensor([3.0, 5.0, 7.0, 9.0])\n"
    static let classification = "x = tensor([[0.0], [1.0], [2.0], [3.0]])\ny = tensor([0, 0, 1, 1])\n"

    static let fit = Builtin(
        "fit", [.required("self"), .required("x"), .optional("y", defaultText: "nil")], topic: "methods",
        doc: "Trains the model on the rows of x (samples, features) and, for supervised models, the labels or targets y, and returns the model itself (m = LogisticRegression().fit(x, y)). Class labels are integers (or whole-valued floats); classes_ holds them sorted. A long fit shows a progress bar on a terminal; Ctrl-C stops it and the model keeps its previous state.",
        example: regression + "m = LinearRegression().fit(x, y)\nm.coef_"
    ) { a, ctx in
        let o = try ClassicModelObject.receiver(a)
        let x = try a.tensor(1), y = try a[2].map { _ in try a.tensor(2) }
        let progress = ClassicProgress(ctx, label: o.model.name)
        defer { progress.close() }
        try classic { try o.estimator.fit(x, y, monitor: progress.monitor) }
        o.lastScore = nil
        progress.close()
        MLPMethods.reportConvergence(o, ctx)  // MARK: mlp: the warning after the bar
        return .native(o)
    }

    static let predict = Builtin(
        "predict", [.required("self"), .required("x")], topic: "methods",
        doc: "The model's predictions for the rows of x: class labels (as in classes_) for classifiers, values for regressors, cluster indices for clustering.",
        example: classification + "LogisticRegression().fit(x, y).predict(tensor([[0.5], [2.5]]))"
    ) { a, _ in
        let o = try ClassicModelObject.receiver(a)
        return .tensor(try classic { try o.estimator.predict(try a.tensor(1)) })
    }

    static let predictProba = Builtin(
        "predict_proba", [.required("self"), .required("x")], topic: "methods",
        doc: "A classifier's probability of each class (columns in the order of classes_) for each row of x, shape (samples, classes).",
        example: classification + "LogisticRegression().fit(x, y).predict_proba(tensor([[1.5]]))"
    ) { a, _ in
        let o = try ClassicModelObject.receiver(a)
        let c = try classifier(o, "predict_proba")
        return .tensor(try classic { try c.predictProba(try a.tensor(1)) })
    }

    static let decisionFunction = Builtin(
        "decision_function", [.required("self"), .required("x")], topic: "methods",
        doc: "A classifier's confidence scores: for two classes one score per row (positive means classes_[1]), otherwise one column per class.",
        example: classification + "LogisticRegression().fit(x, y).decision_function(tensor([[0.0], [3.0]]))"
    ) { a, _ in
        let o = try ClassicModelObject.receiver(a)
        let c = try classifier(o, "decision_function")
        return .tensor(try classic { try c.decisionFunction(try a.tensor(1)) })
    }

    static let transform = Builtin(
        "transform", [.required("self"), .required("x")], topic: "methods",
        doc: "A transformer's output for the rows of x (a scaler's scaled data, PCA's projection), with what fit learned.",
        example: "s = StandardScaler().fit(tensor([[1.0, 10.0], [3.0, 30.0]]))\ns.transform(tensor([[2.0, 20.0]]))"
    ) { a, _ in
        let o = try ClassicModelObject.receiver(a)
        let t = try transformer(o, "transform")
        return .tensor(try classic { try t.transform(try a.tensor(1)) })
    }

    static let fitTransform = Builtin(
        "fit_transform", [.required("self"), .required("x"), .optional("y", defaultText: "nil")], topic: "methods",
        doc: "fit(x, y) then transform(x), in one call, as scikit-learn's fit_transform.",
        example: "StandardScaler().fit_transform(tensor([[1.0, 10.0], [3.0, 30.0]]))"
    ) { a, ctx in
        let o = try ClassicModelObject.receiver(a)
        let t = try transformer(o, "fit_transform")
        let x = try a.tensor(1), y = try a[2].map { _ in try a.tensor(2) }
        let progress = ClassicProgress(ctx, label: o.model.name)
        defer { progress.close() }
        try classic { try t.fit(x, y, monitor: progress.monitor) }
        o.lastScore = nil
        return .tensor(try classic { try t.transform(x) })
    }

    static let inverseTransform = Builtin(
        "inverse_transform", [.required("self"), .required("x")], topic: "methods",
        doc: "Undoes transform: data in the transformer's output space mapped back to the original features.",
        example: "s = MinMaxScaler().fit(tensor([[0.0], [10.0]]))\ns.inverse_transform(s.transform(tensor([[5.0]])))"
    ) { a, _ in
        let o = try ClassicModelObject.receiver(a)
        let t = try transformer(o, "inverse_transform")
        return .tensor(try classic { try t.inverseTransform(try a.tensor(1)) })
    }

    static let score = Builtin(
        "score", [.required("self"), .required("x"), .optional("y", defaultText: "nil")], topic: "methods",
        doc: "scikit-learn's default score: accuracy for classifiers, the coefficient of determination r2 for regressors (KMeans: minus its inertia on x). :vars shows the last score.",
        example: regression + "LinearRegression().fit(x, y).score(x, y)"
    ) { a, _ in
        let o = try ClassicModelObject.receiver(a)
        let y = try a[2].map { _ in try a.tensor(2) }
        let s = try classic { try o.estimator.score(try a.tensor(1), y) }
        o.lastScore = s
        return .number(s)
    }

    static let getParams = Builtin(
        "get_params", [.required("self")], topic: "methods",
        doc: "Every hyperparameter with its value, as a record in the constructor's order (scikit-learn's get_params).",
        example: "LogisticRegression(C=10).get_params()"
    ) { a, _ in
        let o = try ClassicModelObject.receiver(a)
        return .record(RecordBox(o.estimator.hyperparameters.map { ($0.name, ClassicValues.value($0.value)) }))
    }

    static func classifier(_ o: ClassicModelObject, _ method: String) throws -> any ClassifierEstimator {
        guard let c = o.estimator as? any ClassifierEstimator else {
            throw Diagnostic(.library(LibraryFailure(ModelError.unsupported(model: o.model.name, message: "it is not a classifier, so it has no \(method)"))), at: nil)
        }
        return c
    }

    static func transformer(_ o: ClassicModelObject, _ method: String) throws -> any TransformerEstimator {
        // MARK: pipe: a pipeline transforms only when its last step does (checked before fit_transform fits).
        if let p = o.estimator as? Pipeline, !Pipeline.isTransformer(p) {
            throw Diagnostic(.library(LibraryFailure(p.unsupported(method))), at: nil)
        }
        guard let t = o.estimator as? any TransformerEstimator else {
            throw Diagnostic(.library(LibraryFailure(ModelError.unsupported(model: o.model.name, message: "it is not a transformer, so it has no \(method)"))), at: nil)
        }
        return t
    }
}
