import CVectorMath

/// Whole-tensor passes that models make over their input before using it: whether every
/// element is finite, and the squared norm of each row. Both run on CVectorMath's vectorised
/// loops over contiguous float data, with no copy of the input.
extension Tensor {
    /// True when no element is NaN or infinite (integer and bool tensors always are finite).
    public func allFinite() throws -> Bool {
        if !dtype.isFloatingPoint { return true }
        let x = try (dtype.isHalf ? cast(to: .float32) : self).contiguous()
        let n = x.count
        if x.dtype == .float32 { return mnl_all_finite_f32(VectorMath.level, x.base(Float.self), n) != 0 }
        return mnl_all_finite_f64(VectorMath.level, x.base(Double.self), n) != 0
    }

    /// Σ_j x[i, j]² for each row i of a matrix, summed in float64 whatever the float dtype.
    /// Rows are split across the cores; integer and half tensors are widened first.
    public func rowSquaredNorms() throws -> [Double] {
        guard ndim == 2 else {
            throw TensorError.invalidArgument(op: "rowSquaredNorms", message: "needs a matrix, got shape \(shape)")
        }
        var x = self
        if !(dtype == .float32 || dtype == .float64) { x = try cast(to: .float64) }
        if x.strides[1] != 1 || x.strides[0] < x.shape[1] { x = try x.contiguous() }
        let (m, k, ld) = (x.shape[0], x.shape[1], x.strides[0])
        let out = try Tensor(uninitialized: [m], dtype: .float64)
        let source = x
        try Parallel.forEachChunk(count: m, unitCost: k) { rows in
            let target = out.base(Double.self) + rows.lowerBound
            if source.dtype == .float32 {
                _ = mnl_row_sumsq_f32(VectorMath.level, source.base(Float.self) + rows.lowerBound * ld, ld, target, rows.count, k)
            } else {
                _ = mnl_row_sumsq_f64(VectorMath.level, source.base(Double.self) + rows.lowerBound * ld, ld, target, rows.count, k)
            }
        }
        return out.toArray(Double.self)
    }
}
