import TensorKit

/// Ordinary least squares, as scikit-learn's `LinearRegression`: with an intercept, x and y
/// are centred first and the intercept recovered from the means; the coefficients are the
/// minimum-norm least-squares solution from LAPACK's gelsd (scipy's `lstsq`, which
/// scikit-learn calls), so rank-deficient data gives the same answer.
public final class LinearRegression: Estimator {
    public let kind = "LinearRegression"
    public let fitIntercept: Bool
    private var fitted: LinearFit?

    struct LinearFit {
        var coef: [Double]
        var intercept: Double
        var rank: Int
        var singular: [Double]
    }

    public init(fitIntercept: Bool = true) { self.fitIntercept = fitIntercept }

    public convenience init(_ h: Hyperparameters) throws { self.init(fitIntercept: try h.bool("fit_intercept")) }

    public var hyperparameters: [(name: String, value: HyperValue)] { [("fit_intercept", .bool(fitIntercept))] }
    public var isFitted: Bool { fitted != nil }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let features = try FeatureMatrix(x, model: kind)
        let targets = try RegressionTargets(y, model: kind, rows: features.rows).values
        fitted = try Self.solve(features, targets, intercept: fitIntercept)
    }

    static func solve(_ x: FeatureMatrix, _ y: [Double], intercept: Bool) throws -> LinearFit {
        let (means, yMean) = intercept ? (x.columnMeans(), y.reduce(0, +) / Double(y.count)) : ([Double](repeating: 0, count: x.columns), 0)
        var centred = x.values
        for i in 0..<x.rows { for j in 0..<x.columns { centred[i * x.columns + j] -= means[j] } }
        let a = Tensor.matrix(centred, rows: x.rows, columns: x.columns)
        let b = Tensor.vector(y.map { $0 - yMean })
        let r = try Tensor.lstsq(a, b)
        let coef = r.x.toDoubles()
        let offset = yMean - zip(means, coef).reduce(0) { $0 + $1.0 * $1.1 }
        return LinearFit(coef: coef, intercept: offset, rank: Int(try r.rank.item()), singular: r.s.toDoubles())
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        guard let fitted else { throw ModelError.notFitted(model: kind) }
        return try LinearPrediction.regression(x, model: kind, coef: fitted.coef, intercept: fitted.intercept)
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] {
        guard let fitted else { return [] }
        return [("coef_", .tensor(.vector(fitted.coef))), ("intercept_", .number(fitted.intercept)),
                ("rank_", .int(fitted.rank)), ("singular_", .tensor(.vector(fitted.singular))),
                ("n_features_in_", .int(fitted.coef.count))]
    }

    public func savedState() -> [String: Tensor] {
        guard let fitted else { return [:] }
        return ["coef_": .vector(fitted.coef), "intercept_": .vector([fitted.intercept]),
                "rank_": .vector([Double(fitted.rank)]), "singular_": .vector(fitted.singular)]
    }

    public func restore(_ state: [String: Tensor]) throws {
        let r = SavedStateReader(model: kind, state)
        let coef = try r.doubles("coef_", shape: [nil])
        fitted = LinearFit(coef: coef, intercept: try r.number("intercept_"), rank: try r.count("rank_"),
                           singular: try r.doubles("singular_", shape: [nil]))
    }
}
