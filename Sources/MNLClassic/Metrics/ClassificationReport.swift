import Foundation
import TensorKit

extension Metrics {
    /// `classification_report(y_true, y_pred)`: scikit-learn's text table of precision,
    /// recall, F1 and support per class, then accuracy and the macro and weighted averages,
    /// laid out column for column as scikit-learn prints it.
    public static func classificationReport(_ yTrue: Tensor, _ yPred: Tensor, targetNames: [String]? = nil, digits: Int = 2) throws -> String {
        let (a, b) = try pair("classification_report", yTrue, yPred)
        let s = ClassScores(a, b)
        let names = targetNames ?? s.labels.map(HyperValue.number)
        guard names.count == s.labels.count else {
            throw ModelError.badData(model: "classification_report", message: "target_names has \(names.count) names but there are \(s.labels.count) labels")
        }
        let width = Swift.max("weighted avg".count, names.map(\.count).max() ?? 0, digits)
        func pad(_ text: String, _ n: Int) -> String { String(repeating: " ", count: Swift.max(0, n - text.count)) + text }
        func fixed(_ v: Double) -> String { String(format: "%.\(digits)f", v) }
        func row(_ name: String, _ p: Double, _ r: Double, _ f: Double, _ support: Int) -> String {
            pad(name, width) + " " + [fixed(p), fixed(r), fixed(f), String(support)].map { " " + pad($0, 9) }.joined() + "\n"
        }
        var out = String(repeating: " ", count: width) + " " + ["precision", "recall", "f1-score", "support"].map { " " + pad($0, 9) }.joined() + "\n\n"
        for i in s.labels.indices { out += row(names[i], s.precision[i], s.recall[i], s.f1[i], s.support[i]) }
        out += "\n"
        let total = s.support.reduce(0, +)
        out += pad("accuracy", width) + " " + " " + pad("", 9) + " " + pad("", 9) + " " + pad(fixed(s.micro), 9) + " " + pad(String(total), 9) + "\n"
        for how in [Averaging.macro, .weighted] {
            out += row(how == .macro ? "macro avg" : "weighted avg", s.average(s.precision, how), s.average(s.recall, how), s.average(s.f1, how), total)
        }
        return out
    }
}
