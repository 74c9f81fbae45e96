import Foundation
import Testing
import TensorKit
@testable import MNLLearn

/// Optimizers, schedules and clipping against PyTorch's (fixtures from
/// scripts/make-optimizer-fixtures.py), plus their error cases.
@Suite struct OptimizerTests {
    /// The rule a fixture case names, with its arguments.
    func optimizer(_ c: [String: Any]) throws -> Optimizer {
        let a = c["args"] as? [String: Any] ?? [:]
        func num(_ k: String, _ d: Double) -> Double { a[k] as? Double ?? (a[k] as? Int).map(Double.init) ?? d }
        func flag(_ k: String) -> Bool { a[k] as? Bool ?? false }
        let betas = a["betas"] as? [Double] ?? [0.9, 0.999]
        let rule: any UpdateRule
        switch try #require(c["op"] as? String) {
        case "SGD": rule = try SGD(momentum: num("momentum", 0), dampening: num("dampening", 0), nesterov: flag("nesterov"),
                                   weightDecay: num("weight_decay", 0))
        case "Adagrad": rule = try Adagrad(lrDecay: num("lr_decay", 0), weightDecay: num("weight_decay", 0),
                                           initialAccumulatorValue: num("initial_accumulator_value", 0), eps: num("eps", 1e-10))
        case "RMSprop": rule = try RMSprop(alpha: num("alpha", 0.99), eps: num("eps", 1e-8), weightDecay: num("weight_decay", 0),
                                           momentum: num("momentum", 0), centered: flag("centered"))
        case "Adam": rule = try Adam(beta1: betas[0], beta2: betas[1], eps: num("eps", 1e-8), weightDecay: num("weight_decay", 0),
                                     amsgrad: flag("amsgrad"))
        case "AdamW": rule = try Adam(beta1: betas[0], beta2: betas[1], eps: num("eps", 1e-8), weightDecay: num("weight_decay", 0.01),
                                      amsgrad: flag("amsgrad"), decoupled: true)
        case let other: throw OptimizerFixtureError.unknown(other)
        }
        return try Optimizer(rule, lr: num("lr", 0.001))
    }

    @Test func optimizersFollowPyTorch() throws {
        let cases = try PyTorchFixtures.cases("optimizers")
        #expect(cases.count == 11)
        for c in cases { try follow(c) }
    }

    func follow(_ c: [String: Any]) throws {
        let name = c["name"] as? String ?? "?"
        let opt = try optimizer(c)
        let params = try PyTorchFixtures.tensors(c["inputs"])
        let paths = ["0.weight", "0.bias"]
        let steps = try #require(c["gradients"] as? [Any])
        let trajectory = try #require(c["trajectory"] as? [Any])
        for (t, (step, expected)) in zip(steps, trajectory).enumerated() {
            let grads = try PyTorchFixtures.tensors(step)
            try opt.step(Array(zip(paths, params)), gradients: Dictionary(uniqueKeysWithValues: zip(paths, grads)))
            for (p, e) in zip(params, try PyTorchFixtures.tensors(expected)) {
                try PyTorchFixtures.expectClose(p, e, "\(name) step \(t + 1)")
            }
        }
    }

    @Test func float32ParametersStayFloat32AndTrackFloat64() throws {
        let c = try #require(try PyTorchFixtures.cases("optimizers").first { $0["name"] as? String == "adam" })
        let opt = try optimizer(c)
        let p = try PyTorchFixtures.tensors(c["inputs"])[0].cast(to: .float32)
        for step in try #require(c["gradients"] as? [Any]) {
            try opt.step([("w", p)], gradients: ["w": try PyTorchFixtures.tensors(step)[0]])
        }
        #expect(p.dtype == .float32)
        let last = try #require((c["trajectory"] as? [Any])?.last)
        try PyTorchFixtures.expectClose(p, try PyTorchFixtures.tensors(last)[0], tolerance: 1e-5, "adam in float32")
    }

    @Test func aViewParameterIsUpdatedThroughItsStorage() throws {
        let base = try Tensor(shape: [2, 3], elements: [1.0, 2, 3, 4, 5, 6])
        let column = try base.get([.all, .int(1)])  // a strided view: 2 and 5
        let opt = try Optimizer(SGD(), lr: 1)
        try opt.step([("c", column)], gradients: ["c": try Tensor(shape: [2], elements: [0.5, 1.0])])
        #expect(try base.toDoubles() == [1, 1.5, 3, 4, 4, 6])
    }

    @Test func aBadGradientLeavesEveryParameterAlone() throws {
        let a = try Tensor(shape: [2], elements: [1.0, 2]), b = try Tensor(shape: [2], elements: [3.0, 4])
        let opt = try Optimizer(SGD(), lr: 0.1)
        #expect(throws: LearnError.gradientMismatch(path: "b", parameter: [2], gradient: [3])) {
            try opt.step([("a", a), ("b", b)], gradients: ["a": try Tensor(shape: [2], elements: [1.0, 1]),
                                                           "b": try Tensor(shape: [3], elements: [1.0, 1, 1])])
        }
        #expect(try a.toDoubles() == [1, 2] && opt.state.isEmpty)
        let ints = try Tensor(shape: [2], elements: [Int64(1), 2])
        #expect(throws: LearnError.notFloatingPoint(path: "i", dtype: "int64")) {
            try opt.step([("i", ints)], gradients: ["i": ints])
        }
    }

    @Test func badHyperparametersNameThemselves() {
        #expect(throws: LearnError.badHyperparameter(owner: "SGD", name: "lr", value: -1, expected: "a number at least 0")) {
            try Optimizer(SGD(), lr: -1)
        }
        #expect(throws: LearnError.badHyperparameter(owner: "Adam", name: "beta2", value: 1, expected: "at least 0 and below 1")) {
            try Adam(beta2: 1)
        }
        #expect(throws: LearnError.incompatible(owner: "SGD", message: "nesterov=true needs momentum > 0 and dampening = 0")) {
            try SGD(nesterov: true)
        }
        #expect(LearnError.badHyperparameter(owner: "AdamW", name: "weight_decay", value: -0.5, expected: "a number at least 0").message
                == "AdamW: weight_decay must be a number at least 0, got -0.5")
        #expect(throws: LearnError.badHyperparameter(owner: "RMSprop", name: "alpha", value: 1.5, expected: "between 0 and 1")) {
            try RMSprop(alpha: 1.5)
        }
        #expect(throws: LearnError.badHyperparameter(owner: "CosineAnnealingLR", name: "T_max", value: 0, expected: "at least 1")) {
            try Schedule.cosine(tMax: 0, etaMin: 0).validated()
        }
    }

    @Test func schedulesFollowPyTorch() throws {
        let cases = try PyTorchFixtures.cases("schedules")
        #expect(cases.count == 4)
        for c in cases { try schedule(c) }
    }

    func schedule(_ c: [String: Any]) throws {
        let a = c["args"] as? [String: Any] ?? [:]
        let schedule: Schedule
        switch c["name"] as? String {
        case "step": schedule = .step(size: try #require(a["step_size"] as? Int), gamma: try #require(a["gamma"] as? Double))
        case "multistep": schedule = .multiStep(milestones: try #require(a["milestones"] as? [Int]), gamma: try #require(a["gamma"] as? Double))
        case "exponential": schedule = .exponential(gamma: try #require(a["gamma"] as? Double))
        default: schedule = .cosine(tMax: try #require(a["T_max"] as? Int), etaMin: try #require(a["eta_min"] as? Double))
        }
        let base = try #require(c["base"] as? Double)
        for (epoch, expected) in try #require(c["rates"] as? [Double]).enumerated() {
            let rate = try schedule.validated().rate(epoch: epoch, base: base)
            #expect(abs(rate - expected) <= 1e-12, "\(c["name"] ?? "?") epoch \(epoch): \(rate) vs \(expected)")
        }
    }

    @Test func clippingFollowsPyTorch() throws {
        let cases = try PyTorchFixtures.cases("clipping")
        #expect(cases.count == 5)
        for c in cases { try clip(c) }
    }

    func clip(_ c: [String: Any]) throws {
        let inputs = try PyTorchFixtures.tensors(c["inputs"])
        let expected = try PyTorchFixtures.tensors(c["expected_list"])
        let grads = ["a": inputs[0], "b": inputs[1]]
        let a = c["args"] as? [String: Any] ?? [:]
        let clipped: [String: Tensor]
        if c["op"] as? String == "clip_value" {
            clipped = try GradientClipping.byValue(grads, value: try #require(a["clip_value"] as? Double))
        } else {
            let norm = a["norm_type"] as? String == "inf" ? Double.infinity : try #require(a["norm_type"] as? Double)
            let result = try GradientClipping.byNorm(grads, maxNorm: try #require(a["max_norm"] as? Double), norm: norm)
            clipped = result.gradients
            let total = try #require(c["total"] as? Double)
            #expect(abs(result.total - total) <= 1e-12 * total)
        }
        try PyTorchFixtures.expectClose(try #require(clipped["a"]), expected[0], "\(c["name"] ?? "?") a")
        try PyTorchFixtures.expectClose(try #require(clipped["b"]), expected[1], "\(c["name"] ?? "?") b")
    }
}

enum OptimizerFixtureError: Error { case unknown(String) }
