/// Functions built on the SVD: pseudo-inverse, rank and condition number, computed as
/// numpy.linalg computes them so that cut-offs agree (least squares: LinalgLeastSquares.swift).

extension Tensor {
    /// The last two axes swapped (a view).
    var matrixTranspose: Tensor {
        get throws {
            var perm = Array(0..<shape.count)
            perm.swapAt(shape.count - 1, shape.count - 2)
            return try transpose(perm)
        }
    }

    /// `numpy.linalg.pinv`: the Moore-Penrose pseudo-inverse from the reduced SVD; singular
    /// values at or below `rcond` times the largest count as zero (NumPy's default 1e-15).
    public func pinv(rcond: Double = 1e-15) throws -> Tensor {
        let a = try checkedMatrices("pinv", square: false)
        if a.count == 0 { return try Tensor(zeros: Array(a.shape.dropLast(2)) + a.shape.suffix(2).reversed(), dtype: a.dtype) }
        let (u, s, vh) = try a.svd(fullMatrices: false, op: "pinv")
        guard let u, let vh else { return a }
        let cutoff = try Tensor.binary(.multiply, try s.reduce(.max, axes: [-1], keepdims: true), rcond)
        let kept = try Tensor.binary(.greater, s, cutoff)
        let inverse = try Tensor.where(kept, try Tensor.binary(.divide, 1.0, s), try Tensor(zeros: s.shape, dtype: s.dtype))
        let scaled = try Tensor.binary(.multiply, try vh.matrixTranspose, try inverse.expandDims(-2))
        return try Tensor.matmul(scaled, try u.matrixTranspose)
    }

    /// `numpy.linalg.matrix_rank`: the number of singular values above `tol`, by default
    /// the largest one times max(m, n) times the dtype's epsilon. An int64 per matrix.
    public func matrixRank(tol: Double? = nil) throws -> Tensor {
        let a = try checkedMatrices("matrix_rank", square: false)
        let s = try a.svd(computeUV: false, op: "matrix_rank").s
        let threshold: Tensor
        if let tol {
            threshold = try Tensor(shape: [], values: [tol], dtype: s.dtype)
        } else {
            let eps = s.dtype == .float32 ? Double(Float.ulpOfOne) : Double.ulpOfOne
            let scale = Double(Swift.max(a.shape[a.shape.count - 1], a.shape[a.shape.count - 2])) * eps
            threshold = try Tensor.binary(.multiply, try s.reduce(.max, axes: [-1], keepdims: true), scale)
        }
        return try Tensor.binary(.greater, s, threshold).cast(to: .int64).reduce(.sum, axes: [-1])
    }

    /// `numpy.linalg.cond` in the 2-norm: the largest singular value over the smallest
    /// (inf for a singular matrix).
    public func cond() throws -> Tensor {
        let a = try checkedMatrices("cond", square: false)
        let s = try a.svd(computeUV: false, op: "cond").s
        return try Tensor.binary(.divide, try s.reduce(.max, axes: [-1]), try s.reduce(.min, axes: [-1]))
    }
}
