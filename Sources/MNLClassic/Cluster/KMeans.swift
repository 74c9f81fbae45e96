import Foundation
import TensorKit

/// scikit-learn's `KMeans`: Lloyd's algorithm with distances on BLAS, started n_init times
/// from greedy k-means++ (or random rows), keeping the lowest inertia. Random numbers come
/// from `random_state` when given, else from the generator the model was made with (the
/// binding passes the session's, so `seed(n)` reproduces a fit).
public final class KMeans: TransformerEstimator, RandomizedEstimator {
    public let kind = "KMeans"
    public let nClusters: Int
    /// "k-means++" or "random".
    public let initMethod: String
    /// "auto" (1 run with k-means++, 10 with random, as scikit-learn) or a count.
    public let nInit: HyperValue
    public let maxIter: Int
    public let tol: Double
    public let randomState: Int?
    let random: RandomGenerator
    public var randomGenerator: RandomGenerator { random }
    var fitted: KMeansState?

    public init(nClusters: Int = 8, initMethod: String = "k-means++", nInit: HyperValue = .string("auto"), maxIter: Int = 300,
                tol: Double = 1e-4, randomState: Int? = nil, random: RandomGenerator = RandomGenerator(seed: 0)) throws {
        func bad(_ name: String, _ value: String, _ expected: String) -> ModelError {
            .badHyperparameter(model: "KMeans", name: name, value: value, expected: expected)
        }
        guard nClusters >= 1 else { throw bad("n_clusters", "\(nClusters)", "a positive whole number") }
        guard ["k-means++", "random"].contains(initMethod) else { throw bad("init", "\"\(initMethod)\"", "\"k-means++\" or \"random\"") }
        switch nInit {
        case .string("auto"): break
        case .int(let n) where n >= 1: break
        default: throw bad("n_init", nInit.text, "\"auto\" or a positive whole number")
        }
        guard maxIter >= 1 else { throw bad("max_iter", "\(maxIter)", "a positive whole number") }
        guard tol >= 0, tol.isFinite else { throw bad("tol", "\(tol)", "a number >= 0") }
        if let randomState, randomState < 0 { throw bad("random_state", "\(randomState)", "nil or a whole number >= 0") }
        (self.nClusters, self.initMethod, self.nInit, self.maxIter) = (nClusters, initMethod, nInit, maxIter)
        (self.tol, self.randomState, self.random) = (tol, randomState, random)
    }

    public convenience init(_ h: Hyperparameters, random: RandomGenerator = RandomGenerator(seed: 0)) throws {
        try self.init(nClusters: h.int("n_clusters", expected: "a positive whole number") { $0 >= 1 },
                      initMethod: h.string("init", oneOf: ["k-means++", "random"]), nInit: h.values["n_init"] ?? .string("auto"),
                      maxIter: h.int("max_iter", expected: "a positive whole number") { $0 >= 1 },
                      tol: h.double("tol", expected: "a number >= 0") { $0 >= 0 },
                      randomState: h.optionalInt("random_state", expected: "nil or a whole number >= 0") { $0 >= 0 }, random: random)
    }

    public var hyperparameters: [(name: String, value: HyperValue)] {
        [("n_clusters", .int(nClusters)), ("init", .string(initMethod)), ("n_init", nInit), ("max_iter", .int(maxIter)),
         ("tol", .double(tol)), ("random_state", randomState.map { .int($0) } ?? .none)]
    }
    public var isFitted: Bool { fitted != nil }

    var runs: Int {
        if case .int(let n) = nInit { return n }
        return initMethod == "k-means++" ? 1 : 10
    }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let rows = try DenseRows(x, model: kind)
        guard rows.rows >= nClusters else {
            throw ModelError.badData(model: kind, message: "n_clusters is \(nClusters) but x has only \(rows.rows) rows")
        }
        let g = randomState.map { RandomGenerator(seed: UInt64($0)) } ?? random
        let lloyd = try Lloyd(x: rows, maxIter: maxIter, tol: tol * Lloyd.meanVariance(rows))
        monitor.total(runs, "initialisations")
        var best: KMeansState?
        for run in 0..<runs {
            let start = initMethod == "k-means++" ? try lloyd.kMeansPlusPlus(k: nClusters, random: g)
                                                  : try rows.gathering(Lloyd.sample(rows.rows, nClusters, random: g))
            let result = try lloyd.run(from: start)
            if best == nil || result.inertia < best?.inertia ?? 0 { best = result }
            try monitor.step(run + 1, result.inertia)
        }
        fitted = best
    }

    /// Lloyd's algorithm from given centres (tests compare it with scikit-learn's init=array).
    func fit(_ x: Tensor, centers: Tensor) throws {
        let rows = try DenseRows(x, model: kind)
        let lloyd = try Lloyd(x: rows, maxIter: maxIter, tol: tol * Lloyd.meanVariance(rows))
        fitted = try lloyd.run(from: try DenseRows.checked(centers, model: kind, features: rows.cols))
    }

    func state() throws -> KMeansState {
        guard let fitted else { throw ModelError.notFitted(model: kind) }
        return fitted
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        let s = try state()
        let (labels, _) = try Lloyd.assign(try InputMatrix(x, model: kind, features: s.centers.cols), s.centers)
        return try Tensor(shape: [labels.count], values: labels.map(Double.init), dtype: .int64)
    }

    /// Euclidean distances to every centre, (rows, n_clusters).
    public func transform(_ x: Tensor) throws -> Tensor {
        let s = try state()
        let d = try Lloyd.squaredDistances(try InputMatrix(x, model: kind, features: s.centers.cols), s.centers)
        for i in 0..<d.rows { for j in 0..<d.cols { d.row(i)[j] = d.row(i)[j].squareRoot() } }
        return d.tensor
    }

    public func inverseTransform(_ x: Tensor) throws -> Tensor {
        throw ModelError.unsupported(model: kind, message: "distances to the centres cannot be mapped back to data")
    }

    /// scikit-learn's KMeans.score: minus the inertia of x against the centres.
    public func score(_ x: Tensor, _ y: Tensor?) throws -> Double {
        let s = try state()
        let (_, inertia) = try Lloyd.assign(try InputMatrix(x, model: kind, features: s.centers.cols), s.centers)
        return -inertia
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] { fitted?.attributes ?? [] }
    public func savedState() -> [String: Tensor] { fitted?.saved ?? [:] }
    public func restore(_ state: [String: Tensor]) throws { fitted = try KMeansState(saved: state) }
}

/// A fitted KMeans.
struct KMeansState {
    let centers: DenseRows
    let labels: [Int]
    let inertia: Double
    let iterations: Int

    var attributes: [(name: String, value: FittedValue)] {
        [("cluster_centers_", .tensor(centers.tensor)),
         ("labels_", .tensor((try? Tensor(shape: [labels.count], values: labels.map(Double.init), dtype: .int64)) ?? .vector([]))),
         ("inertia_", .number(inertia)), ("n_iter_", .int(iterations))]
    }

    var saved: [String: Tensor] {
        ["cluster_centers_": centers.tensor, "labels_": .vector(labels.map(Double.init)), "inertia_": .vector([inertia]),
         "n_iter_": .vector([Double(iterations)])]
    }

    init(centers: DenseRows, labels: [Int], inertia: Double, iterations: Int) {
        (self.centers, self.labels, self.inertia, self.iterations) = (centers, labels, inertia, iterations)
    }

    init(saved: [String: Tensor]) throws {
        let r = SavedStateReader(model: "KMeans", saved)
        let c = try r.tensor("cluster_centers_", shape: [nil, nil])
        let labels = try r.doubles("labels_", shape: [nil]).map { Int(exactly: $0) ?? -1 }
        guard labels.allSatisfy({ $0 >= 0 && $0 < c.shape[0] }) else {
            throw ModelError.badSavedState(model: "KMeans", message: "labels_ must hold cluster indices below \(c.shape[0])")
        }
        self.init(centers: try DenseRows(c, model: "KMeans"), labels: labels, inertia: try r.number("inertia_"),
                  iterations: Int(exactly: try r.number("n_iter_")) ?? 0)
    }
}
