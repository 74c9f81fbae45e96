import Foundation
import Testing
@testable import TensorKit

/// Deterministic float64 test data of `shape`: distinct values spread over about [-2, 2]
/// (no ties, so max/min and the kinks of abs, relu and clip are away from every element).
func sample(_ shape: [Int], seed: Double = 0, scale: Double = 2, shift: Double = 0) throws -> Tensor {
    let n = shape.reduce(1, *)
    let values = (0..<n).map { i in scale * sin(Double(i) * 1.7 + seed * 3.1 + 0.3) + shift }
    return try Tensor(shape: shape, values: values, dtype: .float64)
}

/// Positive data (for log, sqrt, pow and division): values in about [0.5, 2.5].
func positiveSample(_ shape: [Int], seed: Double = 0) throws -> Tensor {
    try sample(shape, seed: seed, scale: 1, shift: 1.5)
}

/// Checks the tape's gradients of `f` at `inputs` against central finite differences in
/// float64. A non-scalar result is contracted with fixed weights first, which checks the whole
/// vector-Jacobian product. Inputs may be non-contiguous views: the tape sees them as given,
/// the differences perturb contiguous copies holding the same values.
func checkGradients(_ inputs: [Tensor], eps: Double = 1e-6, rtol: Double = 1e-5, atol: Double = 1e-7,
                    sourceLocation: SourceLocation = #_sourceLocation,
                    _ f: ([Traced]) throws -> Traced) throws {
    func scalar(_ xs: [Traced]) throws -> Traced {
        let y = try f(xs)
        let weights = try sample(y.shape, seed: 7, scale: 1, shift: 0.25)
        return try (y * Traced(constant: weights.cast(to: y.dtype))).sum()
    }
    let tape = Tape()
    let leaves = inputs.map { tape.leaf($0) }
    let grads = try tape.backward(scalar(leaves))
    var copies = try inputs.map { try $0.copy() }
    for k in inputs.indices {
        let analytic = try grads[leaves[k]]
        #expect(analytic.shape == inputs[k].shape, "input \(k): gradient shape", sourceLocation: sourceLocation)
        #expect(analytic.dtype == inputs[k].dtype, "input \(k): gradient dtype", sourceLocation: sourceLocation)
        let p = copies[k].storage.pointer(Double.self) + copies[k].offset
        var numeric = [Double](repeating: 0, count: inputs[k].count)
        for i in numeric.indices {
            let original = p[i]
            p[i] = original + eps
            let up = try scalar(copies.map { Traced(constant: $0) }).value.item()
            p[i] = original - eps
            let down = try scalar(copies.map { Traced(constant: $0) }).value.item()
            p[i] = original
            numeric[i] = (up - down) / (2 * eps)
        }
        let expected = try Tensor(shape: inputs[k].shape, values: numeric, dtype: .float64)
        assertClose(analytic, expected, "input \(k) gradient", rtol: rtol, atol: atol, sourceLocation: sourceLocation)
        copies[k] = try inputs[k].copy()
    }
}

/// The gradients of `f` at `inputs` (one leaf each), for tests that check exact values.
func gradients(_ inputs: [Tensor], _ f: ([Traced]) throws -> Traced) throws -> [Tensor] {
    try Tape.valueAndGradients(at: inputs, of: f).gradients
}
