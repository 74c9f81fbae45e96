import TensorKit

/// scikit-learn's `Lasso`: (1 / 2n)·‖y - Xw - b‖² + alpha·‖w‖₁ by cyclic coordinate descent,
/// as its `enet_coordinate_descent` runs it: each coefficient soft-thresholded in turn
/// against the running residual; when the largest update is small relative to the largest
/// coefficient (below tol), the duality gap is computed, and the fit stops once the gap is
/// below tol·‖y‖² (so tol bounds the objective's distance to the optimum).
public final class Lasso: Estimator {
    public let kind = "Lasso"
    public let alpha: Double
    public let fitIntercept: Bool
    public let maxIter: Int
    public let tol: Double
    private var fitted: (coef: [Double], intercept: Double, iterations: Int, gap: Double)?

    public init(_ h: Hyperparameters) throws {
        alpha = try h.double("alpha", expected: "a number ≥ 0") { $0 >= 0 }
        fitIntercept = try h.bool("fit_intercept")
        maxIter = try h.int("max_iter", expected: "a positive integer") { $0 >= 1 }
        tol = try h.double("tol", expected: "a number ≥ 0") { $0 >= 0 }
    }

    public var hyperparameters: [(name: String, value: HyperValue)] {
        [("alpha", .double(alpha)), ("fit_intercept", .bool(fitIntercept)), ("max_iter", .int(maxIter)), ("tol", .double(tol))]
    }
    public var isFitted: Bool { fitted != nil }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let m = try FeatureMatrix(x, model: kind)
        let targets = try RegressionTargets(y, model: kind, rows: m.rows).values
        let (centred, means) = Centring.centre(m, enabled: fitIntercept)
        let yMean = fitIntercept ? targets.reduce(0, +) / Double(targets.count) : 0
        let yc = targets.map { $0 - yMean }
        monitor.total(maxIter, "")
        let r = try Self.coordinateDescent(centred, yc, alpha: alpha * Double(m.rows), maxIter: maxIter, tol: tol, step: monitor.step)
        fitted = (r.coef, yMean - zip(means, r.coef).reduce(0) { $0 + $1.0 * $1.1 }, r.iterations, r.gap)
    }

    /// The coordinate descent on centred data; `alpha` is already multiplied by n.
    static func coordinateDescent(_ m: FeatureMatrix, _ y: [Double], alpha: Double, maxIter: Int, tol: Double,
                                  step: (Int, Double?) throws -> Void) throws -> (coef: [Double], iterations: Int, gap: Double) {
        let (n, p) = (m.rows, m.columns)
        // Columns contiguous: each update reads one feature over all rows.
        var columns = [Double](repeating: 0, count: n * p)
        for i in 0..<n { for j in 0..<p { columns[j * n + i] = m.values[i * p + j] } }
        let norms = (0..<p).map { j in (0..<n).reduce(0.0) { $0 + columns[j * n + $1] * columns[j * n + $1] } }
        var w = [Double](repeating: 0, count: p), residual = y
        let scaledTol = tol * y.reduce(0) { $0 + $1 * $1 }
        var gap = tol + 1, iterations = maxIter
        for iteration in 0..<maxIter {
            var (wMax, dwMax) = (0.0, 0.0)
            for j in 0..<p where norms[j] != 0 {
                let old = w[j], base = j * n
                var rho = 0.0
                for i in 0..<n { rho += columns[base + i] * residual[i] }
                rho += old * norms[j]
                let new = (rho < 0 ? -1.0 : 1.0) * Swift.max(Swift.abs(rho) - alpha, 0) / norms[j]
                if new != old { for i in 0..<n { residual[i] -= (new - old) * columns[base + i] } }
                w[j] = new
                dwMax = Swift.max(dwMax, Swift.abs(new - old))
                wMax = Swift.max(wMax, Swift.abs(new))
            }
            try step(iteration + 1, nil)
            if wMax == 0 || dwMax / wMax < tol || iteration == maxIter - 1 {
                gap = dualityGap(columns, n, p, w, residual, y, alpha)
                if gap < scaledTol { iterations = iteration + 1; break }
            }
        }
        return (w, iterations, gap)
    }

    /// The gap between the primal objective and the dual one at the rescaled residual, the
    /// certificate scikit-learn stops on.
    static func dualityGap(_ columns: [Double], _ n: Int, _ p: Int, _ w: [Double], _ residual: [Double], _ y: [Double], _ alpha: Double) -> Double {
        var dualNorm = 0.0
        for j in 0..<p {
            var s = 0.0
            for i in 0..<n { s += columns[j * n + i] * residual[i] }
            dualNorm = Swift.max(dualNorm, Swift.abs(s))
        }
        let rNorm2 = residual.reduce(0) { $0 + $1 * $1 }
        let scale = dualNorm > alpha ? alpha / dualNorm : 1
        var gap = dualNorm > alpha ? 0.5 * (rNorm2 + rNorm2 * scale * scale) : rNorm2
        let ry = zip(residual, y).reduce(0) { $0 + $1.0 * $1.1 }
        gap += alpha * w.reduce(0) { $0 + Swift.abs($1) } - scale * ry
        return gap
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        guard let fitted else { throw ModelError.notFitted(model: kind) }
        return try LinearPrediction.regression(x, model: kind, coef: fitted.coef, intercept: fitted.intercept)
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] {
        guard let f = fitted else { return [] }
        return [("coef_", .tensor(.vector(f.coef))), ("intercept_", .number(f.intercept)), ("n_iter_", .int(f.iterations)),
                ("dual_gap_", .number(f.gap)), ("n_features_in_", .int(f.coef.count))]
    }

    public func savedState() -> [String: Tensor] {
        guard let f = fitted else { return [:] }
        return ["coef_": .vector(f.coef), "intercept_": .vector([f.intercept]), "n_iter_": .vector([Double(f.iterations)]), "dual_gap_": .vector([f.gap])]
    }

    public func restore(_ state: [String: Tensor]) throws {
        let r = SavedStateReader(model: kind, state)
        fitted = (try r.doubles("coef_", shape: [nil]), try r.number("intercept_"), try r.count("n_iter_"), try r.number("dual_gap_"))
    }
}
