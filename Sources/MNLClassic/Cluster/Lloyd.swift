import Foundation
import TensorKit

/// Lloyd's k-means iterations as scikit-learn's `_kmeans_single_lloyd`: assign every row to
/// its nearest centre (squared distances from one BLAS product), move each centre to its
/// rows' mean, stop when the labels no longer change or the centres moved less than tol
/// (in total squared shift); an emptied cluster takes the row farthest from its centre.
struct Lloyd {
    let x: DenseRows
    let maxIter: Int
    /// Already scaled by the data's mean feature variance, as scikit-learn scales it.
    let tol: Double
    /// ‖x_i‖², computed once: recomputing them each iteration took a quarter of a fit. Summed
    /// by TensorKit's pass, as `predict` and `score` sum them, so `score(x)` on the training
    /// data is exactly `-inertia_`.
    let norms: [Double]

    init(x: DenseRows, maxIter: Int, tol: Double) throws {
        (self.x, self.maxIter, self.tol) = (x, maxIter, tol)
        norms = try x.tensor.rowSquaredNorms()
    }

    static func meanVariance(_ x: DenseRows) -> Double {
        var total = 0.0
        for j in 0..<x.cols {
            var mean = 0.0
            for i in 0..<x.rows { mean += x.row(i)[j] }
            mean /= Double(x.rows)
            var v = 0.0
            for i in 0..<x.rows { v += (x.row(i)[j] - mean) * (x.row(i)[j] - mean) }
            total += v / Double(x.rows)
        }
        return total / Double(x.cols)
    }

    /// ‖x_i − c_j‖², (rows, centres), clamped at 0.
    static func squaredDistances(_ x: DenseRows, _ centers: DenseRows, xNorms: [Double]? = nil) throws -> DenseRows {
        try squaredDistances(x.tensor, xNorms: xNorms ?? x.tensor.rowSquaredNorms(), centers)
    }

    /// The same for new data, in its own float dtype (predict, transform, score).
    static func squaredDistances(_ x: InputMatrix, _ centers: DenseRows) throws -> DenseRows {
        try squaredDistances(x.tensor, xNorms: try x.squaredRowNorms(), centers)
    }

    private static func squaredDistances(_ x: Tensor, xNorms xn: [Double], _ centers: DenseRows) throws -> DenseRows {
        let d = DenseRows(contiguous: try Tensor.matmul(x, centers.tensor.T).contiguous())
        let cn = centers.squaredNorms()
        for i in 0..<d.rows {
            let r = d.row(i)
            for j in 0..<d.cols { r[j] = Swift.max(0, xn[i] - 2 * r[j] + cn[j]) }
        }
        return d
    }

    /// The nearest centre of each row (the first on ties) and the total squared distance.
    static func assign(_ x: DenseRows, _ centers: DenseRows, xNorms: [Double]? = nil) throws -> ([Int], Double) {
        nearest(in: try squaredDistances(x, centers, xNorms: xNorms))
    }

    /// The same for new data.
    static func assign(_ x: InputMatrix, _ centers: DenseRows) throws -> ([Int], Double) {
        nearest(in: try squaredDistances(x, centers))
    }

    private static func nearest(in d: DenseRows) -> ([Int], Double) {
        var inertia = 0.0
        let labels = (0..<d.rows).map { i -> Int in
            let r = d.row(i)
            var best = 0
            for j in 1..<d.cols where r[j] < r[best] { best = j }
            inertia += r[best]
            return best
        }
        return (labels, inertia)
    }

    func run(from start: DenseRows) throws -> KMeansState {
        var centers = try start.gathering(Array(0..<start.rows))
        var old = [Int](repeating: -1, count: x.rows)
        var labels = old
        var strict = false
        var iterations = 0
        for i in 0..<maxIter {
            iterations = i + 1
            labels = try Self.assign(x, centers, xNorms: norms).0
            let moved = try update(centers, labels: labels)
            let shift = (0..<centers.rows).reduce(0.0) { s, c in
                s + (0..<centers.cols).reduce(0.0) { $0 + (moved.row(c)[$1] - centers.row(c)[$1]) * (moved.row(c)[$1] - centers.row(c)[$1]) }
            }
            centers = moved
            if labels == old { strict = true; break }
            if shift <= tol { break }
            old = labels
            try Cancellation.check()
        }
        if !strict { labels = try Self.assign(x, centers, xNorms: norms).0 }
        let d = try Self.squaredDistances(x, centers, xNorms: norms)
        let inertia = (0..<x.rows).reduce(0.0) { $0 + d.row($1)[labels[$1]] }
        return KMeansState(centers: centers, labels: labels, inertia: inertia, iterations: iterations)
    }

    /// The mean of each cluster's rows; an empty cluster is moved to the farthest row.
    private func update(_ centers: DenseRows, labels: [Int]) throws -> DenseRows {
        let out = try DenseRows(rows: centers.rows, cols: centers.cols)
        var counts = [Int](repeating: 0, count: centers.rows)
        for i in 0..<x.rows {
            counts[labels[i]] += 1
            let o = out.row(labels[i]), r = x.row(i)
            for j in 0..<x.cols { o[j] += r[j] }
        }
        let empty = (0..<centers.rows).filter { counts[$0] == 0 }
        if !empty.isEmpty {
            let d = try Self.squaredDistances(x, centers, xNorms: norms)
            let far = (0..<x.rows).sorted { d.row($0)[labels[$0]] > d.row($1)[labels[$1]] }
            for (e, row) in zip(empty, far) {
                counts[labels[row]] -= 1
                let from = out.row(labels[row]), r = x.row(row)
                for j in 0..<x.cols { from[j] -= r[j] }
                out.row(e).update(from: r, count: x.cols)
                counts[e] = 1
            }
        }
        for c in 0..<centers.rows where counts[c] > 0 {
            for j in 0..<centers.cols { out.row(c)[j] /= Double(counts[c]) }
        }
        return out
    }

    /// Greedy k-means++ as scikit-learn's `_kmeans_plusplus`: each new centre is the best of
    /// 2 + ⌊ln k⌋ candidates drawn in proportion to the squared distance to the nearest
    /// centre so far.
    func kMeansPlusPlus(k: Int, random: RandomGenerator) throws -> DenseRows {
        let n = x.rows
        let trials = 2 + Int(log(Double(k)))
        var chosen = [Int(random.nextInt(below: UInt64(n)))]
        var closest = try Self.squaredDistances(x, try x.gathering(chosen), xNorms: norms).values
        var potential = closest.reduce(0, +)
        while chosen.count < k {
            var cumulative = [Double](repeating: 0, count: n)
            var sum = 0.0
            for i in 0..<n { sum += closest[i]; cumulative[i] = sum }
            let candidates = (0..<trials).map { _ -> Int in
                let target = random.nextDouble() * potential
                var lo = 0, hi = n
                while lo < hi { let mid = (lo + hi) / 2; if cumulative[mid] < target { lo = mid + 1 } else { hi = mid } }
                return Swift.min(lo, n - 1)
            }
            let d = try Self.squaredDistances(try x.gathering(candidates), x)
            var bestCandidate = 0, bestPotential = Double.infinity
            var bestRow = closest
            for c in 0..<candidates.count {
                let row = (0..<n).map { Swift.min(closest[$0], d.row(c)[$0]) }
                let p = row.reduce(0, +)
                if p < bestPotential { (bestCandidate, bestPotential, bestRow) = (c, p, row) }
            }
            chosen.append(candidates[bestCandidate])
            closest = bestRow
            potential = bestPotential
        }
        return try x.gathering(chosen)
    }

    /// k distinct rows drawn uniformly (init="random").
    static func sample(_ n: Int, _ k: Int, random: RandomGenerator) -> [Int] {
        var pool = Array(0..<n)
        for i in 0..<k { pool.swapAt(i, i + Int(random.nextInt(below: UInt64(n - i)))) }
        return Array(pool[0..<k])
    }
}
