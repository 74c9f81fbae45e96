import Foundation
import TensorKit

/// Brute-force k nearest neighbours in Euclidean distance: ‖x − y‖² = ‖x‖² − 2x·y + ‖y‖²
/// with the cross term from one BLAS product per block of query rows (about 32 MB of
/// distances at a time), then a top-k selection per row on all cores. Ties in distance go to
/// the lower training index.
struct NearestNeighbors {
    let train: DenseRows
    let trainNorms: [Double]

    init(_ train: DenseRows) throws {
        self.train = train
        trainNorms = try train.tensor.rowSquaredNorms()  // vectorised: half of a fit's time before
    }

    /// For each query row, the k nearest training rows, nearest first: (distances, indices),
    /// each row-major (queries × k).
    func query(_ x: DenseRows, k: Int) throws -> (distances: [Double], indices: [Int]) {
        let n = x.rows
        var distances = [Double](repeating: 0, count: n * k)
        var indices = [Int](repeating: 0, count: n * k)
        let block = Swift.max(1, (1 << 22) / Swift.max(1, train.rows))
        var start = 0
        while start < n {
            let range = start..<Swift.min(n, start + block)
            let rows = DenseRows(contiguous: x.block(range))
            let dots = DenseRows(contiguous: try Tensor.matmul(rows.tensor, train.tensor.T).contiguous())
            let queryNorms = try rows.tensor.rowSquaredNorms()
            distances.withUnsafeMutableBufferPointer { dp in
                indices.withUnsafeMutableBufferPointer { ip in
                    let out = SelectionOutput(distances: dp.baseAddress, indices: ip.baseAddress)
                    DispatchQueue.concurrentPerform(iterations: range.count) { r in
                        select(row: dots.row(r), queryNorm: queryNorms[r], k: k,
                               into: out, at: (range.lowerBound + r) * k)
                    }
                }
            }
            start = range.upperBound
            try Cancellation.check()
        }
        return (distances, indices)
    }

    /// The k smallest squared distances of one row by insertion into a sorted list of k
    /// (k is small), written out as distances.
    private func select(row dots: UnsafeMutablePointer<Double>, queryNorm: Double, k: Int,
                        into out: SelectionOutput, at offset: Int) {
        var bestD = [Double](repeating: .infinity, count: k)
        var bestI = [Int](repeating: -1, count: k)
        for j in 0..<train.rows {
            let d = Swift.max(0, queryNorm - 2 * dots[j] + trainNorms[j])
            guard d < bestD[k - 1] else { continue }
            var p = k - 1
            while p > 0 && bestD[p - 1] > d {
                bestD[p] = bestD[p - 1]; bestI[p] = bestI[p - 1]
                p -= 1
            }
            bestD[p] = d; bestI[p] = j
        }
        for p in 0..<k {
            out.distances?[offset + p] = bestD[p].squareRoot()
            out.indices?[offset + p] = bestI[p]
        }
    }
}

/// Where the workers write their rows' neighbours (disjoint ranges).
private struct SelectionOutput: @unchecked Sendable {
    let distances: UnsafeMutablePointer<Double>?
    let indices: UnsafeMutablePointer<Int>?
}
