/// ReLU as one primitive rather than `where(x > 0, x, 0)`: the forward is one pass (the
/// composite made a mask, then chose), and the rule reads the output it kept, passing the
/// gradient where the output is positive, in one pass too. On a CNN's activations the
/// composite's two passes each way were a tenth of an epoch.

extension Traced {
    /// max(x, 0), with gradient 0 at 0 (PyTorch's choice; `maximum(x, 0)` would give 1/2
    /// there). NaN stays NaN, as in PyTorch.
    public func relu() throws -> Traced {
        let y = try Tensor.binary(.maximum, value, 0)
        return try Traced.record(y, (self, { g in try Tensor.reluGradient(g, output: y) }))
    }
}

extension Tensor {
    /// `g` where `output` > 0, else 0: ReLU's rule, given the forward's output.
    public static func reluGradient(_ g: Tensor, output y: Tensor) throws -> Tensor {
        guard g.shape == y.shape, g.dtype == y.dtype, g.isContiguous, y.isContiguous,
              g.dtype == .float32 || g.dtype == .float64 else {
            return try Tensor.where(Tensor.binary(.greater, y, 0), g, 0)
        }
        let out = try Tensor(uninitialized: g.shape, dtype: g.dtype)
        if g.dtype == .float32 {
            try passWherePositive(Float.self, g, y, out)
        } else {
            try passWherePositive(Double.self, g, y, out)
        }
        return out
    }

    private static func passWherePositive<T: FloatElement>(_: T.Type, _ g: Tensor, _ y: Tensor, _ out: Tensor) throws {
        let pg = SendablePointer(g.base(T.self)), py = SendablePointer(y.base(T.self)), po = SendablePointer(out.base(T.self))
        try Parallel.forEachChunk(count: g.count, unitCost: 1) { r in
            let (gs, ys, os) = (pg.p + r.lowerBound, py.p + r.lowerBound, po.p + r.lowerBound)
            // Both values loaded before the choice, so the loop vectorises (see Kernels.select).
            for i in 0..<r.count { let v = gs[i], positive = ys[i] > 0; os[i] = positive ? v : 0 }
        }
    }
}
