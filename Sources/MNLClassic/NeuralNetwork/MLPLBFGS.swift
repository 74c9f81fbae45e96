import TensorKit

/// Thrown from the objective when L-BFGS has used up max_fun evaluations.
private struct EvaluationLimit: Error {}

extension MLPTrainer {
    /// scikit-learn's `_fit_lbfgs`: every weight is one variable of L-BFGS (MNLClassic's
    /// `LBFGS`, which follows scipy's L-BFGS-B), the objective the loss over all the rows
    /// at once; at most max_iter iterations and max_fun evaluations, stopping when the
    /// largest gradient component is at most tol or the loss stops falling (scipy's default
    /// ftol, which scikit-learn keeps for the MLP). loss_curve_ holds the loss after each
    /// iteration; there is no best_loss_, as in scikit-learn.
    func trainLBFGS(_ network: MLPNetwork<T>, _ data: MLPData<T>) throws -> MLPFitResult<T> {
        let count = network.parameterCount
        try checkScratch(rows: data.rows, units: network.units)
        let scratch = MLPScratch<T>(units: network.units, rows: data.rows, withDeltas: true)
        let gradient = UnsafeMutablePointer<T>.allocate(capacity: Swift.max(1, count))
        defer { gradient.deallocate() }
        var evaluations = 0
        var last: (x: [Double], value: Double)?
        func objective(_ w: [Double]) throws -> (value: Double, gradient: [Double]) {
            evaluations += 1
            if evaluations > settings.maxFun { throw EvaluationLimit() }
            try Cancellation.check()
            for i in 0..<count { network.parameters[i] = T(w[i]) }
            let loss = data.x.withUnsafeBufferPointer { xs in
                data.targets.withUnsafeBufferPointer { ys in
                    guard let x = xs.baseAddress, let y = ys.baseAddress else { return Double.nan }
                    return network.backprop(x, y, rows: data.rows, alpha: settings.alpha, scratch: scratch, gradient: gradient)
                }
            }
            last = (w, loss)
            return (loss, (0..<count).map { Double(gradient[$0]) })
        }
        var solver = LBFGS(maxIterations: settings.maxIter, gtol: settings.tol)
        solver.ftol = 2.220446049250313e-09  // scipy's default (factr 1e7 times eps)
        monitor.total(settings.maxIter, "")
        var curve = [Double]()
        let start = (0..<count).map { Double(network.parameters[$0]) }
        var final = start, converged = false
        do {
            let r = try solver.minimize(start, objective) { i, value in
                curve.append(value)
                try monitor.step(i, value)
            }
            (final, converged) = (r.x, r.converged)
        } catch is EvaluationLimit {
            final = last?.x ?? start
        }
        for i in 0..<count { network.parameters[i] = T(final[i]) }
        return MLPFitResult(network: network, lossCurve: curve, bestLoss: nil, validationScores: nil, bestValidationScore: nil,
                            converged: converged)
    }
}
