import TensorKit

extension Metrics {
    /// The fraction of predictions equal to the true labels.
    public static func accuracyScore(_ yTrue: Tensor, _ yPred: Tensor) throws -> Double {
        let (a, b) = try pair("accuracy_score", yTrue, yPred)
        return Double(zip(a, b).filter { $0.0 == $0.1 }.count) / Double(a.count)
    }
}
