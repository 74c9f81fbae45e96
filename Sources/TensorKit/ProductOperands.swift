/// The shape work shared by every matrix product: vectors made matrices, batch axes
/// broadcast, inner dimensions checked. Float products hand the result to BLAS, integer
/// products to the exact int64 kernel.
struct ProductOperands {
    /// The operands cast to the computing dtype, broadcast to `batch + [m, k]` and `batch + [k, n]`.
    let x: Tensor, y: Tensor
    let batch: [Int]
    let m: Int, k: Int, n: Int
    /// Whether a 1-D operand was promoted to a matrix (its axis is removed from the result).
    let vecLeft: Bool, vecRight: Bool

    init(_ a: Tensor, _ b: Tensor, as dtype: DType) throws {
        var x = try a.cast(to: dtype), y = try b.cast(to: dtype)
        vecLeft = x.ndim == 1
        vecRight = y.ndim == 1
        if vecLeft { x = try x.expandDims(0) }
        if vecRight { y = try y.expandDims(-1) }
        m = x.shape[x.ndim - 2]
        k = x.shape[x.ndim - 1]
        n = y.shape[y.ndim - 1]
        let k2 = y.shape[y.ndim - 2]
        guard k == k2 else { throw TensorError.innerDimensionMismatch(op: "@", lhs: a.shape, rhs: b.shape, left: k, right: k2) }
        do { batch = try Tensor.broadcastShape(Array(x.shape.dropLast(2)), Array(y.shape.dropLast(2)), op: "@") } catch {
            throw TensorError.batchMismatch(op: "@", lhs: a.shape, rhs: b.shape)
        }
        self.x = try x.broadcast(to: batch + [m, k], op: "@")
        self.y = try y.broadcast(to: batch + [k, n], op: "@")
    }
}
