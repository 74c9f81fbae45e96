import TensorKit

/// The steps of an SMO iteration: the two-variable update, shrinking, rebuilding the
/// gradient of shrunk variables and the bias.
extension SMOSolver {
    /// Solves the sub-problem in (α_i, α_j) analytically, clipped to the box, and updates the
    /// gradient of the active variables and G_bar.
    func update(_ s: inout State, _ i: Int, _ j: Int) throws {
        let qi = try q.row(i)
        let qj = try q.row(j)
        let oldI = s.alpha[i], oldJ = s.alpha[j]
        var ai = oldI, aj = oldJ
        if y[i] != y[j] {
            var quad = q.diagonal[i] + q.diagonal[j] + 2 * Double(qi[j])
            if quad <= 0 { quad = SMOSolver.tau }
            let delta = (-s.gradient[i] - s.gradient[j]) / quad
            let diff = ai - aj
            ai += delta; aj += delta
            if diff > 0 { if aj < 0 { aj = 0; ai = diff } } else if ai < 0 { ai = 0; aj = -diff }
            if diff > 0 { if ai > c { ai = c; aj = c - diff } } else if aj > c { aj = c; ai = c + diff }
        } else {
            var quad = q.diagonal[i] + q.diagonal[j] - 2 * Double(qi[j])
            if quad <= 0 { quad = SMOSolver.tau }
            let delta = (s.gradient[i] - s.gradient[j]) / quad
            let sum = ai + aj
            ai -= delta; aj += delta
            if sum > c { if ai > c { ai = c; aj = sum - c } } else if aj < 0 { aj = 0; ai = sum }
            if sum > c { if aj > c { aj = c; ai = sum - c } } else if ai < 0 { ai = 0; aj = sum }
        }
        s.alpha[i] = ai; s.alpha[j] = aj
        let dI = ai - oldI, dJ = aj - oldJ
        for p in 0..<s.activeSize {
            let k = s.order[p]
            s.gradient[k] += Double(qi[k]) * dI + Double(qj[k]) * dJ
        }
        try updateBound(&s, i)
        try updateBound(&s, j)
    }

    /// Records α_k's new bound; a variable reaching or leaving C adds or removes C·Q_k in G_bar.
    private func updateBound(_ s: inout State, _ k: Int) throws {
        let wasUpper = s.status[k] == .upper
        s.status[k] = s.alpha[k] >= c ? .upper : (s.alpha[k] <= 0 ? .lower : .free)
        let isUpper = s.status[k] == .upper
        guard wasUpper != isUpper else { return }
        let qk = try q.row(k)
        let sign = isUpper ? c : -c
        for t in 0..<l { s.gBar[t] += sign * Double(qk[t]) }
    }

    /// Whether variable k, at a bound, can no longer enter the working set given the current
    /// maximal violations (libsvm's `be_shrunk`).
    private func canShrink(_ s: State, _ k: Int, _ gMax1: Double, _ gMax2: Double) -> Bool {
        switch s.status[k] {
        case .upper: y[k] > 0 ? -s.gradient[k] > gMax1 : -s.gradient[k] > gMax2
        case .lower: y[k] > 0 ? s.gradient[k] > gMax2 : s.gradient[k] > gMax1
        case .free: false
        }
    }

    /// Moves variables that cannot enter the working set behind the active ones. Once the
    /// violation is within 10·eps, everything is unshrunk once so that the end is exact.
    func shrink(_ s: inout State) throws {
        var gMax1 = -Double.infinity, gMax2 = -Double.infinity
        for p in 0..<s.activeSize {
            let k = s.order[p]
            let g = s.gradient[k]
            if y[k] > 0 {
                if s.status[k] != .upper { gMax1 = Swift.max(gMax1, -g) }
                if s.status[k] != .lower { gMax2 = Swift.max(gMax2, g) }
            } else {
                if s.status[k] != .upper { gMax2 = Swift.max(gMax2, -g) }
                if s.status[k] != .lower { gMax1 = Swift.max(gMax1, g) }
            }
        }
        if !s.unshrunk, gMax1 + gMax2 <= eps * 10 {
            s.unshrunk = true
            try reconstructGradient(&s)
            s.activeSize = l
        }
        var p = 0
        while p < s.activeSize {
            if canShrink(s, s.order[p], gMax1, gMax2) {
                s.activeSize -= 1
                while s.activeSize > p {
                    if !canShrink(s, s.order[s.activeSize], gMax1, gMax2) {
                        s.order.swapAt(p, s.activeSize)
                        break
                    }
                    s.activeSize -= 1
                }
            }
            p += 1
        }
    }

    /// Rebuilds the exact gradient of the shrunk variables from G_bar and the free variables.
    func reconstructGradient(_ s: inout State) throws {
        guard s.activeSize < l else { return }
        let active = Array(s.order[0..<s.activeSize])
        let inactive = Array(s.order[s.activeSize..<l])
        for k in inactive { s.gradient[k] = s.gBar[k] - 1 }
        let free = active.filter { s.status[$0] == .free }
        // Reads whichever rows are fewer to compute: one per inactive variable or one per
        // free one (libsvm's choice, which its cache of partial rows makes worthwhile).
        if free.count * l > 2 * active.count * inactive.count {
            for k in inactive {
                let row = try q.row(k)
                var g = s.gradient[k]
                for f in free { g += s.alpha[f] * Double(row[f]) }
                s.gradient[k] = g
            }
        } else {
            for f in free {
                let row = try q.row(f)
                let a = s.alpha[f]
                for k in inactive { s.gradient[k] += a * Double(row[k]) }
            }
        }
    }

    /// The bias ρ: the mean of y_i G_i over free variables, else the middle of the feasible
    /// interval given by the bounded ones.
    func calculateRho(_ s: State) -> Double {
        var upper = Double.infinity, lower = -Double.infinity
        var freeCount = 0, freeSum = 0.0
        for p in 0..<s.activeSize {
            let k = s.order[p]
            let yg = y[k] * s.gradient[k]
            switch s.status[k] {
            case .upper: if y[k] < 0 { upper = Swift.min(upper, yg) } else { lower = Swift.max(lower, yg) }
            case .lower: if y[k] > 0 { upper = Swift.min(upper, yg) } else { lower = Swift.max(lower, yg) }
            case .free: freeCount += 1; freeSum += yg
            }
        }
        return freeCount > 0 ? freeSum / Double(freeCount) : (upper + lower) / 2
    }
}
