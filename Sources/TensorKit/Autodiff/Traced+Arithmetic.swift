/// Arithmetic primitives, each with its gradient rule beside its forward. Results broadcast and
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
