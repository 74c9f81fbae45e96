import Testing
@testable import TensorKit

/// Values and gradients against PyTorch (float64, CPU), from Fixtures/autodiff.json, which
/// scripts/make-autodiff-fixtures.py wrote. Each function here mirrors the Python one of its
/// case; integer inputs are labels or indices (constants).
struct AutodiffTorchFixtureTests {
    typealias Function = @Sendable ([Traced]) throws -> Traced

    static let functions: [String: Function] = [
        "mlp": { p in
            let hidden = try (Traced.matmul(p[0], p[2]) + p[3]).relu()
            return try Traced.crossEntropy(Traced.matmul(hidden, p[4]) + p[5], labels: p[1].value)
        },
        "cnn": { p in
            let y = try Traced.conv2d(p[0], p[1], bias: p[2], padding: (1, 1)).relu().maxPool2d(kernel: (2, 2))
            return try y.pow(2)
        },
        "conv_strided": { p in try Traced.conv2d(p[0], p[1], bias: p[2], stride: (2, 2), padding: (1, 1)) },
        "avg_pool_padded": { p in try p[0].avgPool2d(kernel: (3, 3), stride: (2, 2), padding: (1, 1)).pow(2) },
        "cross_entropy_huge_logits": { p in try Traced.crossEntropy(p[0], labels: p[1].value) },
        "log_softmax": { p in
            try p[0].logSoftmax(axis: -1) * Traced(constant: Tensor.arange(0, 5, dtype: .float64))
        },
        "logsumexp_std_norm": { p in
            try p[0].logsumexp(axes: [1]) + p[0].std(axes: [0], ddof: 1).sum() + p[0].norm(axes: [1])
        },
        "maximum_ties": { p in try Traced.maximum(p[0], p[1]) },
        "amax_ties": { p in try p[0].max(axes: [1]) },
        "gather_repeated": { p in
            let picked = try p[0].get([.tensor(p[1].value)])
            return try picked * picked
        },
        "bce_with_logits": { p in try Traced.binaryCrossEntropyWithLogits(p[0], p[1]) },
        "batched_matmul_broadcast": { p in try Traced.matmul(p[0], p[1]) },
        "pow_sigmoid_tanh": { p in try Traced.pow(p[0], p[1]).sigmoid() * p[1].tanh() },
        "variance_keepdims": { p in try p[0].variance(axes: [0, 2], keepdims: true) * p[0] },
        "concat_stack_split": { p in
            try Traced.stack(Traced.concat([p[0], p[1]], axis: 1).split(sections: 2, axis: 1), axis: 0).sum(axes: [0]).pow(2)
        },
        "mask_take_along": { p in
            let masked = try p[0].get([.tensor(Tensor.binary(.greater, p[0].value, 0))]).exp().sum()
            return try masked + p[0].takeAlong(p[1].value, axis: 1).pow(2)
        },
        "clip_where_minimum": { p in
            try Traced.where(Tensor.binary(.greater, p[0].value, 0), p[0].clip(min: -0.5, max: 0.5), Traced.minimum(p[0], p[1])) * p[1]
        },
        "softmax_axis0_mse": { p in try Traced.mseLoss(p[0].softmax(axis: 0), p[1]) },
        "gelu_exact_and_tanh": { p in try p[0].gelu() + p[0].gelu(approximate: .tanh).pow(2) },
    ]

    @Test func everyCaseMatchesPyTorch() throws {
        let cases = try loadFixture("autodiff")
        #expect(cases.count == Self.functions.count)
        for c in cases {
            let name = try #require(c["name"] as? String)
            let f = try #require(Self.functions[name], "no function for fixture case \(name)")
            let inputs = try #require(c["inputs"] as? [Any]).map(decodeTensor)
            let tape = Tape()
            let leaves = inputs.map { tape.leaf($0) }
            let y = try f(leaves)
            assertClose(y.value, try decodeTensor(c["value"]), "\(name) value", rtol: 1e-10, atol: 1e-10)
            let grads = try tape.backward(y.sum())
            let expected = try #require(c["grads"] as? [Any]).map(decodeTensor)
            let traced = leaves.filter(\.isTraced)
            #expect(traced.count == expected.count, "\(name): gradient count")
            for (k, (leaf, want)) in zip(traced, expected).enumerated() {
                assertClose(try grads[leaf], want, "\(name) gradient \(k)", rtol: 1e-9, atol: 1e-10)
            }
        }
    }
}
