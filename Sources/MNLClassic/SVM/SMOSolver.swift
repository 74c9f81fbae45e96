import TensorKit

/// libsvm's SMO solver for the C-SVC dual (learned from `Solver` in libsvm's svm.cpp):
///
///     min ½ αᵀQα − eᵀα   subject to   yᵀα = 0,  0 ≤ α_i ≤ C
///
/// Each iteration picks the pair (i, j) by working-set selection with second-order
/// information (Fan, Chen and Lin 2005), solves the two-variable problem exactly and updates
/// the gradient G = Qα − e with rows i and j of Q. Shrinking sets aside, every 1000
/// iterations, the variables stuck at a bound; their gradients are rebuilt from
/// G_bar (C times the sum of Q's rows over variables at C) before the final check.
///
/// Variables keep their original index; `order` is libsvm's physical order (active variables
/// first), so the selection visits them in libsvm's order and breaks ties as libsvm does.
struct SMOSolver {
    let q: KernelRowCache
    let y: [Double]
    let c: Double
    let eps: Double
    let maxIterations: Int
    let shrinking: Bool

    struct Solution {
        /// α_i y_i: the dual coefficients.
        var coefficients: [Double]
        var rho: Double
        var iterations: Int
        /// True when the solver stopped at `maxIterations` before the stopping tolerance.
        var hitIterationLimit: Bool
    }

    /// τ: the curvature used when a pair's is not positive (non-PSD kernels such as sigmoid).
    static let tau = 1e-12

    enum Bound: UInt8 { case lower, upper, free }

    var l: Int { y.count }

    func solve(cancelled: () -> Bool) throws -> Solution {
        var state = State(l: l)
        var iterations = 0
        var counter = Swift.min(l, 1000) + 1
        var hitLimit = false
        while true {
            if iterations >= maxIterations {
                hitLimit = true
                if state.activeSize < l { try reconstructGradient(&state); state.activeSize = l }
                break
            }
            counter -= 1
            if counter == 0 {
                counter = Swift.min(l, 1000)
                if shrinking { try shrink(&state) }
                if cancelled() { throw TensorError.interrupted }
            }
            var pair = try selectWorkingSet(state)
            if pair == nil {
                try reconstructGradient(&state)
                state.activeSize = l
                pair = try selectWorkingSet(state)
                if pair == nil { break }
                counter = 1
            }
            guard let (i, j) = pair else { break }
            iterations += 1
            try update(&state, i, j)
        }
        let rho = calculateRho(state)
        let coefficients = (0..<l).map { state.alpha[$0] * y[$0] }
        return Solution(coefficients: coefficients, rho: rho, iterations: iterations, hitIterationLimit: hitLimit)
    }

    /// The solver's variables, indexed by original position.
    struct State {
        var alpha: [Double]
        var status: [Bound]
        var gradient: [Double]
        var gBar: [Double]
        var order: [Int]
        var activeSize: Int
        var unshrunk = false

        init(l: Int) {
            alpha = [Double](repeating: 0, count: l)
            status = [Bound](repeating: .lower, count: l)
            gradient = [Double](repeating: -1, count: l)
            gBar = [Double](repeating: 0, count: l)
            order = Array(0..<l)
            activeSize = l
        }
    }

    private func status(of a: Double) -> Bound { a >= c ? .upper : (a <= 0 ? .lower : .free) }

    /// The maximal violating pair chosen with second-order information, or nil when the
    /// violation is below eps (optimal within tolerance).
    func selectWorkingSet(_ s: State) throws -> (Int, Int)? {
        var gMax = -Double.infinity, gMax2 = -Double.infinity
        var iBest = -1
        for p in 0..<s.activeSize {
            let t = s.order[p]
            if y[t] > 0 {
                if s.status[t] != .upper, -s.gradient[t] >= gMax { gMax = -s.gradient[t]; iBest = t }
            } else if s.status[t] != .lower, s.gradient[t] >= gMax { gMax = s.gradient[t]; iBest = t }
        }
        guard iBest >= 0 else { return nil }
        let i = iBest
        let qi = try q.row(i)
        let qdI = q.diagonal[i]
        var jBest = -1
        var objMin = Double.infinity
        for p in 0..<s.activeSize {
            let t = s.order[p]
            let gradDiff: Double
            let quad: Double
            if y[t] > 0 {
                guard s.status[t] != .lower else { continue }
                gMax2 = Swift.max(gMax2, s.gradient[t])
                gradDiff = gMax + s.gradient[t]
                quad = qdI + q.diagonal[t] - 2 * y[i] * Double(qi[t])
            } else {
                guard s.status[t] != .upper else { continue }
                gMax2 = Swift.max(gMax2, -s.gradient[t])
                gradDiff = gMax - s.gradient[t]
                quad = qdI + q.diagonal[t] + 2 * y[i] * Double(qi[t])
            }
            if gradDiff > 0 {
                let obj = -(gradDiff * gradDiff) / (quad > 0 ? quad : SMOSolver.tau)
                if obj <= objMin { jBest = t; objMin = obj }
            }
        }
        if gMax + gMax2 < eps || jBest < 0 { return nil }
        return (i, jBest)
    }
}
