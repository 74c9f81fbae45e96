import Foundation
import TensorKit

extension Metrics {
    /// `log_loss(y_true, y_prob)`: the mean negative log-likelihood of the true labels.
    /// `y_prob` is (samples, classes) over the sorted labels of y_true, or for two classes a
    /// vector of the second class's probability. Rows are normalised and probabilities
    /// clipped to [eps, 1 - eps] as scikit-learn does, so a confident mistake is large, not
    /// infinite.
    public static func logLoss(_ yTrue: Tensor, _ yProb: Tensor) throws -> Double {
        let name = "log_loss"
        let truth = try vector(name, "y_true", yTrue)
        let labels = Array(Set(truth)).sorted()
        guard labels.count >= 2 || yProb.ndim == 1 else {
            throw ModelError.badData(model: name, message: "y_true has a single label; log_loss needs at least two")
        }
        let n = truth.count
        guard yProb.ndim == 1 || yProb.ndim == 2, yProb.shape[0] == n else {
            throw ModelError.badData(model: name, message: "y_prob must have one row per label (\(n)), got shape \(FeatureMatrix.shapeText(yProb.shape))")
        }
        var columns = yProb.ndim == 2 ? yProb.shape[1] : 1
        var p = yProb.toDoubles()
        if yProb.ndim == 1 || columns == 1 {
            p = p.flatMap { [1 - $0, $0] }
            columns = 2
        }
        guard columns >= labels.count else {
            throw ModelError.badData(model: name, message: "y_true has \(labels.count) labels but y_prob has \(columns) columns")
        }
        let eps = yProb.dtype == .float32 ? Double(Float.ulpOfOne) : Double.ulpOfOne
        var total = 0.0
        for i in 0..<n {
            let row = p[i * columns ..< (i + 1) * columns]
            let sum = row.reduce(0, +)
            let k = labels.firstIndex(of: truth[i]) ?? 0
            let q = Swift.min(Swift.max(p[i * columns + k] / sum, eps), 1 - eps)
            total -= log(q)
        }
        return total / Double(n)
    }

    /// `roc_auc_score(y_true, y_score)` for two classes: the probability that a random
    /// positive (the larger label) scores above a random negative, ties counting half (the
    /// area under the ROC curve, by ranks).
    public static func rocAucScore(_ yTrue: Tensor, _ yScore: Tensor) throws -> Double {
        let name = "roc_auc_score"
        let (truth, score) = try pair(name, yTrue, yScore)
        let labels = Array(Set(truth)).sorted()
        guard labels.count == 2 else {
            throw ModelError.badData(model: name, message: "needs exactly two classes in y_true (binary problems), got \(labels.count)")
        }
        let order = score.indices.sorted { score[$0] < score[$1] }
        var rankSum = 0.0, i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && score[order[j + 1]] == score[order[i]] { j += 1 }
            let rank = Double(i + j) / 2 + 1
            for k in i...j where truth[order[k]] == labels[1] { rankSum += rank }
            i = j + 1
        }
        let positives = Double(truth.filter { $0 == labels[1] }.count), negatives = Double(truth.count) - positives
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
    }
}
