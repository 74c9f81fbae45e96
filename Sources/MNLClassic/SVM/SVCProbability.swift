import TensorKit

/// SVC(probability=true)'s training side, as libsvm's `svm_binary_svc_probability`: for each
/// pair of classes, decision values from a 5-fold cross-validation of that pair's problem
/// (rows shuffled by a permutation drawn from the model's generator), each fold an SVC with
/// the same kernel and C trained on the other four, then Platt's sigmoid fitted to those
/// held-out values (`PlattScaling.sigmoidTrain`). Held-out values rather than the final
/// model's, since those on its own training rows are biased towards the margin.
///
/// libsvm draws the permutation with C's `rand()` seeded by scikit-learn's random_state; this
/// one draws it from our generator, so the folds (and so A, B) differ from scikit-learn's
/// while following the same method.
extension OneVsOneTrainer {
    static let probabilityFolds = 5

    /// One permutation per pair, drawn in pair order before the pairs train in parallel (so a
    /// seed gives the same folds on any number of cores): libsvm's `perm[i] ↔ perm[i + rand() %
    /// (l − i)]` shuffle.
    func probabilityPermutations(_ members: [[Int]], using g: RandomGenerator) -> [[Int]] {
        pairs.map { a, b in
            let l = members[a].count + members[b].count
            var perm = Array(0..<l)
            for i in 0..<l { perm.swapAt(i, i + Int(g.nextInt(below: UInt64(l - i)))) }
            return perm
        }
    }

    /// Platt's (A, B) for the pair problem of `rows` (class a's then class b's) with signs `y`.
    func plattParameters(rows: DenseRows, y: [Double], permutation perm: [Int], cancelled: () -> Bool) throws -> (a: Double, b: Double) {
        let l = y.count
        var decisions = [Double](repeating: 0, count: l)
        for fold in 0..<Self.probabilityFolds {
            let (begin, end) = (fold * l / Self.probabilityFolds, (fold + 1) * l / Self.probabilityFolds)
            guard begin < end else { continue }
            let test = Array(perm[begin..<end]), train = Array(perm[..<begin] + perm[end...])
            let values = try heldOutDecisions(rows: rows, y: y, train: train, test: test, cancelled: cancelled)
            for (k, row) in test.enumerated() { decisions[row] = values[k] }
        }
        return PlattScaling.sigmoidTrain(decisions, positive: y.map { $0 > 0 })
    }

    /// The decision values of the `test` rows under an SVC trained on the `train` rows; as
    /// libsvm, a training part holding one class gives ±1 (and none gives 0).
    private func heldOutDecisions(rows: DenseRows, y: [Double], train: [Int], test: [Int], cancelled: () -> Bool) throws -> [Double] {
        let trainY = train.map { y[$0] }
        let positives = trainY.filter { $0 > 0 }.count
        if positives == 0 || positives == train.count {
            return [Double](repeating: train.isEmpty ? 0 : (positives > 0 ? 1 : -1), count: test.count)
        }
        let trainRows = try rows.gathering(train)
        let cache = try KernelRowCache(x: trainRows, signs: trainY, kernel: kernel, bytes: cacheBytes)
        let limit = maxIter > 0 ? maxIter : Swift.max(10_000_000, 100 * trainY.count)
        let solution = try SMOSolver(q: cache, y: trainY, c: c, eps: tol, maxIterations: limit, shrinking: shrinking).solve(cancelled: cancelled)
        let k = try kernel.matrix(try rows.gathering(test), trainRows)
        return (0..<test.count).map { r in
            var f = -solution.rho
            for j in 0..<train.count where solution.coefficients[j] != 0 { f += solution.coefficients[j] * k.row(r)[j] }
            return f
        }
    }
}

extension SVCState {
    /// libsvm's `svm_predict_probability` for every row of `x`: (rows, classes).
    func probabilities(_ x: DenseRows) throws -> Tensor {
        let dec = try pairwiseDecisions(x)
        var out: [Double] = []
        out.reserveCapacity(x.rows * classCount)
        for r in 0..<dec.rows {
            out += PlattScaling.classProbabilities(decisions: dec.row(r), classes: classCount, a: probA, b: probB)
        }
        return try Tensor(shape: [x.rows, classCount], values: out, dtype: .float64)
    }
}
