import TensorKit

/// scikit-learn's `StandardScaler`: each feature centred on its mean and divided by its
/// (population) standard deviation; a constant feature keeps scale 1, as scikit-learn does,
/// rather than dividing by zero.
public final class StandardScaler: TransformerEstimator {
    public let kind = "StandardScaler"
    public let withMean: Bool
    public let withStd: Bool
    private var fitted: (mean: [Double], variance: [Double], scale: [Double], samples: Int)?

    public init(withMean: Bool = true, withStd: Bool = true) { (self.withMean, self.withStd) = (withMean, withStd) }

    public convenience init(_ h: Hyperparameters) throws {
        self.init(withMean: try h.bool("with_mean"), withStd: try h.bool("with_std"))
    }

    public var hyperparameters: [(name: String, value: HyperValue)] { [("with_mean", .bool(withMean)), ("with_std", .bool(withStd))] }
    public var isFitted: Bool { fitted != nil }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let m = try FeatureMatrix(x, model: kind)
        let mean = m.columnMeans()
        var variance = [Double](repeating: 0, count: m.columns)
        for i in 0..<m.rows { for j in 0..<m.columns { let d = m.values[i * m.columns + j] - mean[j]; variance[j] += d * d } }
        variance = variance.map { $0 / Double(m.rows) }
        // scikit-learn treats a variance within rounding of zero as zero (`_is_constant_feature`).
        let scale = zip(variance, mean).map { v, mu in v <= 10 * Double.ulpOfOne * Swift.max(1, mu * mu) ? 1 : v.squareRoot() }
        fitted = (mean, variance, scale, m.rows)
    }

    private func state() throws -> (mean: [Double], variance: [Double], scale: [Double], samples: Int) {
        guard let fitted else { throw ModelError.notFitted(model: kind) }
        return fitted
    }

    public func transform(_ x: Tensor) throws -> Tensor {
        let f = try state()
        let m = try FeatureMatrix(x, model: kind, features: f.mean.count)
        return try Scaling.apply(m, like: x) { j, v in
            (self.withMean ? v - f.mean[j] : v) / (self.withStd ? f.scale[j] : 1)
        }
    }

    public func inverseTransform(_ x: Tensor) throws -> Tensor {
        let f = try state()
        let m = try FeatureMatrix(x, model: kind, features: f.mean.count)
        return try Scaling.apply(m, like: x) { j, v in
            v * (self.withStd ? f.scale[j] : 1) + (self.withMean ? f.mean[j] : 0)
        }
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        throw ModelError.unsupported(model: kind, message: "a scaler has no predict; use transform(x)")
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] {
        guard let f = fitted else { return [] }
        return [("mean_", .tensor(.vector(f.mean))), ("var_", .tensor(.vector(f.variance))), ("scale_", .tensor(.vector(f.scale))),
                ("n_samples_seen_", .int(f.samples)), ("n_features_in_", .int(f.mean.count))]
    }

    public func savedState() -> [String: Tensor] {
        guard let f = fitted else { return [:] }
        return ["mean_": .vector(f.mean), "var_": .vector(f.variance), "scale_": .vector(f.scale), "n_samples_seen_": .vector([Double(f.samples)])]
    }

    public func restore(_ state: [String: Tensor]) throws {
        let r = SavedStateReader(model: kind, state)
        let mean = try r.doubles("mean_", shape: [nil])
        fitted = (mean, try r.doubles("var_", shape: [mean.count]), try r.doubles("scale_", shape: [mean.count]), try r.count("n_samples_seen_"))
    }
}

/// The per-feature maps of the scalers, applied in one pass.
enum Scaling {
    /// `map(feature, value)` over every element; float32 input stays float32 (scikit-learn
    /// keeps float32 too), everything else becomes float64.
    static func apply(_ m: FeatureMatrix, like x: Tensor, _ map: (Int, Double) -> Double) throws -> Tensor {
        var out = m.values
        for i in 0..<m.rows { for j in 0..<m.columns { out[i * m.columns + j] = map(j, out[i * m.columns + j]) } }
        return try Tensor(shape: [m.rows, m.columns], values: out, dtype: x.dtype == .float32 ? .float32 : .float64)
    }
}
