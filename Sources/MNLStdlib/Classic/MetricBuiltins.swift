import MNLClassic
import MNLRuntime
import MNLSyntax
import TensorKit

/// scikit-learn's `sklearn.metrics` as builtins (the computations are MNLClassic's Metrics).
enum MetricBuiltins {
    static var builtins: [Builtin] {
        [pairMetric("accuracy_score", "The fraction of predictions equal to the true labels.", Metrics.accuracyScore),
         pairMetric("mean_squared_error", "The mean of (y_true - y_pred)².", Metrics.meanSquaredError),
         pairMetric("mean_absolute_error", "The mean of |y_true - y_pred|.", Metrics.meanAbsoluteError),
         pairMetric("r2_score", "The coefficient of determination 1 - Σ(y - ŷ)² / Σ(y - ȳ)² (1 is perfect, 0 is as good as predicting the mean; 1 or 0 when y_true is constant).", Metrics.r2Score),
         confusion, classScore(.precision), classScore(.recall), classScore(.f1), report, logLoss, rocAuc]
    }

    static let labels = "y_true = tensor([0, 1, 1, 0, 1, 2])\ny_pred = tensor([0, 1, 0, 0, 1, 2])\n"

    static func pairMetric(_ name: String, _ doc: String, _ f: @escaping (Tensor, Tensor) throws -> Double) -> Builtin {
        Builtin(name, [.required("y_true"), .required("y_pred")], topic: "classic", doc: doc + " As scikit-learn's \(name).",
                example: "\(name)(tensor([3.0, 1.0, 2.0, 7.0]), tensor([2.5, 1.0, 2.0, 8.0]))") { a, _ in
            .number(try classic { try f(try a.tensor(0), try a.tensor(1)) })
        }
    }

    static let confusion = Builtin(
        "confusion_matrix", [.required("y_true"), .required("y_pred")], topic: "classic",
        doc: "The counts of (true, predicted) label pairs as an int64 matrix: row i is the i-th true class, column j the j-th predicted class, over the sorted labels present in either (scikit-learn's confusion_matrix). Draw it with heatmap(cm, annot=true).",
        example: labels + "confusion_matrix(y_true, y_pred)"
    ) { a, _ in
        .tensor(try classic { try Metrics.confusionMatrix(try a.tensor(0), try a.tensor(1)).matrix })
    }

    static func classScore(_ which: Metrics.ClassScore) -> Builtin {
        let name = "\(which.rawValue)_score"
        let meaning = switch which {
        case .precision: "the fraction of the predictions of a class that are right, tp / (tp + fp)"
        case .recall: "the fraction of a class's samples predicted as it, tp / (tp + fn)"
        case .f1: "the harmonic mean of precision and recall, 2·tp / (2·tp + fp + fn)"
        }
        return Builtin(name, [.required("y_true"), .required("y_pred"), .optional("average", defaultText: "\"binary\""),
                              .optional("pos_label", defaultText: "1")], topic: "classic",
                       doc: "The \(which.rawValue) (\(meaning)), as scikit-learn's \(name): average=\"binary\" scores the class pos_label of a two-class problem; \"macro\" averages the classes' scores, \"weighted\" weighs them by support, \"micro\" pools the counts; average=nil gives one score per class (sorted labels). A ratio with nothing to divide by counts as 0.",
                       example: labels + "(\(name)(y_true, y_pred, average=\"macro\"), \(name)(y_true, y_pred, average=nil))") { a, _ in
            let average: Averaging?
            if a.named.count > 2, case .null? = a.named[2] {
                average = nil
            } else {
                let text = try a.string(2, default: "binary")
                guard let known = Averaging(rawValue: text) else {
                    throw a.invalid("average must be one of \"binary\", \"macro\", \"micro\", \"weighted\" or nil, got \"\(text)\"")
                }
                average = known
            }
            let values = try classic { try Metrics.score(which, try a.tensor(0), try a.tensor(1), average: average, posLabel: try a.number(3, default: 1)) }
            return average == nil ? .tensor(.vector(values)) : .number(values[0])
        }
    }

    static let report = Builtin(
        "classification_report", [.required("y_true"), .required("y_pred"), .optional("target_names", defaultText: "nil"),
                                  .optional("digits", defaultText: "2")], topic: "classic",
        doc: "scikit-learn's text report: precision, recall, F1 and support for each class, then the accuracy and the macro and weighted averages, as one string (print it). target_names names the classes in sorted label order.",
        example: labels + "print(classification_report(y_true, y_pred))"
    ) { a, _ in
        var names: [String]?
        if let v = a[2] {
            guard case .list(let l) = v, let strings = Optional(l.items.compactMap { if case .string(let s) = $0 { s } else { nil } }),
                  strings.count == l.items.count else { throw a.bad(2, expected: "list of strings", got: v) }
            names = strings
        }
        let digits = try a.int(3, default: 2)
        guard (0...15).contains(digits) else { throw a.invalid("digits must be between 0 and 15, got \(digits)") }
        return .string(try classic { try Metrics.classificationReport(try a.tensor(0), try a.tensor(1), targetNames: names, digits: digits) })
    }

    static let logLoss = Builtin(
        "log_loss", [.required("y_true"), .required("y_prob")], topic: "classic",
        doc: "The cross-entropy of predicted probabilities (scikit-learn's log_loss): y_prob is (samples, classes) over the sorted labels of y_true, as predict_proba gives it, or for two classes the probability of the second. Probabilities are clipped away from 0 and 1.",
        example: "log_loss(tensor([0, 1, 1]), tensor([[0.9, 0.1], [0.2, 0.8], [0.4, 0.6]]))"
    ) { a, _ in
        .number(try classic { try Metrics.logLoss(try a.tensor(0), try a.tensor(1)) })
    }

    static let rocAuc = Builtin(
        "roc_auc_score", [.required("y_true"), .required("y_score")], topic: "classic",
        doc: "The area under the ROC curve for a two-class problem (scikit-learn's roc_auc_score): the chance that a random sample of the larger label scores above a random one of the smaller, ties counting half. y_score is a probability or decision_function value for the larger label.",
        example: "roc_auc_score(tensor([0, 0, 1, 1]), tensor([0.1, 0.4, 0.35, 0.8]))"
    ) { a, _ in
        .number(try classic { try Metrics.rocAucScore(try a.tensor(0), try a.tensor(1)) })
    }
}
