import TensorKit

/// scikit-learn's `SVC`: a kernel support vector classifier trained by libsvm's SMO solver,
/// one-vs-one over pairs of classes. Prediction is one kernel matrix between the rows and the
/// support vectors (BLAS), then one product with the pairwise coefficients.
public final class SVC: ClassifierEstimator {
    public let kind = "SVC"
    public let settings: SVCHyperparameters
    var fitted: SVCState?

    public init(_ settings: SVCHyperparameters = SVCHyperparameters()) throws {
        try settings.validate(model: "SVC")
        self.settings = settings
    }

    public convenience init(_ h: Hyperparameters) throws { try self.init(SVCHyperparameters(h)) }

    public var hyperparameters: [(name: String, value: HyperValue)] { settings.listed }
    public var isFitted: Bool { fitted != nil }
    public var classes: Tensor? { fitted?.classes }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let rows = try DenseRows(x, model: kind)
        let labels = try ClassLabels(y, model: kind, rows: rows.rows)
        let kernel = settings.resolvedKernel(for: rows)
        let trainer = OneVsOneTrainer(x: rows, labels: labels, kernel: kernel, c: settings.c, tol: settings.tol,
                                      maxIter: settings.maxIter, shrinking: settings.shrinking,
                                      cacheBytes: Int(Swift.min(settings.cacheSize * 1_048_576, 1e15)))
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

    public func predictProba(_ x: Tensor) throws -> Tensor {
        throw ModelError.unsupported(model: kind, message: "predict_proba needs Platt scaling, which this SVC does not fit; use decision_function")
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
