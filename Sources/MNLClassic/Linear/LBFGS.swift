import TensorKit

/// Limited-memory BFGS for smooth unconstrained problems, as scipy's L-BFGS-B runs them for
/// scikit-learn (no bounds): the two-loop recursion over the last `memory` pairs, a line
/// search meeting the strong Wolfe conditions, and scipy's two stopping rules — the largest
/// gradient component at most `gtol`, or a relative reduction of the objective at most
/// `ftol` — so iteration counts and coefficients agree with scikit-learn's to its tolerance.
public struct LBFGS {
    public var memory = 10
    public var maxIterations: Int
    public var gtol: Double
    /// scikit-learn passes `64 * eps`.
    public var ftol = 64 * Double.ulpOfOne
    public var maxLineSearch = 50

    public init(maxIterations: Int, gtol: Double) {
        self.maxIterations = maxIterations
        self.gtol = gtol
    }

    public struct Result {
        public var x: [Double]
        public var value: Double
        public var iterations: Int
        public var converged: Bool
    }

    public typealias Objective = ([Double]) throws -> (value: Double, gradient: [Double])

    /// Minimises `f` from `start`; `step(iteration, value)` runs after each iteration (the
    /// fit's progress and Ctrl-C).
    public func minimize(_ start: [Double], _ f: Objective, step: (Int, Double) throws -> Void = { _, _ in }) throws -> Result {
        var x = start
        var (fx, g) = try f(x)
        var s: [[Double]] = [], y: [[Double]] = [], rho: [Double] = []
        var iteration = 0
        if Self.maxAbs(g) <= gtol { return Result(x: x, value: fx, iterations: 0, converged: true) }
        while iteration < maxIterations {
            var d = direction(g, s, y, rho)
            var slope = Self.dot(d, g)
            if slope >= 0 {  // not a descent direction (numerical trouble): restart from steepest descent
                (s, y, rho) = ([], [], [])
                d = g.map { -$0 }
                slope = Self.dot(d, g)
            }
            let initial = s.isEmpty ? Swift.min(1, 1 / Self.norm(d)) : 1
            guard let found = try lineSearch(f, x, fx, g, d, slope, initial) else { break }
            iteration += 1
            let (xNew, fNew, gNew) = found
            let sk = zip(xNew, x).map { $0 - $1 }, yk = zip(gNew, g).map { $0 - $1 }
            let sy = Self.dot(sk, yk)
            if sy > Double.ulpOfOne * Self.dot(yk, yk) {
                s.append(sk); y.append(yk); rho.append(1 / sy)
                if s.count > memory { s.removeFirst(); y.removeFirst(); rho.removeFirst() }
            }
            let reduction = (fx - fNew) / Swift.max(Swift.abs(fx), Swift.abs(fNew), 1)
            (x, fx, g) = (xNew, fNew, gNew)
            try step(iteration, fx)
            if Self.maxAbs(g) <= gtol || reduction <= ftol { return Result(x: x, value: fx, iterations: iteration, converged: true) }
        }
        return Result(x: x, value: fx, iterations: iteration, converged: Self.maxAbs(g) <= gtol)
    }

    /// The two-loop recursion: -H·g for the inverse Hessian the stored pairs describe,
    /// scaled by sᵀy / yᵀy of the newest pair.
    func direction(_ g: [Double], _ s: [[Double]], _ y: [[Double]], _ rho: [Double]) -> [Double] {
        var q = g
        var alpha = [Double](repeating: 0, count: s.count)
        for i in stride(from: s.count - 1, through: 0, by: -1) {
            alpha[i] = rho[i] * Self.dot(s[i], q)
            for j in q.indices { q[j] -= alpha[i] * y[i][j] }
        }
        if let last = s.indices.last {
            let gamma = Self.dot(s[last], y[last]) / Self.dot(y[last], y[last])
            for j in q.indices { q[j] *= gamma }
        }
        for i in s.indices {
            let beta = rho[i] * Self.dot(y[i], q)
            for j in q.indices { q[j] += (alpha[i] - beta) * s[i][j] }
        }
        return q.map { -$0 }
    }

    /// A step along `d` meeting the strong Wolfe conditions (c1 = 1e-3, c2 = 0.9 as
    /// L-BFGS-B's dcsrch), by bracketing and then zooming with safeguarded cubic steps.
    /// nil when no acceptable step is found within `maxLineSearch` evaluations.
    func lineSearch(_ f: Objective, _ x: [Double], _ f0: Double, _ g0: [Double], _ d: [Double], _ slope0: Double,
                    _ initial: Double) throws -> ([Double], Double, [Double])? {
        let (c1, c2) = (1e-3, 0.9)
        func at(_ t: Double) throws -> ([Double], Double, [Double], Double) {
            let xt = zip(x, d).map { $0 + t * $1 }
            let (ft, gt) = try f(xt)
            return (xt, ft, gt, Self.dot(gt, d))
        }
        var (lo, fLo, slopeLo) = (0.0, f0, slope0)
        var hi: (t: Double, f: Double, slope: Double)? = nil
        var t = initial
        for _ in 0..<maxLineSearch {
            try Cancellation.check()
            let (xt, ft, gt, st) = try at(t)
            if !ft.isFinite || ft > f0 + c1 * t * slope0 || ft >= fLo && lo > 0 {
                // Too far: the minimum lies between the best point so far and t.
                hi = (t, ft.isFinite ? ft : .infinity, st.isFinite ? st : .infinity)
            } else if Swift.abs(st) <= -c2 * slope0 {
                return (xt, ft, gt)
            } else {
                // t is the best point so far; keep the bracket on the side where f goes down.
                if let h = hi, st * (h.t - t) >= 0 { hi = (lo, fLo, slopeLo) } else if hi == nil, st >= 0 { hi = (lo, fLo, slopeLo) }
                (lo, fLo, slopeLo) = (t, ft, st)
            }
            if let h = hi {
                t = Self.interpolate(lo, fLo, slopeLo, h.t, h.f, h.slope)
            } else {
                t *= 2  // still going down steeply: extrapolate
            }
        }
        return nil
    }

    /// The minimiser of the cubic through two points with slopes, kept well inside the
    /// bracket (bisection when the cubic misbehaves).
    static func interpolate(_ a: Double, _ fa: Double, _ ga: Double, _ b: Double, _ fb: Double, _ gb: Double) -> Double {
        let (low, high) = (Swift.min(a, b), Swift.max(a, b))
        var t = (a + b) / 2
        if fb.isFinite && gb.isFinite {
            let d1 = ga + gb - 3 * (fa - fb) / (a - b)
            let disc = d1 * d1 - ga * gb
            if disc >= 0 {
                let d2 = (b > a ? 1.0 : -1.0) * disc.squareRoot()
                let c = b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2)
                if c.isFinite { t = c }
            }
        }
        let margin = 0.1 * (high - low)
        return Swift.min(Swift.max(t, low + margin), high - margin)
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s
    }
    static func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }
    static func maxAbs(_ a: [Double]) -> Double { a.reduce(0) { Swift.max($0, Swift.abs($1)) } }
}
