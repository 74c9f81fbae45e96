import MNLClassic
import MNLRuntime
import MNLSyntax
import TensorKit

/// `predict_log_proba`, which every classifier with `predict_proba` has in scikit-learn: the
/// natural log of its probabilities (log 0 is -inf, as NumPy's).
enum ProbabilityMethods {
    static var methods: [Builtin] { [predictLogProba] }

    static let predictLogProba = Builtin(
        "predict_log_proba", [.required("self"), .required("x")], topic: "methods",
        doc: "The natural log of predict_proba(x), as scikit-learn's predict_log_proba: a classifier's log-probability of each class (columns in the order of classes_) for each row of x.",
        example: ClassicMethods.classification + "exp(LogisticRegression().fit(x, y).predict_log_proba(tensor([[1.5]])))"
    ) { a, _ in
        let o = try ClassicModelObject.receiver(a)
        let c = try ClassicMethods.classifier(o, "predict_log_proba")
        return .tensor(try classic { try c.predictProba(try a.tensor(1)).unary(.log) })
    }
}
