/// Reading the SGD models' hyperparameters (scikit-learn's names) into `SGDSettings`.
enum SGDParameters {
    enum Model { case classifier, regressor, perceptron }

    /// Each model's constructor parameters, in scikit-learn's order.
    static func names(_ model: Model) -> [String] {
        switch model {
        case .classifier, .regressor:
            ["loss", "penalty", "alpha", "l1_ratio", "fit_intercept", "max_iter", "tol", "shuffle", "epsilon", "random_state",
             "learning_rate", "eta0", "power_t", "n_iter_no_change"]
        case .perceptron:
            ["penalty", "alpha", "l1_ratio", "fit_intercept", "max_iter", "tol", "shuffle", "eta0", "random_state", "n_iter_no_change"]
        }
    }

    static func settings(_ h: Hyperparameters, losses: [SGDLoss], perceptron: Bool) throws -> SGDSettings {
        let loss = perceptron ? SGDLoss.perceptron : SGDLoss(rawValue: try h.string("loss", oneOf: losses.map(\.rawValue))) ?? .hinge
        let penalty: SGDSettings.Penalty = h.values["penalty"] == HyperValue.none ? .none
            : SGDSettings.Penalty(rawValue: try h.string("penalty", oneOf: ["l2", "l1", "elasticnet"])) ?? .l2
        let schedule = perceptron ? SGDSettings.Schedule.constant
            : SGDSettings.Schedule(rawValue: try h.string("learning_rate", oneOf: SGDSettings.Schedule.allCases.map(\.rawValue))) ?? .optimal
        let alpha = try h.double("alpha", expected: "a number ≥ 0") { $0 >= 0 }
        if schedule == .optimal && alpha == 0 { throw h.bad("alpha", "positive with learning_rate=\"optimal\"") }
        let eta0 = try h.double("eta0", expected: "a number ≥ 0") { $0 >= 0 }
        if schedule != .optimal && eta0 == 0 { throw h.bad("eta0", "positive with learning_rate=\"\(schedule.rawValue)\"") }
        let tol: Double? = h.values["tol"] == HyperValue.none ? nil : try h.double("tol", expected: "a number or nil")
        let seed = try h.optionalInt("random_state", expected: "an integer ≥ 0 or nil") { $0 >= 0 } ?? 0
        return SGDSettings(
            loss: loss, penalty: penalty, alpha: alpha, l1Ratio: try h.double("l1_ratio", expected: "a number in [0, 1]") { (0...1).contains($0) },
            fitIntercept: try h.bool("fit_intercept"), maxIter: try h.int("max_iter", expected: "a positive integer") { $0 >= 1 },
            tol: tol, shuffle: try h.bool("shuffle"),
            epsilon: perceptron ? 0.1 : try h.double("epsilon", expected: "a number ≥ 0") { $0 >= 0 }, seed: UInt64(seed),
            schedule: schedule, eta0: eta0, powerT: perceptron ? 0.5 : try h.double("power_t"),
            iterationsWithoutChange: try h.int("n_iter_no_change", expected: "a positive integer") { $0 >= 1 })
    }
}
