/// NumPy's contractions (issue 10): `tensordot`, `inner`, `kron` and 1-D `convolve`. Each is
/// moved into one matrix product: the operands are permuted and reshaped (copied only when
/// the permutation is not contiguous) so that `matmul`, and through it BLAS or the exact
/// integer product, does the arithmetic. `einsum` is in Einsum.swift, `norm` in Norm.swift.

extension Tensor {
    /// NumPy's `tensordot(a, b, axes=(axesA, axesB))`: the sum of products over the paired
    /// axes; the result has a's other axes, then b's. Dtypes follow `matmul`.
    public static func tensordot(_ a: Tensor, _ b: Tensor, axes axesA: [Int], _ axesB: [Int]) throws -> Tensor {
        guard axesA.count == axesB.count else {
            throw TensorError.invalidArgument(op: "tensordot", message: "axes must pair up, got \(axesA.count) axes of a and \(axesB.count) of b")
        }
        let sa = try axesA.map { try normalizeAxis($0, ndim: a.ndim) }, sb = try axesB.map { try normalizeAxis($0, ndim: b.ndim) }
        guard Set(sa).count == sa.count, Set(sb).count == sb.count else {
            throw TensorError.invalidArgument(op: "tensordot", message: "an axis is repeated in axes")
        }
        for (i, j) in zip(sa, sb) where a.shape[i] != b.shape[j] {
            throw TensorError.shapeMismatch(op: "tensordot", lhs: a.shape, rhs: b.shape)
        }
        let freeA = (0..<a.ndim).filter { !sa.contains($0) }, freeB = (0..<b.ndim).filter { !sb.contains($0) }
        return try contract(a, freeA: freeA, summedA: sa, b, summedB: sb, freeB: freeB)
    }

    /// NumPy's `tensordot(a, b, axes=n)`: the last n axes of a with the first n of b.
    public static func tensordot(_ a: Tensor, _ b: Tensor, axes n: Int) throws -> Tensor {
        guard n >= 0 else { throw TensorError.invalidArgument(op: "tensordot", message: "axes must not be negative, got \(n)") }
        guard n <= a.ndim, n <= b.ndim else {
            throw TensorError.invalidArgument(op: "tensordot", message: "axes=\(n) needs at least \(n) dimensions in both operands, got shapes \(TensorError.shape(a.shape)) and \(TensorError.shape(b.shape))")
        }
        return try tensordot(a, b, axes: Array((a.ndim - n)..<a.ndim), Array(0..<n))
    }

    /// The product summed over `summedA`/`summedB` (paired, equal sizes) as one matrix product:
    /// a as (free, summed) rows times b as (summed, free) columns, reshaped back.
    static func contract(_ a: Tensor, freeA: [Int], summedA: [Int], _ b: Tensor, summedB: [Int], freeB: [Int]) throws -> Tensor {
        let m = freeA.reduce(1) { $0 * a.shape[$1] }, n = freeB.reduce(1) { $0 * b.shape[$1] }
        let k = summedA.reduce(1) { $0 * a.shape[$1] }
        let left = try a.transpose(freeA + summedA).reshape([m, k])
        let right = try b.transpose(summedB + freeB).reshape([k, n])
        return try matmul(left, right, named: "tensordot").reshape(freeA.map { a.shape[$0] } + freeB.map { b.shape[$0] })
    }

    /// NumPy's `inner`: the sum of products over the last axes (a 0-d operand multiplies).
    public static func inner(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        if a.ndim == 0 || b.ndim == 0 { return try binary(.multiply, a, b) }
        guard a.shape[a.ndim - 1] == b.shape[b.ndim - 1] else { throw TensorError.shapeMismatch(op: "inner", lhs: a.shape, rhs: b.shape) }
        return try contract(a, freeA: Array(0..<(a.ndim - 1)), summedA: [a.ndim - 1], b, summedB: [b.ndim - 1], freeB: Array(0..<(b.ndim - 1)))
    }

    /// NumPy's `kron`: blocks `a[i, j] * b`. Operands of fewer dimensions get leading 1s.
    /// One broadcast product: a as (a0, 1, a1, 1, ...) times b as (1, b0, 1, b1, ...).
    public static func kron(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let nd = Swift.max(a.ndim, b.ndim)
        let sa = [Int](repeating: 1, count: nd - a.ndim) + a.shape, sb = [Int](repeating: 1, count: nd - b.ndim) + b.shape
        let x = try a.reshape(sa.flatMap { [$0, 1] }), y = try b.reshape(sb.flatMap { [1, $0] })
        let product = try binary(.multiply, x, y)
        return try product.reshape(zip(sa, sb).map { $0 * $1 })
    }

    /// NumPy's 1-D `convolve(a, v, mode)`: `full` (length n + m - 1), `same` (max(n, m),
    /// centred) or `valid` (max(n, m) - min(n, m) + 1). One vector multiply-add per tap of the
    /// shorter input, over shifted views of the zero-padded longer one: O(n·m) work like a
    /// product of sliding windows, but in O(n) memory (BLAS would need the windows copied out).
    /// Dtypes follow `*` (two integer inputs stay exact).
    public static func convolve(_ a: Tensor, _ v: Tensor, mode: String = "full") throws -> Tensor {
        guard a.ndim == 1, v.ndim == 1 else {
            throw TensorError.invalidArgument(op: "convolve", message: "a and v must be 1-D, got shapes \(TensorError.shape(a.shape)) and \(TensorError.shape(v.shape))")
        }
        guard a.count > 0, v.count > 0 else {
            throw TensorError.invalidArgument(op: "convolve", message: "\(a.count == 0 ? "a" : "v") cannot be empty")
        }
        let (long, short) = a.count >= v.count ? (a, v) : (v, a)
        let n = long.count, m = short.count
        let (start, length): (Int, Int)
        switch mode {
        case "full": (start, length) = (0, n + m - 1)
        case "same": (start, length) = ((m - 1) / 2, n)
        case "valid": (start, length) = (m - 1, n - m + 1)
        default:
            throw TensorError.invalidArgument(op: "convolve", message: "mode must be \"full\", \"same\" or \"valid\", not \"\(mode)\"")
        }
        let padded = try Tensor(zeros: [n + 2 * (m - 1)], dtype: long.dtype)
        try padded.get([.slice(start: m - 1, stop: m - 1 + n, step: nil)]).assign(long)
        // out[k] = sum over i of padded[start + k + i] * short[m - 1 - i]
        let out = try binary(.multiply, try padded.get([.slice(start: start, stop: start + length, step: nil)]), try short.get([.int(m - 1)]))
        for i in 1..<m {
            let window = try padded.get([.slice(start: start + i, stop: start + i + length, step: nil)])
            try out.applyInPlace(.add, try binary(.multiply, window, try short.get([.int(m - 1 - i)])))
            try Cancellation.check()  // many taps of small work each: no kernel chunk may notice Ctrl-C
        }
        return out
    }
}
