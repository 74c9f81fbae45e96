import Foundation
import TensorKit

/// A kernel k(x, y) as scikit-learn's pairwise kernels and libsvm define them. Matrices of
/// kernel values come from one BLAS product of the two row sets, transformed in place.
public enum Kernel: Equatable, Sendable {
    case linear
    /// (gamma x·y + coef0)^degree
    case polynomial(degree: Int, gamma: Double, coef0: Double)
    /// exp(-gamma ‖x − y‖²), with ‖x − y‖² = ‖x‖² − 2x·y + ‖y‖² clamped at 0.
    case rbf(gamma: Double)
    /// tanh(gamma x·y + coef0)
    case sigmoid(gamma: Double, coef0: Double)

    /// Whether the kernel needs the rows' squared norms.
    var needsNorms: Bool { if case .rbf = self { true } else { false } }

    /// k from the dot product x·y and the squared norms of x and y.
    @inline(__always)
    func value(dot: Double, _ xx: Double, _ yy: Double) -> Double {
        switch self {
        case .linear: dot
        case .polynomial(let degree, let gamma, let coef0): Foundation.pow(gamma * dot + coef0, Double(degree))
        case .rbf(let gamma): Foundation.exp(-gamma * Swift.max(0, xx + yy - 2 * dot))
        case .sigmoid(let gamma, let coef0): Foundation.tanh(gamma * dot + coef0)
        }
    }

    /// The kernel matrix K[i, j] = k(a_i, b_j) as float64 (a.rows × b.rows); the norms are
    /// those of `squaredNorms()` and only read by the rbf kernel.
    func matrix(_ a: DenseRows, _ b: DenseRows, aNorms: [Double], bNorms: [Double]) throws -> DenseRows {
        let product = try Tensor.matmul(a.tensor, b.tensor.T).contiguous()
        let k = DenseRows(contiguous: product)
        if self == .linear { return k }
        let width = k.cols
        let kernel = self
        let rowsPerChunk = Swift.max(1, (1 << 16) / Swift.max(1, width))
        let chunks = (k.rows + rowsPerChunk - 1) / rowsPerChunk
        aNorms.withUnsafeBufferPointer { an in
            bNorms.withUnsafeBufferPointer { bn in
                let an = SharedBuffer(an), bn = SharedBuffer(bn)
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    for i in (c * rowsPerChunk)..<Swift.min(k.rows, (c + 1) * rowsPerChunk) {
                        let r = k.row(i)
                        let xx = an.at(i)
                        for j in 0..<width { r[j] = kernel.value(dot: r[j], xx, bn.at(j)) }
                    }
                }
            }
        }
        try Cancellation.check()
        return k
    }

    /// `matrix` computing the norms itself.
    func matrix(_ a: DenseRows, _ b: DenseRows) throws -> DenseRows {
        let an = needsNorms ? a.squaredNorms() : []
        let bn = needsNorms ? b.squaredNorms() : []
        return try matrix(a, b, aNorms: an, bNorms: bn)
    }
}

/// A read-only buffer handed to `concurrentPerform` workers (empty buffers read as 0).
struct SharedBuffer: @unchecked Sendable {
    let base: UnsafePointer<Double>?
    let count: Int
    init(_ b: UnsafeBufferPointer<Double>) { base = b.baseAddress; count = b.count }
    @inline(__always) func at(_ i: Int) -> Double { i < count ? (base?[i] ?? 0) : 0 }
}
