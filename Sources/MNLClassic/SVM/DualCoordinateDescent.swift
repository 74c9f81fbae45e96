import TensorKit

/// liblinear's dual coordinate descent for the L2-regularised linear SVM (learned from
/// `solve_l2r_l1l2_svc` in liblinear's linear.cpp, Hsieh et al. 2008):
///
///     min ½ αᵀ(Q + D)α − eᵀα,   0 ≤ α_i ≤ U,   Q_ij = y_i y_j x_i·x_j
///
/// with U = C, D = 0 for the hinge loss and U = ∞, D_ii = 1/(2C) for the squared hinge. Each
/// epoch visits the active coordinates in a random order, keeping w = Σ α_i y_i x_i so that a
/// coordinate's gradient is one dot product; coordinates stuck at a bound are shrunk away and
/// restored once before the final check.
struct DualCoordinateDescent {
    let x: DenseRows
    /// ±1 per row.
    let y: [Double]
    let c: Double
    let squaredHinge: Bool
    let eps: Double
    let maxIterations: Int

    struct Solution {
        var w: [Double]
        var iterations: Int
    }

    func solve(random: RandomGenerator, cancelled: () -> Bool) throws -> Solution {
        let l = x.rows, d = x.cols
        let diag = squaredHinge ? 0.5 / c : 0
        let upper = squaredHinge ? Double.infinity : c
        let qd = x.squaredNorms().map { $0 + diag }
        var alpha = [Double](repeating: 0, count: l)
        let w = UnsafeMutablePointer<Double>.allocate(capacity: d)
        w.initialize(repeating: 0, count: d)
        defer { w.deallocate() }
        var index = Array(0..<l)
        var active = l
        var pgMaxOld = Double.infinity, pgMinOld = -Double.infinity
        var iteration = 0
        while iteration < maxIterations {
            if cancelled() { throw TensorError.interrupted }
            var pgMax = -Double.infinity, pgMin = Double.infinity
            for i in 0..<active {
                index.swapAt(i, i + Int(random.nextInt(below: UInt64(active - i))))
            }
            var s = 0
            while s < active {
                let i = index[s]
                let xi = x.row(i)
                let g = y[i] * dot(w, xi, d) - 1 + alpha[i] * diag
                var pg = 0.0
                if alpha[i] == 0 {
                    if g > pgMaxOld { active -= 1; index.swapAt(s, active); continue }
                    if g < 0 { pg = g }
                } else if alpha[i] == upper {
                    if g < pgMinOld { active -= 1; index.swapAt(s, active); continue }
                    if g > 0 { pg = g }
                } else {
                    pg = g
                }
                pgMax = Swift.max(pgMax, pg)
                pgMin = Swift.min(pgMin, pg)
                if abs(pg) > 1e-12 {
                    let old = alpha[i]
                    alpha[i] = Swift.min(Swift.max(old - g / qd[i], 0), upper)
                    let step = (alpha[i] - old) * y[i]
                    for k in 0..<d { w[k] += step * xi[k] }
                }
                s += 1
            }
            iteration += 1
            if pgMax - pgMin <= eps {
                if active == l { break }
                active = l
                pgMaxOld = .infinity; pgMinOld = -.infinity
                continue
            }
            pgMaxOld = pgMax <= 0 ? .infinity : pgMax
            pgMinOld = pgMin >= 0 ? -.infinity : pgMin
        }
        return Solution(w: Array(UnsafeBufferPointer(start: w, count: d)), iterations: iteration)
    }
}

/// x·y over n elements with four partial sums (so the loop vectorises without reassociation
/// by the compiler).
@inline(__always)
func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
    var k = 0
    while k + 4 <= n {
        s0 += a[k] * b[k]; s1 += a[k + 1] * b[k + 1]; s2 += a[k + 2] * b[k + 2]; s3 += a[k + 3] * b[k + 3]
        k += 4
    }
    while k < n { s0 += a[k] * b[k]; k += 1 }
    return (s0 + s1) + (s2 + s3)
}
