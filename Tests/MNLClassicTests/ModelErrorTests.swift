import Testing
@testable import MNLClassic

@Suite struct ModelErrorTests {
    @Test func messagesNameTheModelAndTheParameter() {
        #expect(ModelError.badHyperparameter(model: "SVC", name: "C", value: "-1", expected: "positive").message
                == "SVC: C must be positive, got -1")
        #expect(ModelError.notFitted(model: "KMeans").message == "this KMeans is not fitted yet: call fit(x, y) first")
        #expect(ModelError.featureCount(model: "Ridge", expected: 784, got: 1).message
                == "Ridge was fitted on 784 features, but x has 1")
    }
}
