import Testing
import TensorKit
@testable import MNLClassic

@Suite struct SVMNeighborsTests {
    /// Distances come from ‖x‖² − 2x·y + ‖y‖² on both sides (scikit-learn's euclidean_distances),
    /// so they agree to the rounding of that cancellation (1e-6 for these magnitudes); the
    /// neighbours, votes and probabilities exactly.
    @Test func neighborsMatchScikitLearn() throws {
        for c in try SVMFixture.cases("svm-neighbors") {
            let s = c["settings"] as? [String: Any] ?? [:]
            let label = "\(c["problem"] ?? "") \(s)"
            let k = s["n_neighbors"] as? Int ?? 5, weights = s["weights"] as? String ?? "uniform"
            let x = try SVMFixture.tensor(c["x"]), y = try SVMFixture.tensor(c["y"]), xt = try SVMFixture.tensor(c["x_test"])
            let m = try KNeighborsClassifier(nNeighbors: k, weights: weights)
            try m.fit(x, y, monitor: .silent)
            let (d, i) = try m.kneighbors(xt)
            let tiesOnly = try Self.differOnlyInTies(i.toDoubles().map { Int($0) }, try SVMFixture.doubles(c["indices"]).map { Int($0) },
                                                     x: x, queries: xt, k: k)
            #expect(tiesOnly, "\(label): neighbours differ beyond ties")
            #expect(SVMFixture.maxDifference(d.toDoubles(), try SVMFixture.doubles(c["distances"])) < 1e-6, "\(label)")
            #expect(try m.predict(xt).toDoubles() == (try SVMFixture.doubles(c["predict"])), "\(label)")
            #expect(SVMFixture.maxDifference(try m.predictProba(xt).toDoubles(), try SVMFixture.doubles(c["proba"])) < 1e-12, "\(label)")
            let r = try KNeighborsRegressor(nNeighbors: k, weights: weights)
            try r.fit(x, try Tensor.binary(.multiply, y.cast(to: .float64), 1.5), monitor: .silent)
            #expect(SVMFixture.maxDifference(try r.predict(xt).toDoubles(), try SVMFixture.doubles(c["regression"])) < 1e-9, "\(label)")
        }
    }

    /// Iris's one-decimal measurements put many training rows at exactly the same distance;
    /// which of them comes first then depends on the rounding of ‖x‖² − 2x·y + ‖y‖², which
    /// differs between BLAS builds. So a neighbour may differ from scikit-learn's only where
    /// the two are at the same exact distance (computed here directly, without cancellation).
    static func differOnlyInTies(_ ours: [Int], _ theirs: [Int], x: Tensor, queries: Tensor, k: Int) throws -> Bool {
        let xs = x.toDoubles(), qs = queries.toDoubles(), d = x.shape[1]
        func distance(_ q: Int, _ r: Int) -> Double {
            (0..<d).reduce(0) { $0 + (qs[q * d + $1] - xs[r * d + $1]) * (qs[q * d + $1] - xs[r * d + $1]) }
        }
        guard ours.count == theirs.count else { return false }
        for (n, (a, b)) in zip(ours, theirs).enumerated() where a != b {
            if abs(distance(n / k, a) - distance(n / k, b)) > 1e-9 { return false }
        }
        return true
    }

    @Test func badUseIsAnErrorNamingTheModel() throws {
        #expect(throws: ModelError.badHyperparameter(model: "KNeighborsClassifier", name: "weights", value: "\"far\"",
                                                     expected: "\"uniform\" or \"distance\"")) {
            try KNeighborsClassifier(weights: "far")
        }
        let m = try KNeighborsClassifier(nNeighbors: 3)
        #expect(throws: ModelError.notFitted(model: "KNeighborsClassifier")) { try m.predict(try Tensor.zeros([1, 2])) }
        #expect(throws: ModelError.self) { try m.fit(try Tensor.zeros([2, 2]), try Tensor.zeros([2]), monitor: .silent) }
        try m.fit(try Tensor.zeros([4, 2]), try Tensor(shape: [4], values: [0, 1, 1, 0]), monitor: .silent)
        #expect(throws: ModelError.featureCount(model: "KNeighborsClassifier", expected: 2, got: 3)) {
            try m.predict(try Tensor.zeros([1, 3]))
        }
    }
}
