import TensorKit

/// scikit-learn's `MinMaxScaler`: each feature mapped linearly so that its training minimum
/// and maximum land on `feature_range`; a constant feature gets scale 1.
public final class MinMaxScaler: TransformerEstimator {
    public let kind = "MinMaxScaler"
    public let range: (low: Double, high: Double)
    private var fitted: (dataMin: [Double], dataMax: [Double], scale: [Double], min: [Double], samples: Int)?

    public init(range: (Double, Double) = (0, 1)) { self.range = range }

    public convenience init(_ h: Hyperparameters) throws {
        let r = try h.doubles("feature_range", count: 2, expected: "a pair (min, max) with min < max")
        guard r[0] < r[1] else { throw h.bad("feature_range", "a pair (min, max) with min < max") }
        self.init(range: (r[0], r[1]))
    }

    public var hyperparameters: [(name: String, value: HyperValue)] {
        let whole = [range.low, range.high].allSatisfy { $0 == $0.rounded() && Swift.abs($0) < 1e15 }
        return [("feature_range", whole ? .ints([Int(range.low), Int(range.high)]) : .doubles([range.low, range.high]))]
    }
    public var isFitted: Bool { fitted != nil }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let m = try FeatureMatrix(x, model: kind)
        var lo = [Double](repeating: .infinity, count: m.columns), hi = [Double](repeating: -.infinity, count: m.columns)
        for i in 0..<m.rows {
            for j in 0..<m.columns { let v = m.values[i * m.columns + j]; lo[j] = Swift.min(lo[j], v); hi[j] = Swift.max(hi[j], v) }
        }
        let scale = zip(lo, hi).map { l, h in (range.high - range.low) / (h - l == 0 ? 1 : h - l) }
        let shift = zip(lo, scale).map { range.low - $0 * $1 }
        fitted = (lo, hi, scale, shift, m.rows)
    }

    private func state() throws -> (dataMin: [Double], dataMax: [Double], scale: [Double], min: [Double], samples: Int) {
        guard let fitted else { throw ModelError.notFitted(model: kind) }
        return fitted
    }

    public func transform(_ x: Tensor) throws -> Tensor {
        let f = try state()
        return try Scaling.apply(try FeatureMatrix(x, model: kind, features: f.scale.count), like: x) { j, v in v * f.scale[j] + f.min[j] }
    }

    public func inverseTransform(_ x: Tensor) throws -> Tensor {
        let f = try state()
        return try Scaling.apply(try FeatureMatrix(x, model: kind, features: f.scale.count), like: x) { j, v in (v - f.min[j]) / f.scale[j] }
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        throw ModelError.unsupported(model: kind, message: "a scaler has no predict; use transform(x)")
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] {
        guard let f = fitted else { return [] }
        return [("data_min_", .tensor(.vector(f.dataMin))), ("data_max_", .tensor(.vector(f.dataMax))),
                ("data_range_", .tensor(.vector(zip(f.dataMax, f.dataMin).map(-)))), ("scale_", .tensor(.vector(f.scale))),
                ("min_", .tensor(.vector(f.min))), ("n_samples_seen_", .int(f.samples)), ("n_features_in_", .int(f.scale.count))]
    }

    public func savedState() -> [String: Tensor] {
        guard let f = fitted else { return [:] }
        return ["data_min_": .vector(f.dataMin), "data_max_": .vector(f.dataMax), "scale_": .vector(f.scale), "min_": .vector(f.min),
                "n_samples_seen_": .vector([Double(f.samples)])]
    }

    public func restore(_ state: [String: Tensor]) throws {
        let r = SavedStateReader(model: kind, state)
        let lo = try r.doubles("data_min_", shape: [nil]), n = lo.count
        fitted = (lo, try r.doubles("data_max_", shape: [n]), try r.doubles("scale_", shape: [n]), try r.doubles("min_", shape: [n]),
                  try r.count("n_samples_seen_"))
    }
}
