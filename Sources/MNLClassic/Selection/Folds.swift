import TensorKit

/// scikit-learn's splitters without shuffling: `KFold` (consecutive blocks, the first
/// n mod k one row longer) and `StratifiedKFold` (each class dealt over the folds in turn,
/// so every fold keeps the classes' shares), computed exactly as scikit-learn does so that
/// cross-validation scores can be compared fold for fold.
public enum Folds {
    public typealias Split = (train: [Int], test: [Int])

    public static func kFold(rows: Int, splits: Int) throws -> [Split] {
        try check(rows: rows, splits: splits)
        var out: [Split] = [], start = 0
        for k in 0..<splits {
            let size = rows / splits + (k < rows % splits ? 1 : 0)
            let test = Array(start ..< start + size)
            out.append((Array(0..<start) + Array(start + size ..< rows), test))
            start += size
        }
        return out
    }

    /// `labels` are the rows' class values. As scikit-learn: classes are numbered by first
    /// appearance, the rows sorted by that number are dealt to folds 0, 1, ..., k-1, 0, ...
    /// to decide how many of each class each fold gets, and each class's rows then fill the
    /// folds in order.
    public static func stratifiedKFold(labels: [Double], splits: Int) throws -> [Split] {
        try check(rows: labels.count, splits: splits)
        var number = [Double: Int](), order: [Int] = []
        for l in labels where number[l] == nil { number[l] = number.count }
        for l in labels { order.append(number[l] ?? 0) }
        let classes = number.count
        let counts = (0..<classes).map { c in order.filter { $0 == c }.count }
        if let largest = counts.max(), splits > largest {
            throw ModelError.badData(model: "cross-validation", message: "cv=\(splits) is more than the \(largest) samples of the largest class")
        }
        let sorted = order.sorted()
        var allocation = [[Int]](repeating: [Int](repeating: 0, count: classes), count: splits)
        for (i, c) in sorted.enumerated() { allocation[i % splits][c] += 1 }
        var testFold = [Int](repeating: 0, count: labels.count)
        for c in 0..<classes {
            let folds = (0..<splits).flatMap { [Int](repeating: $0, count: allocation[$0][c]) }
            var next = 0
            for i in labels.indices where order[i] == c { testFold[i] = folds[next]; next += 1 }
        }
        return (0..<splits).map { k in
            (labels.indices.filter { testFold[$0] != k }, labels.indices.filter { testFold[$0] == k })
        }
    }

    static func check(rows: Int, splits: Int) throws {
        guard splits >= 2 else { throw ModelError.badData(model: "cross-validation", message: "cv must be at least 2, got \(splits)") }
        guard splits <= rows else {
            throw ModelError.badData(model: "cross-validation", message: "cv=\(splits) folds need at least \(splits) samples, got \(rows)")
        }
    }
}
