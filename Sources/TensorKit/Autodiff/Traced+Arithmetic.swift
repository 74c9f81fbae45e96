/// Arithmetic and matrix-product primitives, each with its gradient rule beside its forward. Results broadcast and
/// promote as TensorKit's `binary` does; the rules may return gradients in the output's
/// (broadcast) shape, which `Tape.fit` sums back to each input's shape.

extension Traced {
    public static func add(_ a: Traced, _ b: Traced) throws -> Traced {
        try record(Tensor.binary(.add, a.value, b.value), (a, { $0 }), (b, { $0 }))
    }

    public static func subtract(_ a: Traced, _ b: Traced) throws -> Traced {
        try record(Tensor.binary(.subtract, a.value, b.value), (a, { $0 }), (b, { try $0.unary(.negative) }))
    }

    public static func multiply(_ a: Traced, _ b: Traced) throws -> Traced {
        try record(Tensor.binary(.multiply, a.value, b.value),
                   (a, { try Tensor.binary(.multiply, $0, b.value) }),
                   (b, { try Tensor.binary(.multiply, $0, a.value) }))
    }

    /// d(a/b)/db = -a/b² = -(a/b)/b, computed from the output.
    public static func divide(_ a: Traced, _ b: Traced) throws -> Traced {
        let out = try Tensor.binary(.divide, a.value, b.value)
        return try record(out,
                          (a, { try Tensor.binary(.divide, $0, b.value) }),
                          (b, { g in try Tensor.binary(.divide, Tensor.binary(.multiply, g, out), b.value).unary(.negative) }))
    }

    public func negated() throws -> Traced {
        try Traced.record(value.unary(.negative), (self, { try $0.unary(.negative) }))
    }

    /// `a ** b` for two tensors. The exponent's gradient is `a^b · log a`, taken as 0 where
    /// a == 0 (the limit for b > 0, and PyTorch's choice), instead of 0 · -inf = NaN.
    public static func pow(_ a: Traced, _ b: Traced) throws -> Traced {
        let out = try Tensor.binary(.power, a.value, b.value)
        return try record(out,
                          (a, { g in
                              let lower = try Tensor.binary(.power, a.value, Tensor.binary(.subtract, b.value, 1))
                              return try Tensor.binary(.multiply, g, Tensor.binary(.multiply, b.value, lower))
                          }),
                          (b, { g in
                              let logA = try Tensor.where(Tensor.binary(.equal, a.value, 0), 0, a.value.unary(.log))
                              return try Tensor.binary(.multiply, g, Tensor.binary(.multiply, out, logA))
                          }))
    }

    /// `a ** p` for a scalar exponent: p · a^(p-1).
    public func pow(_ p: Double) throws -> Traced {
        try Traced.record(value.pow(p), (self, { g in
            if p == 0 { return try Tensor.zeros(g.shape, dtype: g.dtype) }
            let slope = p == 2 ? try Tensor.binary(.multiply, value, 2) : try Tensor.binary(.multiply, value.pow(p - 1), p)
            return try Tensor.binary(.multiply, g, slope)
        }))
    }

    /// `base ** x` for a scalar base: base^x · log(base).
    public static func pow(_ base: Double, _ x: Traced) throws -> Traced {
        let out = try Tensor.binary(.power, base, x.value)
        return try record(out, (x, { try Tensor.binary(.multiply, Tensor.binary(.multiply, $0, out), Double.log(base)) }))
    }

    // MARK: With a scalar (weak, as TensorKit's scalars: a float32 tensor stays float32)

    public static func add(_ a: Traced, _ s: Double) throws -> Traced {
        try record(Tensor.binary(.add, a.value, s), (a, { $0 }))
    }

    public static func subtract(_ a: Traced, _ s: Double) throws -> Traced {
        try record(Tensor.binary(.subtract, a.value, s), (a, { $0 }))
    }

    public static func subtract(_ s: Double, _ b: Traced) throws -> Traced {
        try record(Tensor.binary(.subtract, s, b.value), (b, { try $0.unary(.negative) }))
    }

    public static func multiply(_ a: Traced, _ s: Double) throws -> Traced {
        try record(Tensor.binary(.multiply, a.value, s), (a, { try Tensor.binary(.multiply, $0, s) }))
    }

    public static func divide(_ a: Traced, _ s: Double) throws -> Traced {
        try record(Tensor.binary(.divide, a.value, s), (a, { try Tensor.binary(.divide, $0, s) }))
    }

    /// d(s/b)/db = -s/b² = -(s/b)/b.
    public static func divide(_ s: Double, _ b: Traced) throws -> Traced {
        let out = try Tensor.binary(.divide, s, b.value)
        return try record(out, (b, { g in try Tensor.binary(.divide, Tensor.binary(.multiply, g, out), b.value).unary(.negative) }))
    }
}

// MARK: - Operators for Swift callers

extension Traced {
    public static func + (a: Traced, b: Traced) throws -> Traced { try add(a, b) }
    public static func - (a: Traced, b: Traced) throws -> Traced { try subtract(a, b) }
    public static func * (a: Traced, b: Traced) throws -> Traced { try multiply(a, b) }
    public static func / (a: Traced, b: Traced) throws -> Traced { try divide(a, b) }
    public static func + (a: Traced, s: Double) throws -> Traced { try add(a, s) }
    public static func + (s: Double, a: Traced) throws -> Traced { try add(a, s) }
    public static func - (a: Traced, s: Double) throws -> Traced { try subtract(a, s) }
    public static func - (s: Double, b: Traced) throws -> Traced { try subtract(s, b) }
    public static func * (a: Traced, s: Double) throws -> Traced { try multiply(a, s) }
    public static func * (s: Double, a: Traced) throws -> Traced { try multiply(a, s) }
    public static func / (a: Traced, s: Double) throws -> Traced { try divide(a, s) }
    public static func / (s: Double, b: Traced) throws -> Traced { try divide(s, b) }
    public static prefix func - (a: Traced) throws -> Traced { try a.negated() }
}

// MARK: - Matrix products, in every form `Tensor.matmul` supports: vector·vector,
// matrix·vector, vector·matrix, matrix·matrix and batches with broadcast batch axes.

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
