import Testing
import TensorKit
@testable import MNLClassic

/// Saving and restoring, and the Estimator contract's promises: a stopped fit keeps the
/// previous state, bad saved states are refused with the tensor named.
@Suite struct SVMStateTests {
    let x: Tensor
    let y: Tensor

    init() throws {
        x = try Tensor(shape: [9, 2], values: [0, 0, 0.5, 0.2, 0.2, 0.6, 5, 5, 5.5, 4.8, 4.7, 5.3, 0, 5, 0.4, 5.5, -0.3, 4.6], dtype: .float64)
        y = try Tensor(shape: [9], values: [2, 2, 2, 7, 7, 7, 9, 9, 9], dtype: .int64)
    }

    @Test func everyModelRestoresToTheSamePredictions() throws {
        var h = SVCHyperparameters()
        h.gamma = .double(0.5)
        let models: [any Estimator] = [try SVC(h), try LinearSVC(), try KernelRidge(kernel: "rbf"),
                                       try KNeighborsClassifier(nNeighbors: 3), try KNeighborsRegressor(nNeighbors: 2)]
        let fresh: [any Estimator] = [try SVC(h), try LinearSVC(), try KernelRidge(kernel: "rbf"),
                                      try KNeighborsClassifier(nNeighbors: 3), try KNeighborsRegressor(nNeighbors: 2)]
        for (m, copy) in zip(models, fresh) {
            try m.fit(x, y, monitor: .silent)
            try copy.restore(m.savedState())
            #expect(try copy.predict(x).toDoubles() == (try m.predict(x)).toDoubles(), "\(m.kind)")
        }
    }

    @Test func aStoppedFitKeepsThePreviousModel() throws {
        let m = try SVC()
        try m.fit(x, y, monitor: .silent)
        let before = try m.decisionFunction(x).toDoubles()
        let flag = CancellationFlag()
        flag.cancel()
        let twice = try Tensor.concatenate([x, x], axis: 0)
        let labels = try Tensor.concatenate([y, y], axis: 0)
        #expect(throws: TensorError.interrupted) {
            try Cancellation.$current.withValue(flag) { try m.fit(twice, labels, monitor: .silent) }
        }
        #expect(try m.decisionFunction(x).toDoubles() == before)
        #expect(m.fitted?.supportVectors.rows ?? 0 <= 9)
    }

    @Test func badSavedStatesAreRefused() throws {
        let m = try SVC()
        try m.fit(x, y, monitor: .silent)
        var state = m.savedState()
        state["rho"] = try Tensor.zeros([2], dtype: .float64)
        #expect(throws: ModelError.self) { try SVC().restore(state) }
        state.removeValue(forKey: "sv_coef")
        #expect(throws: ModelError.badSavedState(model: "SVC", message: "the saved state has no 'sv_coef'")) { try SVC().restore(state) }
    }

    /// The kernel cache bounded to two rows recomputes rows but reaches the same solution.
    @Test func aTinyCacheGivesTheSameModel() throws {
        var small = SVCHyperparameters()
        small.cacheSize = 1e-6
        let a = try SVC(small), b = try SVC()
        try a.fit(x, y, monitor: .silent)
        try b.fit(x, y, monitor: .silent)
        #expect(try a.decisionFunction(x).toDoubles() == (try b.decisionFunction(x)).toDoubles())
    }

    /// libsvm's default stopping: with shrinking off the same optimum within tolerance.
    @Test func shrinkingDoesNotChangeTheSolution() throws {
        var off = SVCHyperparameters()
        off.shrinking = false
        let a = try SVC(off), b = try SVC()
        try a.fit(x, y, monitor: .silent)
        try b.fit(x, y, monitor: .silent)
        let d = SVMFixture.maxDifference(try a.decisionFunction(x).toDoubles(), try b.decisionFunction(x).toDoubles())
        #expect(d < 1e-2)
    }
}
