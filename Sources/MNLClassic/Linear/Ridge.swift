import TensorKit

/// scikit-learn's `Ridge`: least squares plus alpha·‖w‖² (the intercept unpenalised, found
/// from the means after centring), solved exactly as its "cholesky" solver does: the normal
/// equations (XᵀX + αI) w = Xᵀy when there are no more features than rows, otherwise the
/// dual (XXᵀ + αI) a = y with w = Xᵀa, the smaller system either way, both by LAPACK.
public final class Ridge: Estimator {
    public let kind = "Ridge"
    public let alpha: Double
    public let fitIntercept: Bool
    private var fitted: (coef: [Double], intercept: Double)?

    public init(_ h: Hyperparameters) throws {
        alpha = try h.double("alpha", expected: "a number ≥ 0") { $0 >= 0 }
        fitIntercept = try h.bool("fit_intercept")
    }

    public var hyperparameters: [(name: String, value: HyperValue)] { [("alpha", .double(alpha)), ("fit_intercept", .bool(fitIntercept))] }
    public var isFitted: Bool { fitted != nil }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let m = try FeatureMatrix(x, model: kind)
        let targets = try RegressionTargets(y, model: kind, rows: m.rows).values
        let (centred, means) = Centring.centre(m, enabled: fitIntercept)
        let yMean = fitIntercept ? targets.reduce(0, +) / Double(targets.count) : 0
        let a = try centred.tensor(), b = Tensor.vector(targets.map { $0 - yMean })
        let coef: [Double]
        if m.columns <= m.rows {
            let gram = try Tensor.matmul(try a.transpose(), a).contiguous().toArray(Double.self)
            let system = Tensor.matrix(Self.addingToDiagonal(gram, alpha, m.columns), rows: m.columns, columns: m.columns)
            coef = try Tensor.solve(system, try Tensor.matmul(try a.transpose(), b)).toDoubles()
        } else {
            let kernel = try Tensor.matmul(a, try a.transpose()).contiguous().toArray(Double.self)
            let dual = try Tensor.solve(Tensor.matrix(Self.addingToDiagonal(kernel, alpha, m.rows), rows: m.rows, columns: m.rows), b)
            coef = try Tensor.matmul(try a.transpose(), dual).toDoubles()
        }
        fitted = (coef, yMean - zip(means, coef).reduce(0) { $0 + $1.0 * $1.1 })
    }

    static func addingToDiagonal(_ m: [Double], _ alpha: Double, _ n: Int) -> [Double] {
        var out = m
        for i in 0..<n { out[i * n + i] += alpha }
        return out
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        guard let fitted else { throw ModelError.notFitted(model: kind) }
        return try LinearPrediction.regression(x, model: kind, coef: fitted.coef, intercept: fitted.intercept)
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] {
        guard let f = fitted else { return [] }
        return [("coef_", .tensor(.vector(f.coef))), ("intercept_", .number(f.intercept)), ("n_features_in_", .int(f.coef.count))]
    }

    public func savedState() -> [String: Tensor] {
        guard let f = fitted else { return [:] }
        return ["coef_": .vector(f.coef), "intercept_": .vector([f.intercept])]
    }

    public func restore(_ state: [String: Tensor]) throws {
        let r = SavedStateReader(model: kind, state)
        fitted = (try r.doubles("coef_", shape: [nil]), try r.number("intercept_"))
    }
}

/// Centring the columns of x on their means, as the linear models do before solving when
/// they fit an intercept.
enum Centring {
    static func centre(_ m: FeatureMatrix, enabled: Bool) -> (FeatureMatrix, [Double]) {
        guard enabled else { return (m, [Double](repeating: 0, count: m.columns)) }
        let means = m.columnMeans()
        var v = m.values
        for i in 0..<m.rows { for j in 0..<m.columns { v[i * m.columns + j] -= means[j] } }
        return (FeatureMatrix(rows: m.rows, columns: m.columns, values: v), means)
    }
}
