import Foundation
import Synchronization
import TensorKit

/// scikit-learn's `LinearSVC`: a linear SVM trained by liblinear's dual coordinate descent,
/// one-vs-rest over classes (one problem for two classes). As liblinear, the intercept is
/// the weight of an extra constant feature (intercept_scaling), so it is regularised too.
public final class LinearSVC: ClassifierEstimator {
    public let kind = "LinearSVC"
    public let c: Double
    public let loss: String
    public let penalty: String
    public let dual: HyperValue
    public let tol: Double
    public let maxIter: Int
    public let fitIntercept: Bool
    public let interceptScaling: Double
    var fitted: LinearModelState?

    /// dual: "auto", true or false. The dual solver is used in every case: the primal solver
    /// liblinear would pick for dual=false reaches the same optimum (the problem is strictly
    /// convex in w), only by another route.
    public init(c: Double = 1, loss: String = "squared_hinge", penalty: String = "l2", dual: HyperValue = .string("auto"),
                tol: Double = 1e-4, maxIter: Int = 1000, fitIntercept: Bool = true, interceptScaling: Double = 1) throws {
        func bad(_ name: String, _ value: String, _ expected: String) -> ModelError {
            .badHyperparameter(model: "LinearSVC", name: name, value: value, expected: expected)
        }
        guard c > 0, c.isFinite else { throw bad("C", "\(c)", "a positive number") }
        guard ["squared_hinge", "hinge"].contains(loss) else { throw bad("loss", "\"\(loss)\"", "\"squared_hinge\" or \"hinge\"") }
        guard penalty == "l2" else { throw bad("penalty", "\"\(penalty)\"", "\"l2\" (the l1 penalty is not implemented)") }
        guard dual == .string("auto") || dual == .bool(true) || dual == .bool(false) else {
            throw bad("dual", "\(dual)", "\"auto\", true or false")
        }
        guard tol > 0, tol.isFinite else { throw bad("tol", "\(tol)", "a positive number") }
        guard maxIter > 0 else { throw bad("max_iter", "\(maxIter)", "a positive whole number") }
        guard interceptScaling > 0, interceptScaling.isFinite else {
            throw bad("intercept_scaling", "\(interceptScaling)", "a positive number")
        }
        (self.c, self.loss, self.penalty, self.dual, self.tol) = (c, loss, penalty, dual, tol)
        (self.maxIter, self.fitIntercept, self.interceptScaling) = (maxIter, fitIntercept, interceptScaling)
    }

    public convenience init(_ h: Hyperparameters) throws {
        try self.init(c: h.double("C", expected: "a positive number") { $0 > 0 },
                      loss: h.string("loss", oneOf: ["squared_hinge", "hinge"]),
                      penalty: h.string("penalty", oneOf: ["l2"]), dual: h.values["dual"] ?? .string("auto"),
                      tol: h.double("tol", expected: "a positive number") { $0 > 0 },
                      maxIter: h.int("max_iter", expected: "a positive whole number") { $0 > 0 },
                      fitIntercept: h.bool("fit_intercept"),
                      interceptScaling: h.double("intercept_scaling", expected: "a positive number") { $0 > 0 })
    }

    /// In scikit-learn's constructor order.
    public var hyperparameters: [(name: String, value: HyperValue)] {
        [("penalty", .string(penalty)), ("loss", .string(loss)), ("dual", dual), ("tol", .double(tol)), ("C", .double(c)),
         ("fit_intercept", .bool(fitIntercept)), ("intercept_scaling", .double(interceptScaling)), ("max_iter", .int(maxIter))]
    }
    public var isFitted: Bool { fitted != nil }
    public var classes: Tensor? { fitted?.classes }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let rows = try DenseRows(x, model: kind)
        let labels = try ClassLabels(y, model: kind, rows: rows.rows)
        let data = try augmented(rows)
        let k = labels.count
        // Two classes: one problem with classes_[1] as +1. More: class j against the rest.
        let positives = k == 2 ? [1] : Array(0..<k)
        monitor.total(positives.count, "classes")
        let solutions = Mutex<[Int: DualCoordinateDescent.Solution]>([:])
        let flag = Cancellation.current
        let failure = Mutex<Error?>(nil)
        let (c, squaredHinge, tol, maxIter) = (self.c, loss == "squared_hinge", self.tol, self.maxIter)
        let classIndices = labels.indices
        DispatchQueue.concurrentPerform(iterations: positives.count) { p in
            let signs = classIndices.map { $0 == positives[p] ? 1.0 : -1.0 }
            let solver = DualCoordinateDescent(x: data, y: signs, c: c, squaredHinge: squaredHinge,
                                               eps: tol, maxIterations: maxIter)
            do {
                let s = try solver.solve(random: RandomGenerator(seed: UInt64(p))) { flag?.isCancelled ?? false }
                solutions.withLock { $0[p] = s }
            } catch {
                failure.withLock { $0 = error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        try monitor.step(positives.count, nil)
        let all = solutions.withLock { $0 }
        let ws = (0..<positives.count).compactMap { all[$0] }
        let d = rows.cols
        fitted = try LinearModelState(
            classes: labels.classes, features: d,
            coef: ws.flatMap { Array($0.w[0..<d]) },
            intercept: ws.map { fitIntercept ? $0.w[d] * interceptScaling : 0 },
            iterations: ws.map(\.iterations).max() ?? 0)
    }

    /// x with the constant intercept_scaling column appended when fitting an intercept.
    private func augmented(_ x: DenseRows) throws -> DenseRows {
        guard fitIntercept else { return x }
        let out = try DenseRows(rows: x.rows, cols: x.cols + 1)
        for i in 0..<x.rows {
            out.row(i).update(from: x.row(i), count: x.cols)
            out.row(i)[x.cols] = interceptScaling
        }
        return out
    }

    func state() throws -> LinearModelState {
        guard let fitted else { throw ModelError.notFitted(model: kind) }
        return fitted
    }

    public func predict(_ x: Tensor) throws -> Tensor { try state().predict(x, model: kind) }
    public func decisionFunction(_ x: Tensor) throws -> Tensor { try state().decisionFunction(x, model: kind) }
    public func predictProba(_ x: Tensor) throws -> Tensor {
        throw ModelError.unsupported(model: kind, message: "a linear SVM has no probabilities; use decision_function")
    }
    public var fittedAttributes: [(name: String, value: FittedValue)] { fitted?.attributes ?? [] }
    public func savedState() -> [String: Tensor] { fitted?.saved ?? [:] }
    public func restore(_ state: [String: Tensor]) throws { fitted = try LinearModelState(saved: state, model: kind) }
}
