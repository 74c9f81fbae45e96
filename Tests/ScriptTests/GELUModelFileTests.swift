import MNLLearn
@testable import MNLStdlib
import Testing
import TensorKit

/// A GELU's form in a model file's architecture: written as PyTorch's `approximate`, read
/// back as written, and read as the tanh form from files made before the exact form existed
/// (their GELU was the tanh approximation, which is what their weights were trained with).
@Suite struct GELUModelFileTests {
    @Test func theFormIsWrittenAndReadBack() throws {
        for form in GELUApproximation.allCases {
            let description = try LayerSpec.describe(Activation(.gelu(form)))
            #expect(description["approximate"] as? String == form.rawValue)
            let rebuilt = try #require(try LayerSpec.build(description) as? Activation)
            #expect(rebuilt.kind == .gelu(form))
        }
    }

    @Test func olderFilesWithoutTheFormGetTheTanhApproximation() throws {
        let rebuilt = try #require(try LayerSpec.build(["type": "GELU"]) as? Activation)
        #expect(rebuilt.kind == .gelu(.tanh))
        #expect(throws: LayerSpec.Failure.self) { try LayerSpec.build(["type": "GELU", "approximate": "erf"]) }
    }
}
