/// Matrix products in every form `Tensor.matmul` supports: vector·vector, matrix·vector,
/// vector·matrix, matrix·matrix and batched products with broadcast batch axes.

extension Traced {
    /// NumPy's `matmul`. With A (…, m, k), B (…, k, n) and G the output's cotangent
    /// (…, m, n): dA = G Bᵀ and dB = Aᵀ G, transposes passed to BLAS as flags. A vector
    /// operand is treated as a one-row (left) or one-column (right) matrix, and the axis the
    /// forward removed is put back into G; broadcast batch axes are summed by `Tape.fit`.
    public static func matmul(_ a: Traced, _ b: Traced) throws -> Traced {
        let out = try Tensor.matmul(a.value, b.value)
        let vecLeft = a.ndim == 1, vecRight = b.ndim == 1
        let am = try vecLeft ? a.value.reshape([1, a.count]) : a.value
        let bm = try vecRight ? b.value.reshape([b.count, 1]) : b.value
        func matrixForm(_ g: Tensor) throws -> Tensor {
            if vecLeft && vecRight { return try g.reshape(g.shape + [1, 1]) }
            if vecLeft { return try g.expandDims(g.ndim - 1) }
            if vecRight { return try g.expandDims(g.ndim) }
            return g
        }
        return try record(out,
                          (a, { g in
                              // (…, m, k); a vector's gradient drops its row axis, then fit sums the batch.
                              let ga = try Tensor.matmul(matrixForm(g), bm.swapAxes(-1, -2))
                              return vecLeft ? try ga.squeeze([-2]) : ga
                          }),
                          (b, { g in
                              let gb = try Tensor.matmul(am.swapAxes(-1, -2), matrixForm(g))
                              return vecRight ? try gb.squeeze([-1]) : gb
                          }))
    }
}
