import TensorKit

/// A fitted network in the float type it was trained in.
enum MLPFitted {
    case float(MLPFitResult<Float>)
    case double(MLPFitResult<Double>)
}

/// What `MLPClassifier` and `MLPRegressor` share: the settings, the fit in the data's float
/// type, the forward pass for predictions, the fitted attributes and the saved state. Each
/// estimator adds its targets (one-hot classes or values) and how it reads the outputs.
final class MLPModel {
    let kind: String
    let settings: MLPSettings
    let randomGenerator: RandomGenerator
    var fitted: MLPFitted?
    /// scikit-learn's ConvergenceWarning of the last fit, when max_iter ran out first.
    var convergenceWarning: String?

    init(kind: String, settings: MLPSettings, generator: RandomGenerator) {
        (self.kind, self.settings, randomGenerator) = (kind, settings, generator)
    }

    /// Networks of more weights than this are refused before anything is allocated.
    static let maximumWeights = 50_000_000

    /// Trains a new network on `x` with `targets` (rows × outputs, float64) and replaces the
    /// fitted state only when training succeeds. `initialWeights` (tests only) replaces the
    /// random Glorot initialisation.
    func fit(_ x: Tensor, targets: [Double], outputs: Int, output: MLPOutput, monitor: FitMonitor,
             initialWeights: (coefs: [[Double]], intercepts: [[Double]])? = nil) throws {
        let (rows, features) = try MLPInput.shape(x, model: kind)
        let units = [features] + settings.hiddenLayerSizes + [outputs]
        let weights = zip(units, units.dropFirst()).reduce(0) { $0 + ($1.0 + 1) * $1.1 }
        guard weights <= Self.maximumWeights else {
            throw ModelError.badData(model: kind, message: "a network of layers \(units) would have \(weights) weights; at most \(Self.maximumWeights) are supported")
        }
        let generator = settings.randomState.map { RandomGenerator(seed: UInt64($0)) } ?? randomGenerator
        if x.dtype == .float32 {
            fitted = .float(try train(Float.self, x, targets, rows, units, output, generator, monitor, initialWeights))
        } else {
            fitted = .double(try train(Double.self, x, targets, rows, units, output, generator, monitor, initialWeights))
        }
        convergenceWarning = converged ? nil
            : settings.solver == "lbfgs"
            ? "\(kind): lbfgs failed to converge within max_iter=\(settings.maxIter) iterations or max_fun=\(settings.maxFun) loss evaluations"
            : "\(kind): stochastic optimizer: maximum iterations (\(settings.maxIter)) reached and the optimization hasn't converged yet"
    }

    private func train<T: BLASFloat>(_: T.Type, _ x: Tensor, _ targets: [Double], _ rows: Int, _ units: [Int], _ output: MLPOutput,
                                     _ generator: RandomGenerator, _ monitor: FitMonitor,
                                     _ initialWeights: (coefs: [[Double]], intercepts: [[Double]])?) throws -> MLPFitResult<T> {
        let data = MLPData<T>(x: try MLPInput.values(x, as: T.self, model: kind), targets: targets.map { T($0) },
                              rows: rows, features: units[0], outputs: units[units.count - 1])
        let network = MLPNetwork<T>(units: units, activation: settings.activation, output: output)
        if let initialWeights {
            guard network.setWeights(coefs: initialWeights.coefs, intercepts: initialWeights.intercepts) else {
                throw ModelError.badData(model: kind, message: "the initial weights do not fit layers \(units)")
            }
        } else {
            network.initialize(using: generator)
        }
        let result = try MLPTrainer<T>(model: kind, settings: settings, generator: generator, monitor: monitor).train(network, data)
        guard (0 ..< result.network.parameterCount).allSatisfy({ result.network.parameters[$0].isFinite }) else {
            throw ModelError.badData(model: kind, message: "the solver produced non-finite weights; the input data may contain large values and need to be scaled (StandardScaler)")
        }
        return result
    }

    private var converged: Bool {
        switch fitted {
        case .float(let r)?: r.converged
        case .double(let r)?: r.converged
        case nil: true
        }
    }

    /// The network's outputs (rows × outputs) for `x`, in the network's float type.
    func outputs(_ x: Tensor) throws -> Tensor {
        guard let fitted else { throw ModelError.notFitted(model: kind) }
        switch fitted {
        case .float(let r): return try outputs(r.network, x)
        case .double(let r): return try outputs(r.network, x)
        }
    }

    private func outputs<T: BLASFloat>(_ network: MLPNetwork<T>, _ x: Tensor) throws -> Tensor {
        let (rows, values) = try outputValues(network, x)
        return try Tensor(shape: [rows, network.units[network.layerCount]], elements: values)
    }

    private func outputValues<T: BLASFloat>(_ network: MLPNetwork<T>, _ x: Tensor) throws -> (rows: Int, values: [T]) {
        let (rows, features) = try MLPInput.shape(x, model: kind)
        guard features == network.units[0] else { throw ModelError.featureCount(model: kind, expected: network.units[0], got: features) }
        // Read in place: no copy of x when it already has the network's float type.
        let input = try MLPInput.matrix(x, as: T.self, model: kind)
        return try withExtendedLifetime(input) {
            (rows, try network.outputs(UnsafePointer(input.storage.pointer(T.self) + input.offset), rows: rows))
        }
    }

    /// Each row's class index: the largest output, or for a single logistic output whether it
    /// is above 0.5 (scikit-learn's `LabelBinarizer.inverse_transform`). Read straight from the
    /// outputs in the network's float type.
    func winners(_ x: Tensor) throws -> [Int] {
        guard let fitted else { throw ModelError.notFitted(model: kind) }
        switch fitted {
        case .float(let r): return try winners(r.network, x)
        case .double(let r): return try winners(r.network, x)
        }
    }

    private func winners<T: BLASFloat>(_ network: MLPNetwork<T>, _ x: Tensor) throws -> [Int] {
        let (rows, p) = try outputValues(network, x)
        let k = network.units[network.layerCount]
        return (0..<rows).map { i in k == 1 ? (p[i] > 0.5 ? 1 : 0) : MLPData<T>.argmax(p, i, k) }
    }
}

/// `x` checked as scikit-learn's `validate_data` does for an MLP, and read in the network's
/// float type.
enum MLPInput {
    static func shape(_ x: Tensor, model: String) throws -> (rows: Int, features: Int) {
        try FeatureMatrix.checkShape(x, model: model)
        return (x.shape[0], x.shape[1])
    }

    static func values<T: BLASFloat>(_ x: Tensor, as: T.Type, model: String) throws -> [T] {
        try matrix(x, as: T.self, model: model).toArray(T.self)
    }

    /// `x` checked (TensorKit's vectorised finiteness pass) as a contiguous tensor of `T`'s
    /// dtype: `x` itself when it is one already.
    static func matrix<T: BLASFloat>(_ x: Tensor, as: T.Type, model: String) throws -> Tensor {
        try FeatureMatrix.check(x, model: model)
        return try x.cast(to: T.self == Float.self ? .float32 : .float64).contiguous()
    }
}
