/// PyTorch's `linear`: y = x Wᵀ with W stored (out, in). Written as one primitive rather
/// than `matmul(x, W.transpose())` for speed only: through the transpose, W's gradient would
/// come back as a transposed view that every optimizer step copies; here it is computed in
/// W's own layout, dW = Gᵀ x (BLAS takes the transposes as flags), and dx = G W.
extension Traced {
    /// x (…, in) times weight (out, in) transposed: (…, out).
    public static func linear(_ x: Traced, _ weight: Traced) throws -> Traced {
        guard weight.ndim == 2, x.ndim >= 1, x.shape.last == weight.shape[1] else {
            throw TensorError.shapeMismatch(op: "linear", lhs: x.shape, rhs: weight.shape)
        }
        let out = try Tensor.matmul(x.value, weight.value.transpose())
        // Batch axes of x fold into rows for the weight's gradient.
        let rows = x.value.count / weight.shape[1]
        return try record(out,
                          (x, { g in try Tensor.matmul(g, weight.value) }),
                          (weight, { g in
                              let g2 = try g.reshape([rows, weight.shape[0]])
                              let x2 = try x.value.reshape([rows, weight.shape[1]])
                              return try Tensor.matmul(g2.transpose(), x2)
                          }))
    }
}
