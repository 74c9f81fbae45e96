import TensorKit

/// scikit-learn's `SVC`: a kernel support vector classifier trained by libsvm's SMO solver,
/// one-vs-one over pairs of classes. Prediction is one kernel matrix between the rows and the
/// support vectors (BLAS), then one product with the pairwise coefficients. With
/// probability=true, fit also fits libsvm's Platt scaling (SVCProbability.swift).
public final class SVC: ClassifierEstimator, RandomizedEstimator {
    public let kind = "SVC"
    public let settings: SVCHyperparameters
    /// Draws the Platt cross-validation's folds when random_state is nil.
    public let randomGenerator: RandomGenerator
    var fitted: SVCState?

    public init(_ settings: SVCHyperparameters = SVCHyperparameters(), generator: RandomGenerator = RandomGenerator(seed: 0)) throws {
        try settings.validate(model: "SVC")
        self.settings = settings
        randomGenerator = generator
    }

    public convenience init(_ h: Hyperparameters, generator: RandomGenerator = RandomGenerator(seed: 0)) throws {
        try self.init(SVCHyperparameters(h), generator: generator)
    }

    public var hyperparameters: [(name: String, value: HyperValue)] { settings.listed }
    public var isFitted: Bool { fitted != nil }
    public var classes: Tensor? { fitted?.classes }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let rows = try DenseRows(x, model: kind)
        let labels = try ClassLabels(y, model: kind, rows: rows.rows)
        let kernel = settings.resolvedKernel(for: rows)
        var trainer = OneVsOneTrainer(x: rows, labels: labels, kernel: kernel, c: settings.c, tol: settings.tol,
                                      maxIter: settings.maxIter, shrinking: settings.shrinking,
                                      cacheBytes: Int(Swift.min(settings.cacheSize * 1_048_576, 1e15)))
        if settings.probability {
            trainer.plattGenerator = settings.randomState.map { RandomGenerator(seed: UInt64($0)) } ?? randomGenerator
        }
        let model = try trainer.train(monitor: monitor)
        fitted = try SVCState(model: model, x: rows, classes: labels.classes, kernel: kernel)
    }

    func state() throws -> SVCState {
        guard let fitted else { throw ModelError.notFitted(model: kind) }
        return fitted
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        let s = try state()
        let dec = try s.pairwiseDecisions(try DenseRows.checked(x, model: kind, features: s.features))
        return try ClassLabels(classes: s.classes).labels(s.votes(dec))
    }

    /// Binary: one score per row, positive for classes_[1]. More classes: "ovr" gives one
    /// column per class (votes plus scaled confidences, as scikit-learn), "ovo" the pairwise
    /// values (positive for the first class of the pair).
    public func decisionFunction(_ x: Tensor) throws -> Tensor {
        let s = try state()
        let dec = try s.pairwiseDecisions(try DenseRows.checked(x, model: kind, features: s.features))
        if s.classCount == 2 {
            return try Tensor(shape: [dec.rows], values: (0..<dec.rows).map { -dec.row($0)[0] }, dtype: .float64)
        }
        if settings.decisionFunctionShape == "ovo" { return dec.tensor }
        return try s.oneVsRestScores(dec).tensor
    }

    /// libsvm's probabilities: each pair's Platt sigmoid of its decision value, coupled over
    /// the pairs. As in scikit-learn they come from a cross-validation, so their argmax can
    /// differ from `predict`'s vote on rows near a boundary.
    public func predictProba(_ x: Tensor) throws -> Tensor {
        guard settings.probability else {
            throw ModelError.unsupported(model: kind, message: "predict_proba is not available when probability=false (make it with SVC(probability=true))")
        }
        let s = try state()
        guard s.probA.count == s.rho.count else {
            throw ModelError.unsupported(model: kind, message: "this model was fitted without probability=true, so it has no Platt scaling; fit it again")
        }
        return try s.probabilities(try DenseRows.checked(x, model: kind, features: s.features))
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] {
        guard let s = fitted else { return [] }
        return s.attributes
    }

    public func savedState() -> [String: Tensor] { fitted?.saved ?? [:] }

    public func restore(_ state: [String: Tensor]) throws {
        fitted = try SVCState(saved: state, settings: settings)
    }
}
