import MNLLearn
import MNLRuntime
@testable import MNLStdlib
import MNLSyntax
import Testing
import TensorKit

/// `grad` with respect to a model: a stand-in for the nn binding's model objects (a
/// `ParameterHolder` that calls its layer through the differentiation's forward run), so
/// that the path from a model argument to a record of gradients by parameter path is
/// checked here, against the same gradient taken with the weights passed as tensors.
@Suite struct GradientModelTests {
    final class StandInModel: NativeObject, ParameterHolder {
        let layer: Linear

        init(_ layer: Linear) {
            self.layer = layer
            super.init(StandInModel.declaration)
        }

        var parameterEntries: [ParameterEntry] { layer.namedParameters() }

        nonisolated(unsafe) static let declaration = NativeClass(name: "StandInModel", of: StandInModel.self, doc: "A Linear layer for tests.") { c in
            c.call { model, a, ctx in
                guard let input = a.allPositional.first else { throw Diagnostic(.missingArgument(function: "StandInModel", name: "x"), at: nil) }
                let x = try TensorConversion.traced(input, argument: "StandInModel")
                let run = DifferentiationState.of(ctx.session).run ?? ForwardRun(generator: RandomGenerator(seed: 0))
                return try bridging { .traced(try model.layer.forward(x, run)) }
            }
        }
    }

    @Test func aModelsGradientIsARecordByParameterPath() throws {
        let session = Stdlib.makeSession(output: { _ in })
        let layer = try Linear(3, 2, dtype: .float64, using: RandomGenerator(seed: 7))
        let model = StandInModel(layer), weight = layer.weight, bias = try #require(layer.bias)
        session.install(global: "model") { .native(model) }
        session.install(global: "weight") { .tensor(weight) }
        session.install(global: "bias") { .tensor(bias) }
        let program = """
            x = tensor([[1, 2, 3], [-1, 0, 2]], dtype="f64")
            g = grad(fn(m, x) { sum(m(x) ** 2) })(model, x)
            by_hand = grad(fn(w, b) { sum((x @ w.T + b) ** 2) }, argnums=(0, 1))(weight, bias)
            (keys(g), allclose(g["weight"], by_hand[0]), allclose(g["bias"], by_hand[1]), g["weight"].shape)
            """
        let result = session.run(program, name: "model")
        guard case .success(let v?) = result else { Issue.record("the program failed: \(result)"); return }
        #expect(v.rendered() == "([\"weight\", \"bias\"], true, true, (2, 3))")
        // The forward run is the session's again: outside grad the model computes on constants.
        #expect(DifferentiationState.of(session).run == nil)
    }
}
