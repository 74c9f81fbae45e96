/// The solvers of LogisticRegression, each minimising the same `LogisticLoss` from zero and
/// returning the parameters and the iterations taken.
enum LogisticSolvers {
    static func solve(_ loss: LogisticLoss, solver: String, maxIter: Int, tol: Double,
                      step: (Int, Double) throws -> Void) throws -> ([Double], Int) {
        let start = [Double](repeating: 0, count: loss.parameterCount)
        switch solver {
        case "lbfgs":
            let r = try LBFGS(maxIterations: maxIter, gtol: tol).minimize(start, loss.valueAndGradient, step: step)
            return (r.x, r.iterations)
        case "newton":
            return try NewtonCG.minimize(loss, maxIter: maxIter, tol: tol, step: step)
        default:
            return try LogisticSGD.minimize(loss, maxIter: maxIter, tol: tol, step: step)
        }
    }
}
