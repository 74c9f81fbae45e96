import TensorKit

/// How precision, recall and F1 combine the classes (scikit-learn's `average=`).
public enum Averaging: String, Sendable, CaseIterable {
    case binary, macro, micro, weighted
}

extension Metrics {
    /// The counts behind the classification metrics: the labels present in either vector,
    /// sorted, and the confusion matrix (rows: true class, columns: predicted class).
    public struct Confusion {
        public let labels: [Double]
        public let counts: [[Int]]

        public init(_ yTrue: [Double], _ yPred: [Double]) {
            labels = Array(Set(yTrue).union(yPred)).sorted()
            var position = [Double: Int]()
            for (i, l) in labels.enumerated() { position[l] = i }
            var counts = [[Int]](repeating: [Int](repeating: 0, count: labels.count), count: labels.count)
            for (t, p) in zip(yTrue, yPred) { counts[position[t] ?? 0][position[p] ?? 0] += 1 }
            self.counts = counts
        }

        public var truePositives: [Int] { labels.indices.map { counts[$0][$0] } }
        /// Samples of each class (row sums).
        public var support: [Int] { counts.map { $0.reduce(0, +) } }
        /// Predictions of each class (column sums).
        public var predicted: [Int] { labels.indices.map { j in counts.reduce(0) { $0 + $1[j] } } }
    }

    /// `confusion_matrix(y_true, y_pred)`: counts of (true, predicted) pairs over the sorted
    /// labels present in either, as an int64 matrix.
    public static func confusionMatrix(_ yTrue: Tensor, _ yPred: Tensor) throws -> (matrix: Tensor, labels: [Double]) {
        let (a, b) = try pair("confusion_matrix", yTrue, yPred)
        let c = Confusion(a, b)
        let k = c.labels.count
        return (try Tensor(shape: [k, k], elements: c.counts.flatMap { $0.map { Int64($0) } }), c.labels)
    }

    /// Per-class precision, recall, F1 and support, the way `precision_recall_fscore_support`
    /// computes them; a ratio with nothing to divide by is 0 (scikit-learn's zero_division).
    public struct ClassScores {
        public let labels: [Double]
        public let precision: [Double]
        public let recall: [Double]
        public let f1: [Double]
        public let support: [Int]
        let confusion: Confusion

        public init(_ yTrue: [Double], _ yPred: [Double]) {
            let c = Confusion(yTrue, yPred)
            confusion = c
            labels = c.labels
            let (tp, truth, predicted) = (c.truePositives, c.support, c.predicted)
            precision = labels.indices.map { predicted[$0] == 0 ? 0 : Double(tp[$0]) / Double(predicted[$0]) }
            recall = labels.indices.map { truth[$0] == 0 ? 0 : Double(tp[$0]) / Double(truth[$0]) }
            f1 = labels.indices.map { i in
                let denominator = truth[i] + predicted[i]
                return denominator == 0 ? 0 : 2 * Double(tp[i]) / Double(denominator)
            }
            support = truth
        }

        /// Micro averages pool the counts: precision = recall = F1 = accuracy for single labels.
        var micro: Double {
            let total = support.reduce(0, +)
            return total == 0 ? 0 : Double(confusion.truePositives.reduce(0, +)) / Double(total)
        }

        public func average(_ values: [Double], _ how: Averaging) -> Double {
            switch how {
            case .macro, .binary: return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
            case .micro: return micro
            case .weighted:
                let total = support.reduce(0, +)
                return total == 0 ? 0 : zip(values, support).reduce(0) { $0 + $1.0 * Double($1.1) } / Double(total)
            }
        }
    }

    /// Which score `precisionRecallF1` returns.
    public enum ClassScore: String, Sendable { case precision, recall, f1 }

    /// `precision_score`, `recall_score`, `f1_score`: averaged as `average` says, or per
    /// class (sorted labels) when it is nil. `binary` scores only `posLabel`, and needs at
    /// most two labels, as scikit-learn requires.
    public static func score(_ which: ClassScore, _ yTrue: Tensor, _ yPred: Tensor, average: Averaging?, posLabel: Double = 1) throws -> [Double] {
        let name = "\(which.rawValue)_score"
        let (a, b) = try pair(name, yTrue, yPred)
        let s = ClassScores(a, b)
        let values = which == .precision ? s.precision : which == .recall ? s.recall : s.f1
        guard let average else { return values }
        if average == .binary {
            guard s.labels.count <= 2 else {
                throw ModelError.badData(model: name, message: "the labels have \(s.labels.count) classes but average=\"binary\" needs two; choose average=\"macro\", \"micro\", \"weighted\" or nil")
            }
            guard let i = s.labels.firstIndex(of: posLabel) else {
                if s.labels.count < 2 { return [0] }
                throw ModelError.badData(model: name, message: "pos_label=\(HyperValue.number(posLabel)) is not a valid label: it should be one of \(s.labels.map(HyperValue.number))")
            }
            return [values[i]]
        }
        return [s.average(values, average)]
    }
}
