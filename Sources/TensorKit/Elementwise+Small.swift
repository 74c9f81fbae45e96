/// The per-example fast path of the four arithmetic ops: float operands of one dtype that are
/// contiguous and of one shape (or a tensor and a plain number), small enough to run in one
/// piece. It skips the dtype plan, the broadcast shape, casts and broadcast views, and gives
/// the result the operand's shape and strides arrays instead of new ones: on tensors of ten
/// elements that bookkeeping costs more than the arithmetic. Results are the general path's.
extension Tensor {
    /// `a op b`, or nil when the general path is needed.
    static func smallArithmetic(_ op: BinaryOp, _ a: Tensor, _ b: Tensor) throws -> Tensor? {
        guard let arithmetic = VectorMath.Arithmetic(op), a.dtype == b.dtype, a.dtype.isFloatingPoint, !a.dtype.isHalf,
              a.count <= Kernels.singlePieceLimit, a.shape == b.shape, a.isContiguous, b.isContiguous else { return nil }
        let out = try Tensor(storage: Storage(dtype: a.dtype, count: a.count, zeroed: false), shape: a.shape,
                             strides: outputStrides(a))
        if a.dtype == .float32 { smallLoop(arithmetic, a.base(Float.self), 1, b.base(Float.self), 1, out.base(Float.self), a.count) }
        else { smallLoop(arithmetic, a.base(Double.self), 1, b.base(Double.self), 1, out.base(Double.self), a.count) }
        return out
    }

    /// `a op s` (or `s op a` when `scalarFirst`) for a plain number `s`, which takes a float
    /// tensor's dtype (a weak scalar); nil when the general path is needed.
    static func smallArithmetic(_ op: BinaryOp, _ a: Tensor, scalar s: Double, scalarFirst: Bool) throws -> Tensor? {
        guard let arithmetic = VectorMath.Arithmetic(op), a.dtype.isFloatingPoint, !a.dtype.isHalf,
              a.count <= Kernels.singlePieceLimit, a.isContiguous else { return nil }
        let out = try Tensor(storage: Storage(dtype: a.dtype, count: a.count, zeroed: false), shape: a.shape,
                             strides: outputStrides(a))
        if a.dtype == .float32 {
            var v = Float(s)
            if scalarFirst { smallLoop(arithmetic, &v, 0, a.base(Float.self), 1, out.base(Float.self), a.count) }
            else { smallLoop(arithmetic, a.base(Float.self), 1, &v, 0, out.base(Float.self), a.count) }
        } else {
            var v = s
            if scalarFirst { smallLoop(arithmetic, &v, 0, a.base(Double.self), 1, out.base(Double.self), a.count) }
            else { smallLoop(arithmetic, a.base(Double.self), 1, &v, 0, out.base(Double.self), a.count) }
        }
        return out
    }

    /// A contiguous operand's strides are the canonical ones unless it has an axis of length 0
    /// or 1 (whose stride is free); only then does the result get new ones.
    private static func outputStrides(_ a: Tensor) -> [Int] {
        a.shape.contains(where: { $0 <= 1 }) ? contiguousStrides(a.shape) : a.strides
    }

    /// y[i] = a[i·sa] op b[i·sb]: the full-width kernel when there is one, else this loop.
    private static func smallLoop<T: FloatElement>(_ op: VectorMath.Arithmetic, _ a: UnsafeMutablePointer<T>, _ sa: Int,
                                                   _ b: UnsafeMutablePointer<T>, _ sb: Int, _ y: UnsafeMutablePointer<T>, _ n: Int) {
        if n == 0 || VectorMath.arithmetic(op, a, sa, b, sb, y, n) { return }
        switch op {
        case .add: for i in 0..<n { y[i] = a[i &* sa] + b[i &* sb] }
        case .sub: for i in 0..<n { y[i] = a[i &* sa] - b[i &* sb] }
        case .mul: for i in 0..<n { y[i] = a[i &* sa] * b[i &* sb] }
        case .div: for i in 0..<n { y[i] = a[i &* sa] / b[i &* sb] }
        }
    }
}

extension VectorMath.Arithmetic {
    /// The kernel of a binary op, for the four arithmetic ops.
    init?(_ op: BinaryOp) {
        switch op {
        case .add: self = .add
        case .subtract: self = .sub
        case .multiply: self = .mul
        case .divide: self = .div
        default: return nil
        }
    }
}
