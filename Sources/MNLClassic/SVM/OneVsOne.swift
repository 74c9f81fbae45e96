import Foundation
import Synchronization
import TensorKit

/// libsvm's multi-class scheme: one binary C-SVC per pair of classes (a < b, class a as +1),
/// support vectors gathered per class, and pairwise coefficients laid out as libsvm's
/// `sv_coef` ((classes − 1) × support vectors). The pairs run on all cores.
struct OneVsOneTrainer {
    let x: DenseRows
    let labels: ClassLabels
    let kernel: Kernel
    let c: Double
    let tol: Double
    let maxIter: Int
    let shrinking: Bool
    let cacheBytes: Int
    /// For probability=true: the generator of the Platt cross-validation's folds; nil otherwise.
    var plattGenerator: RandomGenerator? = nil

    /// The fitted pairwise model in libsvm's layout.
    struct Model {
        /// Training rows that are support vectors, grouped by class, ascending within a class.
        var support: [Int]
        var supportCount: [Int]
        /// libsvm's sv_coef, (classes − 1) rows of `support.count`.
        var coefficients: [[Double]]
        /// ρ per pair, in pair order (0,1), (0,2), …, (1,2), …
        var rho: [Double]
        var iterations: [Int]
        /// Platt's sigmoid per pair (libsvm's probA, probB); empty without probability=true.
        var probA: [Double] = []
        var probB: [Double] = []
    }

    var classCount: Int { labels.count }

    /// Pairs (a, b) with a < b in libsvm's order.
    var pairs: [(Int, Int)] {
        var out: [(Int, Int)] = []
        for a in 0..<classCount { for b in (a + 1)..<classCount { out.append((a, b)) } }
        return out
    }

    func train(monitor: FitMonitor) throws -> Model {
        let members = (0..<classCount).map { k in labels.indices.indices.filter { labels.indices[$0] == k } }
        let pairs = self.pairs
        let plattPermutations = plattGenerator.map { probabilityPermutations(members, using: $0) }
        monitor.total(pairs.count, "class pairs")
        let results = Mutex<[Int: (SMOSolver.Solution, platt: (a: Double, b: Double)?)]>([:])
        let failure = Mutex<Error?>(nil)
        let flag = Cancellation.current
        let workers = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, pairs.count))
        var done = 0
        // Pairs in batches of one per core, so that the progress bar and Ctrl-C are served
        // from this thread between batches (workers only read the cancellation flag).
        while done < pairs.count {
            let batch = done..<Swift.min(pairs.count, done + workers)
            DispatchQueue.concurrentPerform(iterations: batch.count) { w in
                let p = batch.lowerBound + w
                do {
                    let solution = try solvePair(members[pairs[p].0], members[pairs[p].1], permutation: plattPermutations?[p]) {
                        flag?.isCancelled ?? false
                    }
                    results.withLock { $0[p] = solution }
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                }
            }
            if let error = failure.withLock({ $0 }) { throw error }
            done = batch.upperBound
            try monitor.step(done, nil)
        }
        let solved = results.withLock { $0 }
        let ordered = (0..<pairs.count).compactMap { solved[$0] }
        var model = assemble(members: members, solutions: ordered.map(\.0))
        if plattGenerator != nil {
            model.probA = ordered.map { $0.platt?.a ?? 0 }
            model.probB = ordered.map { $0.platt?.b ?? 0 }
        }
        return model
    }

    /// The binary problem of class a's rows (+1) then class b's (−1), and with a
    /// `permutation` its Platt sigmoid (SVCProbability.swift).
    private func solvePair(_ a: [Int], _ b: [Int], permutation: [Int]?,
                           cancelled: () -> Bool) throws -> (SMOSolver.Solution, platt: (a: Double, b: Double)?) {
        let rows = try x.gathering(a + b)
        let y = [Double](repeating: 1, count: a.count) + [Double](repeating: -1, count: b.count)
        let platt = try permutation.map { try plattParameters(rows: rows, y: y, permutation: $0, cancelled: cancelled) }
        let cache = try KernelRowCache(x: rows, signs: y, kernel: kernel, bytes: cacheBytes)
        let limit = maxIter > 0 ? maxIter : Swift.max(10_000_000, 100 * y.count)
        let solver = SMOSolver(q: cache, y: y, c: c, eps: tol, maxIterations: limit, shrinking: shrinking)
        return (try solver.solve(cancelled: cancelled), platt)
    }

    /// Gathers support vectors (rows with a non-zero coefficient in any pair) and lays out
    /// the coefficients as libsvm's sv_coef.
    private func assemble(members: [[Int]], solutions: [SMOSolver.Solution]) -> Model {
        let n = x.rows
        var nonzero = [Bool](repeating: false, count: n)
        for (p, (a, b)) in pairs.enumerated() {
            for (k, row) in (members[a] + members[b]).enumerated() where solutions[p].coefficients[k] != 0 {
                nonzero[row] = true
            }
        }
        var support: [Int] = []
        var supportCount: [Int] = []
        var position = [Int](repeating: -1, count: n)
        for rows in members {
            let svs = rows.filter { nonzero[$0] }
            for r in svs { position[r] = support.count; support.append(r) }
            supportCount.append(svs.count)
        }
        var coefficients = [[Double]](repeating: [Double](repeating: 0, count: support.count), count: Swift.max(0, classCount - 1))
        for (p, (a, b)) in pairs.enumerated() {
            let coef = solutions[p].coefficients
            for (k, row) in members[a].enumerated() where nonzero[row] { coefficients[b - 1][position[row]] = coef[k] }
            for (k, row) in members[b].enumerated() where nonzero[row] {
                coefficients[a][position[row]] = coef[members[a].count + k]
            }
        }
        return Model(support: support, supportCount: supportCount, coefficients: coefficients,
                     rho: solutions.map(\.rho), iterations: solutions.map(\.iterations))
    }
}
