import TensorKit

/// A fitted SVC in libsvm's layout, and the decision values computed from it.
struct SVCState {
    let classes: Tensor
    let support: [Int]
    let supportVectors: DenseRows
    let supportCount: [Int]
    /// libsvm's sv_coef: (classes − 1) × support vectors.
    let coefficients: [[Double]]
    let rho: [Double]
    let kernel: Kernel
    let iterations: [Int]
    /// Platt's sigmoid per pair (scikit-learn's probA_, probB_), empty without probability=true.
    var probA: [Double] = []
    var probB: [Double] = []
    /// The pairwise coefficients as one (support vectors × pairs) matrix: column p holds
    /// pair p's coefficients on its two classes' support vectors and zeros elsewhere, so that
    /// all pairwise decision values are one product K · W.
    let pairWeights: DenseRows

    var classCount: Int { supportCount.count }
    var features: Int { supportVectors.cols }
    var norms: [Double] { kernel.needsNorms ? supportVectors.squaredNorms() : [] }

    init(model: OneVsOneTrainer.Model, x: DenseRows, classes: Tensor, kernel: Kernel) throws {
        try self.init(classes: classes, support: model.support, supportVectors: x.gathering(model.support),
                      supportCount: model.supportCount, coefficients: model.coefficients, rho: model.rho,
                      kernel: kernel, iterations: model.iterations)
        (probA, probB) = (model.probA, model.probB)
    }

    init(classes: Tensor, support: [Int], supportVectors: DenseRows, supportCount: [Int],
         coefficients: [[Double]], rho: [Double], kernel: Kernel, iterations: [Int]) throws {
        self.classes = classes
        self.support = support
        self.supportVectors = supportVectors
        self.supportCount = supportCount
        self.coefficients = coefficients
        self.rho = rho
        self.kernel = kernel
        self.iterations = iterations
        pairWeights = try SVCState.pairWeights(supportCount: supportCount, coefficients: coefficients)
    }

    private static func pairWeights(supportCount: [Int], coefficients: [[Double]]) throws -> DenseRows {
        let k = supportCount.count
        var start = [0]
        for n in supportCount { start.append(start[start.count - 1] + n) }
        let w = try DenseRows(rows: start[k], cols: k * (k - 1) / 2)
        var p = 0
        for a in 0..<k {
            for b in (a + 1)..<k {
                for s in start[a]..<start[a + 1] { w.row(s)[p] = coefficients[b - 1][s] }
                for s in start[b]..<start[b + 1] { w.row(s)[p] = coefficients[a][s] }
                p += 1
            }
        }
        return w
    }

    /// libsvm's decision values, one column per pair (positive: the pair's first class),
    /// computed in blocks of rows so that the kernel matrix stays within about 32 MB.
    func pairwiseDecisions(_ x: DenseRows) throws -> DenseRows {
        let out = try DenseRows(rows: x.rows, cols: rho.count)
        let svNorms = norms
        let block = Swift.max(1, (1 << 22) / Swift.max(1, supportVectors.rows))
        var start = 0
        while start < x.rows {
            let range = start..<Swift.min(x.rows, start + block)
            let rows = DenseRows(contiguous: x.block(range))
            let k = try kernel.matrix(rows, supportVectors, aNorms: kernel.needsNorms ? rows.squaredNorms() : [], bNorms: svNorms)
            let dec = try Tensor.matmul(k.tensor, pairWeights.tensor).contiguous()
            let d = dec.storage.pointer(Double.self) + dec.offset
            for r in 0..<range.count {
                for p in 0..<rho.count { out.row(range.lowerBound + r)[p] = d[r * rho.count + p] - rho[p] }
            }
            start = range.upperBound
            try Cancellation.check()
        }
        return out
    }

    /// The class of each row by pairwise votes; ties go to the lowest class, as libsvm.
    func votes(_ dec: DenseRows) -> [Int] {
        let pairs = pairList
        return (0..<dec.rows).map { r in
            var votes = [Int](repeating: 0, count: classCount)
            for (p, (a, b)) in pairs.enumerated() { votes[dec.row(r)[p] > 0 ? a : b] += 1 }
            var best = 0
            for k in 1..<classCount where votes[k] > votes[best] { best = k }
            return best
        }
    }

    var pairList: [(Int, Int)] {
        var out: [(Int, Int)] = []
        for a in 0..<classCount { for b in (a + 1)..<classCount { out.append((a, b)) } }
        return out
    }

    /// scikit-learn's `_ovr_decision_function`: votes per class plus the summed pairwise
    /// confidences squashed into (−1/3, 1/3), so that they only break ties between votes.
    func oneVsRestScores(_ dec: DenseRows) throws -> DenseRows {
        let out = try DenseRows(rows: dec.rows, cols: classCount)
        let pairs = pairList
        for r in 0..<dec.rows {
            var confidence = [Double](repeating: 0, count: classCount)
            let o = out.row(r)
            for (p, (a, b)) in pairs.enumerated() {
                let d = dec.row(r)[p]
                confidence[a] += d
                confidence[b] -= d
                o[d < 0 ? b : a] += 1
            }
            for k in 0..<classCount { o[k] += confidence[k] / (3 * (abs(confidence[k]) + 1)) }
        }
        return out
    }
}
