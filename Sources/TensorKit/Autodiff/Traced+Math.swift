/// Elementwise math primitives and selections, each with its gradient rule. Rules that can
/// be written from the output (exp, sqrt, tanh, sigmoid) capture the output, not the input.
///
/// Ties and kinks (documented choices, as PyTorch and JAX):
/// - `maximum`/`minimum` of two equal values send half the gradient to each side;
/// - `abs` has gradient 0 at 0 (sign(0) = 0); `relu` (Traced+Losses.swift) has gradient 0 at 0;
/// - `clip` passes the gradient where min <= x <= max, bounds included (PyTorch's clamp).

extension Traced {
    public func exp() throws -> Traced {
        let out = try value.unary(.exp)
        return try Traced.record(out, (self, { try Tensor.binary(.multiply, $0, out) }))
    }

    public func log() throws -> Traced {
        try Traced.record(value.unary(.log), (self, { try Tensor.binary(.divide, $0, value) }))
    }

    /// d sqrt(x) = 1 / (2 sqrt(x)).
    public func sqrt() throws -> Traced {
        let out = try value.unary(.sqrt)
        return try Traced.record(out, (self, { try Tensor.binary(.divide, Tensor.binary(.multiply, $0, 0.5), out) }))
    }

    public func abs() throws -> Traced {
        try Traced.record(value.unary(.abs), (self, { try Tensor.binary(.multiply, $0, value.unary(.sign)) }))
    }

    /// d tanh(x) = 1 - tanh(x)².
    public func tanh() throws -> Traced {
        let out = try value.unary(.tanh)
        return try Traced.record(out, (self, { g in
            try Tensor.binary(.multiply, g, Tensor.binary(.subtract, 1, out.unary(.square)))
        }))
    }

    /// d sigmoid(x) = s (1 - s). TensorKit's kernel is itself stable for large |x|.
    public func sigmoid() throws -> Traced {
        let out = try value.unary(.sigmoid)
        return try Traced.record(out, (self, { g in
            try Tensor.binary(.multiply, g, Tensor.binary(.multiply, out, Tensor.binary(.subtract, 1, out)))
        }))
    }

    public static func maximum(_ a: Traced, _ b: Traced) throws -> Traced {
        try extremum(.maximum, a, b, winsA: .greater)
    }

    public static func minimum(_ a: Traced, _ b: Traced) throws -> Traced {
        try extremum(.minimum, a, b, winsA: .less)
    }

    public static func maximum(_ a: Traced, _ s: Double) throws -> Traced {
        try maximum(a, Traced(constant: Tensor(scalar: s, dtype: a.dtype)))
    }

    public static func minimum(_ a: Traced, _ s: Double) throws -> Traced {
        try minimum(a, Traced(constant: Tensor(scalar: s, dtype: a.dtype)))
    }

    /// The gradient goes to the input that won, half to each on a tie.
    private static func extremum(_ op: BinaryOp, _ a: Traced, _ b: Traced, winsA: BinaryOp) throws -> Traced {
        let out = try Tensor.binary(op, a.value, b.value)
        func share(_ wins: Tensor, _ ties: Tensor, _ g: Tensor) throws -> Tensor {
            let weight = try Tensor.binary(.add, wins.cast(to: g.dtype), Tensor.binary(.multiply, ties.cast(to: g.dtype), 0.5))
            return try Tensor.binary(.multiply, g, weight)
        }
        return try record(out,
                          (a, { g in try share(Tensor.binary(winsA, a.value, b.value), Tensor.binary(.equal, a.value, b.value), g) }),
                          (b, { g in try share(Tensor.binary(winsA, b.value, a.value), Tensor.binary(.equal, a.value, b.value), g) }))
    }

    /// Values limited to [lo, hi] (either bound may be nil).
    public func clip(min lo: Double?, max hi: Double?) throws -> Traced {
        try Traced.record(value.clip(min: lo, max: hi), (self, { g in
            var inside = try Tensor.ones(value.shape, dtype: .bool)
            if let lo { inside = try Tensor.binary(.logicalAnd, inside, Tensor.binary(.greaterEqual, value, lo)) }
            if let hi { inside = try Tensor.binary(.logicalAnd, inside, Tensor.binary(.lessEqual, value, hi)) }
            return try Tensor.where(inside, g, 0)
        }))
    }

    /// Elements of `a` where `condition` holds, else of `b` (all three broadcast together).
    /// The condition is data, not a differentiable input.
    public static func `where`(_ condition: Tensor, _ a: Traced, _ b: Traced) throws -> Traced {
        try record(Tensor.where(condition, a.value, b.value),
                   (a, { try Tensor.where(condition, $0, 0) }),
                   (b, { try Tensor.where(condition, 0, $0) }))
    }

    public static func `where`(_ condition: Tensor, _ a: Traced, _ b: Double) throws -> Traced {
        try record(Tensor.where(condition, a.value, b), (a, { try Tensor.where(condition, $0, 0) }))
    }

    public static func `where`(_ condition: Tensor, _ a: Double, _ b: Traced) throws -> Traced {
        try record(Tensor.where(condition, a, b.value), (b, { try Tensor.where(condition, 0, $0) }))
    }

    /// The value in another dtype; the gradient is cast back (by `Tape.fit`).
    public func cast(to dtype: DType) throws -> Traced {
        if dtype == self.dtype { return self }
        return try Traced.record(value.cast(to: dtype), (self, { $0 }))
    }
}
