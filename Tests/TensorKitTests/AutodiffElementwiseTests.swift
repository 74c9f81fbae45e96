import Testing
@testable import TensorKit

/// Finite-difference checks of the elementwise primitives, with broadcasting and views.
struct AutodiffElementwiseTests {
    @Test func arithmeticBroadcastsAndSumsBack() throws {
        let a = try sample([3, 1]), b = try positiveSample([4], seed: 1)
        try checkGradients([a, b]) { try $0[0] + $0[1] }
        try checkGradients([a, b]) { try $0[0] - $0[1] }
        try checkGradients([a, b]) { try $0[0] * $0[1] }
        try checkGradients([a, b]) { try $0[0] / $0[1] }
        try checkGradients([a]) { try -$0[0] }
        try checkGradients([try sample([2, 3, 4]), try sample([3, 1], seed: 2)]) { try $0[0] * $0[1] - $0[1] }
    }

    @Test func scalarOperandsOnBothSides() throws {
        let x = try positiveSample([2, 3])
        try checkGradients([x]) { try ($0[0] + 2) * 3 - 1 }
        try checkGradients([x]) { try 2 - $0[0] / 4 }
        try checkGradients([x]) { try 3 / $0[0] + 1 * $0[0] }
    }

    @Test func powerWithTensorAndScalarExponents() throws {
        let base = try positiveSample([2, 3]), exponent = try sample([3], seed: 3, scale: 1.5)
        try checkGradients([base, exponent]) { try Traced.pow($0[0], $0[1]) }
        try checkGradients([base]) { try $0[0].pow(2) }
        try checkGradients([base]) { try $0[0].pow(-1.5) }
        try checkGradients([base]) { try $0[0].pow(0.5) }
        try checkGradients([exponent]) { try Traced.pow(2.5, $0[0]) }
        // x^0 has gradient 0; 0^b has an exponent gradient of 0, not NaN.
        let g = try gradients([base]) { try $0[0].pow(0).sum() }
        #expect(g[0].toDoubles().allSatisfy { $0 == 0 })
        let zeroBase = try Tensor(shape: [2], values: [0, 2], dtype: .float64)
        let h = try gradients([try Tensor(shape: [2], values: [2, 3], dtype: .float64)]) {
            try Traced.pow(Traced(constant: zeroBase), $0[0]).sum()
        }
        #expect(h[0].toDoubles()[0] == 0)
    }

    @Test func unaryMath() throws {
        let x = try sample([3, 4]), p = try positiveSample([3, 4])
        try checkGradients([x]) { try $0[0].exp() }
        try checkGradients([p]) { try $0[0].log() }
        try checkGradients([p]) { try $0[0].sqrt() }
        try checkGradients([x]) { try $0[0].abs() }
        try checkGradients([x]) { try $0[0].tanh() }
        try checkGradients([x]) { try $0[0].sigmoid() }
    }

    @Test func extremaClipAndWhere() throws {
        let a = try sample([3, 4]), b = try sample([4], seed: 5)
        try checkGradients([a, b]) { try Traced.maximum($0[0], $0[1]) }
        try checkGradients([a, b]) { try Traced.minimum($0[0], $0[1]) }
        try checkGradients([a]) { try Traced.maximum($0[0], 0.3) }
        try checkGradients([a]) { try Traced.minimum($0[0], -0.2) }
        try checkGradients([a]) { try $0[0].clip(min: -1, max: 1) }
        try checkGradients([a]) { try $0[0].clip(min: nil, max: 0.5) }
        let condition = try Tensor.binary(.greater, sample([3, 1], seed: 9), 0)
        try checkGradients([a, b]) { try Traced.where(condition, $0[0], $0[1]) }
        try checkGradients([a]) { try Traced.where(condition, $0[0], 2) }
        try checkGradients([b]) { try Traced.where(condition, -1, $0[0]) }
    }

    @Test func tiesAndKinksFollowTheDocumentedChoices() throws {
        let a = try Tensor(shape: [3], values: [1, 2, 3], dtype: .float64)
        let b = try Tensor(shape: [3], values: [1, 5, 0], dtype: .float64)
        let g = try gradients([a, b]) { try Traced.maximum($0[0], $0[1]).sum() }
        #expect(g[0].toDoubles() == [0.5, 0, 1])
        #expect(g[1].toDoubles() == [0.5, 1, 0])
        let k = try Tensor(shape: [3], values: [-1, 0, 1], dtype: .float64)
        #expect(try gradients([k]) { try $0[0].abs().sum() }[0].toDoubles() == [-1, 0, 1])
        #expect(try gradients([k]) { try $0[0].relu().sum() }[0].toDoubles() == [0, 0, 1])
        #expect(try gradients([k]) { try $0[0].clip(min: -1, max: 0).sum() }[0].toDoubles() == [1, 1, 0])
    }

    @Test func reluKeepsNaNAndPassesGradientsWhereTheOutputIsPositive() throws {
        // PyTorch: relu(nan) is nan; the gradient flows only where the output is positive.
        let x = try Tensor(shape: [4], values: [.nan, -2, 0, 3], dtype: .float32)
        let y = try Traced(constant: x).relu().value.toDoubles()
        #expect(y[0].isNaN && Array(y[1...]) == [0, 0, 3])
        // The one-pass rule (contiguous, same dtype) and the fallback for a strided gradient agree.
        let out = try Tensor(shape: [2, 3], values: [1, 0, -1, 2, 0.5, 0], dtype: .float64)
        let g = try Tensor(shape: [3, 2], values: [1, 2, 3, 4, 5, 6], dtype: .float64).T
        let strided = try Tensor.reluGradient(g, output: out).toDoubles()
        let contiguous = try Tensor.reluGradient(g.contiguous(), output: out).toDoubles()
        #expect(strided == [1, 0, 0, 2, 4, 0] && contiguous == strided)
    }

    @Test func nonContiguousInputs() throws {
        // A transposed leaf and a strided, reversed slice of one.
        let base = try sample([4, 3])
        try checkGradients([base.T, try sample([3, 4], seed: 2)]) { try ($0[0] * $0[1]).exp() }
        let strided = try sample([6, 5]).get([.slice(start: nil, stop: nil, step: 2), .slice(start: nil, stop: nil, step: -2)])
        #expect(!strided.isContiguous)
        try checkGradients([strided]) { try $0[0].tanh() * $0[0] }
        try checkGradients([try sample([3]).broadcast(to: [2, 3])]) { try $0[0] * $0[0] }
    }
}
