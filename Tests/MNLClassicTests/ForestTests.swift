import Testing
import TensorKit
@testable import MNLClassic

@Suite struct ForestTests {
    static func digits() throws -> (x: Tensor, y: Tensor, xTest: Tensor, yTest: Tensor) {
        let c = try #require(try TreeFixtures.cases("tree-digits").first)
        return (try TreeFixtures.tensor(c["x"]), try TreeFixtures.tensor(c["y"]),
                try TreeFixtures.tensor(c["x_test"]), try TreeFixtures.tensor(c["y_test"]))
    }

    /// Each tree draws from its own generator, seeded from the forest's before any tree
    /// starts, so one core or two build the same trees.
    @Test func sameForestOnOneCoreOrTwo() throws {
        let (x, y, _, _) = try Self.digits()
        var forests = [[TreeStructure]]()
        for jobs: HyperValue in [.int(1), .none] {
            let forest = try RandomForestClassifier(parameters: ["n_estimators": .int(6), "random_state": .int(3), "n_jobs": jobs],
                                                    generator: RandomGenerator(seed: 0))
            try forest.fit(x, y, monitor: .silent)
            forests.append(forest.trees)
        }
        #expect(forests[0].count == 6 && forests[0] == forests[1])
    }

    /// Held-out accuracy on 150 cropped digits (14×14 centre, 100 held out) with 50 trees.
    /// scikit-learn 1.9.1's RandomForestClassifier(n_estimators=50) with random_state 0...9
    /// scores 0.68 to 0.77, mean 0.734 (forest-small-digits.json, from
    /// scripts/make-classic-fixtures-trees.py). The mean of five of our seeds must be within 0.03
    /// of that mean: 0.03 is about two standard errors of a five-seed mean for this spread.
    @Test func accuracyAsScikitLearnsOnSmallDigits() throws {
        let (x, y, xTest, yTest) = try Self.digits()
        let reference = try #require(try TreeFixtures.cases("forest-small-digits").first?["mean"] as? Double)
        var scores = [Double]()
        for seed in 0..<5 {
            let forest = try RandomForestClassifier(parameters: ["n_estimators": .int(50), "random_state": .int(seed)],
                                                    generator: RandomGenerator(seed: 0))
            try forest.fit(x, y, monitor: .silent)
            scores.append(TreeFixtures.accuracy(try forest.predict(xTest), yTest))
        }
        let mean = scores.reduce(0, +) / Double(scores.count)
        #expect(mean >= reference - 0.03, "our mean \(mean) (\(scores)), scikit-learn's \(reference)")
    }

    /// Probabilities are the mean of the trees' leaf fractions; importances sum to 1.
    @Test func probabilitiesAndImportances() throws {
        let (x, y, xTest, _) = try Self.digits()
        let forest = try RandomForestClassifier(parameters: ["n_estimators": .int(5), "random_state": .int(1)], generator: RandomGenerator(seed: 0))
        try forest.fit(x, y, monitor: .silent)
        let p = try forest.predictProba(xTest)
        #expect(p.shape == [xTest.shape[0], 10])
        let rowSums = (0..<p.shape[0]).map { i in (0..<10).reduce(0.0) { $0 + ((try? p.value(atFlatIndex: i * 10 + $1)) ?? 0) } }
        #expect(rowSums.allSatisfy { abs($0 - 1) < 1e-12 })
        guard case .tensor(let importances)? = forest.fittedAttributes.first(where: { $0.name == "feature_importances_" })?.value else {
            Issue.record("no feature_importances_"); return
        }
        #expect(abs(importances.toDoubles().reduce(0, +) - 1) < 1e-12)
    }

    /// Ctrl-C between trees: the fit stops and the model keeps its previous trees.
    @Test func interruptedFitKeepsThePreviousForest() throws {
        let (x, y, _, _) = try Self.digits()
        let forest = try RandomForestClassifier(parameters: ["n_estimators": .int(4), "random_state": .int(1)], generator: RandomGenerator(seed: 0))
        try forest.fit(x, y, monitor: .silent)
        let before = forest.trees
        let stopAfterFirst = FitMonitor(total: { _, _ in }, step: { done, _ in if done >= 1 { throw TensorError.interrupted } })
        #expect(throws: TensorError.interrupted) { try forest.fit(x.get([.slice(start: 0, stop: 100, step: nil)]), y.get([.slice(start: 0, stop: 100, step: nil)]), monitor: stopAfterFirst) }
        #expect(forest.trees == before)
    }

    /// A saved forest (every tree's arrays as tensors) loads back and predicts the same; a
    /// tree whose child points backwards is refused, not followed.
    @Test func savedForestRestores() throws {
        let (x, y, xTest, _) = try Self.digits()
        let forest = try RandomForestClassifier(parameters: ["n_estimators": .int(3), "random_state": .int(2)], generator: RandomGenerator(seed: 0))
        try forest.fit(x, y, monitor: .silent)
        let state = forest.savedState()
        let back = try RandomForestClassifier(parameters: ["n_estimators": .int(3)], generator: RandomGenerator(seed: 0))
        try back.restore(state)
        #expect(try back.predictProba(xTest).toDoubles() == forest.predictProba(xTest).toDoubles())
        var broken = state
        broken["trees.1.children_left"] = try Tensor(shape: [forest.trees[1].nodeCount], elements: [Int64](repeating: 0, count: forest.trees[1].nodeCount))
        #expect(throws: ModelError.self) { try back.restore(broken) }
    }
}
