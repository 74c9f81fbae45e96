/// The generic elementwise kernels: one for binary ops and one for unary ops, parameterised by
/// an operation type and specialised by the optimiser for each (op, dtype) pair. Each kernel has
/// fast inner loops for contiguous operands and for a broadcast scalar (stride 0), and a general
/// strided loop; broadcast operands are never materialised. An op may also offer a whole-array
/// kernel for contiguous operands (`contiguous`), which the fast paths try first: the hot float
/// ops use it to run at the CPU's full vector width (VectorMath).

/// An elementwise binary operation on one input type.
@usableFromInline
protocol BinaryKernelOp: Sendable {
    associatedtype In: KernelElement
    associatedtype Out: KernelElement
    func callAsFunction(_ a: In, _ b: In) -> Out
    /// out[i] = op(a[i·sa], b[i·sb]) for i < n with strides 1 or 0, if the op has such a
    /// kernel for these types; false to run the generic loop.
    static func contiguous(_ a: UnsafePointer<In>, _ sa: Int, _ b: UnsafePointer<In>, _ sb: Int,
                           _ out: UnsafeMutablePointer<Out>, _ n: Int) -> Bool
}

extension BinaryKernelOp {
    @inline(__always)
    static func contiguous(_ a: UnsafePointer<In>, _ sa: Int, _ b: UnsafePointer<In>, _ sb: Int,
                           _ out: UnsafeMutablePointer<Out>, _ n: Int) -> Bool { false }
}

/// An elementwise unary operation.
@usableFromInline
protocol UnaryKernelOp: Sendable {
    associatedtype In: KernelElement
    associatedtype Out: KernelElement
    func callAsFunction(_ a: In) -> Out
    /// out[i] = op(x[i]) for i < n, if the op has such a kernel for these types; false to run
    /// the generic loop.
    static func contiguous(_ x: UnsafePointer<In>, _ out: UnsafeMutablePointer<Out>, _ n: Int) -> Bool
}

extension UnaryKernelOp {
    @inline(__always)
    static func contiguous(_ x: UnsafePointer<In>, _ out: UnsafeMutablePointer<Out>, _ n: Int) -> Bool { false }
}

enum Kernels {
    /// Work up to this many elements runs in one piece on the calling thread, as
    /// `Parallel.forEachChunk` would run it anyway.
    static let singlePieceLimit = Parallel.singlePieceWork

    /// Whether every stride is 0: a scalar broadcast to the output's shape.
    static func isBroadcastScalar(_ t: Tensor) -> Bool { t.strides.allSatisfy { $0 == 0 } }

    /// out = op(a, b); `a` and `b` are already broadcast to `out.shape` and of type `Op.In`.
    static func binary<Op: BinaryKernelOp>(_ op: Op, _ a: Tensor, _ b: Tensor, into out: Tensor) throws {
        if out.count <= singlePieceLimit, out.isContiguous, binarySmall(op, a, b, into: out) { return }
        let layout = StridedLayout(shape: out.shape, operandStrides: [out.strides, a.strides, b.strides])
        let po = SendablePointer(out.base(Op.Out.self))
        let pa = SendablePointer(a.base(Op.In.self)), pb = SendablePointer(b.base(Op.In.self))
        try layout.run { off, st, n in
            let o = po.p + off[0], x = pa.p + off[1], y = pb.p + off[2]
            if st[0] == 1 && st[1] == 1 && st[2] == 1 {
                if Op.contiguous(x, 1, y, 1, o, n) { return }
                for i in 0..<n { o[i] = op(x[i], y[i]) }
            } else if st[0] == 1 && st[1] == 1 && st[2] == 0 {
                if Op.contiguous(x, 1, y, 0, o, n) { return }
                let v = y[0]
                for i in 0..<n { o[i] = op(x[i], v) }
            } else if st[0] == 1 && st[1] == 0 && st[2] == 1 {
                if Op.contiguous(x, 0, y, 1, o, n) { return }
                let v = x[0]
                for i in 0..<n { o[i] = op(v, y[i]) }
            } else {
                let so = st[0], sa = st[1], sb = st[2]
                for i in 0..<n { o[i * so] = op(x[i * sa], y[i * sb]) }
            }
        }
    }

    /// out = op(a); `a` is already broadcast to `out.shape`.
    static func unary<Op: UnaryKernelOp>(_ op: Op, _ a: Tensor, into out: Tensor) throws {
        if out.count <= singlePieceLimit, out.isContiguous, a.isContiguous {
            // Small contiguous work: one loop, without the layout and chunking bookkeeping,
            // which costs more than the arithmetic on per-example tensors.
            let n = out.count, o = out.base(Op.Out.self), x = UnsafePointer(a.base(Op.In.self))
            if n > 0 && !Op.contiguous(x, o, n) { for i in 0..<n { o[i] = op(x[i]) } }
            return
        }
        let layout = StridedLayout(shape: out.shape, operandStrides: [out.strides, a.strides])
        let po = SendablePointer(out.base(Op.Out.self)), pa = SendablePointer(a.base(Op.In.self))
        try layout.run { off, st, n in
            let o = po.p + off[0], x = pa.p + off[1]
            if st[0] == 1 && st[1] == 1 {
                if Op.contiguous(x, o, n) { return }
                for i in 0..<n { o[i] = op(x[i]) }
            } else if st[0] == 1 && st[1] == 0 {
                let v = op(x[0])
                for i in 0..<n { o[i] = v }
            } else {
                let so = st[0], sa = st[1]
                for i in 0..<n { o[i * so] = op(x[i * sa]) }
            }
        }
    }

    /// Small work whose operands are contiguous or broadcast scalars, in one loop without the
    /// layout and chunking bookkeeping; false when the layouts need the general path.
    private static func binarySmall<Op: BinaryKernelOp>(_ op: Op, _ a: Tensor, _ b: Tensor, into out: Tensor) -> Bool {
        let sa = a.isContiguous ? 1 : (isBroadcastScalar(a) ? 0 : -1)
        let sb = b.isContiguous ? 1 : (isBroadcastScalar(b) ? 0 : -1)
        guard sa >= 0, sb >= 0, sa + sb > 0 || out.count <= 1 else { return false }
        let n = out.count
        if n == 0 { return true }
        // No Ctrl-C check here: small work is brief, and the task-local look-up would cost more
        // than it (the interpreter checks between statements).
        let o = out.base(Op.Out.self), x = UnsafePointer(a.base(Op.In.self)), y = UnsafePointer(b.base(Op.In.self))
        if Op.contiguous(x, sa, y, sb, o, n) { return true }
        for i in 0..<n { o[i] = op(x[i &* sa], y[i &* sb]) }
        return true
    }

    /// out = cond ? a : b, all broadcast to `out.shape`.
    static func select<T: KernelElement>(_: T.Type, _ cond: Tensor, _ a: Tensor, _ b: Tensor, into out: Tensor) throws {
        let layout = StridedLayout(shape: out.shape, operandStrides: [out.strides, cond.strides, a.strides, b.strides])
        let po = SendablePointer(out.base(T.self)), pc = SendablePointer(cond.base(Bool.self))
        let pa = SendablePointer(a.base(T.self)), pb = SendablePointer(b.base(T.self))
        try layout.run { off, st, n in
            let o = po.p + off[0], c = pc.p + off[1], x = pa.p + off[2], y = pb.p + off[3]
            let so = st[0], sc = st[1], sa = st[2], sb = st[3]
            if so == 1 && sc == 1 && (sa | sb) & ~1 == 0 {
                selectUnitStride(o, c, x, sa, y, sb, n)
            } else {
                for i in 0..<n { o[i * so] = c[i * sc] ? x[i * sa] : y[i * sb] }
            }
        }
    }

    /// `select`'s loop when output and condition are contiguous and each value operand is
    /// contiguous or one broadcast scalar (ReLU's `where(x > 0, x, 0)` and its gradient): one
    /// loop per pattern with constant strides, which the compiler turns into vector blends;
    /// the general loop with strides read at run time stays scalar (3-4 ns an element).
    @inline(__always)
    private static func selectUnitStride<T>(_ o: UnsafeMutablePointer<T>, _ c: UnsafeMutablePointer<Bool>,
                                            _ x: UnsafeMutablePointer<T>, _ sa: Int,
                                            _ y: UnsafeMutablePointer<T>, _ sb: Int, _ n: Int) {
        // Both values are loaded before the choice: a load inside the branch could fault for
        // all the compiler knows, which keeps the loop scalar.
        switch (sa, sb) {
        case (1, 1): for i in 0..<n { let u = x[i], v = y[i]; o[i] = c[i] ? u : v }
        case (1, 0): let v = y[0]; for i in 0..<n { let u = x[i]; o[i] = c[i] ? u : v }
        case (0, 1): let u = x[0]; for i in 0..<n { let v = y[i]; o[i] = c[i] ? u : v }
        default: let u = x[0], v = y[0]; for i in 0..<n { o[i] = c[i] ? u : v }
        }
    }
}

// MARK: - Operation types

/// The four arithmetic ops, with their full-width kernels for float32 and float64.
protocol ArithmeticKernelOp: BinaryKernelOp where In == Out {
    static var arithmetic: VectorMath.Arithmetic { get }
}
extension ArithmeticKernelOp {
    @inline(__always)
    static func contiguous(_ a: UnsafePointer<In>, _ sa: Int, _ b: UnsafePointer<In>, _ sb: Int,
                           _ out: UnsafeMutablePointer<Out>, _ n: Int) -> Bool {
        VectorMath.arithmetic(arithmetic, a, sa, b, sb, out, n)
    }
}
struct AddOp<T: NumericElement>: ArithmeticKernelOp {
    static var arithmetic: VectorMath.Arithmetic { .add }
    @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { T.add(a, b) }
}
struct SubOp<T: NumericElement>: ArithmeticKernelOp {
    static var arithmetic: VectorMath.Arithmetic { .sub }
    @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { T.sub(a, b) }
}
struct MulOp<T: NumericElement>: ArithmeticKernelOp {
    static var arithmetic: VectorMath.Arithmetic { .mul }
    @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { T.mul(a, b) }
}
struct DivOp<T: NumericElement>: ArithmeticKernelOp {
    static var arithmetic: VectorMath.Arithmetic { .div }
    @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { T.div(a, b) }
}
struct FloorDivOp<T: NumericElement>: BinaryKernelOp { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { T.floorDiv(a, b) } }
struct ModOp<T: NumericElement>: BinaryKernelOp { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { T.mod(a, b) } }
struct PowOp<T: NumericElement>: BinaryKernelOp { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { T.power(a, b) } }
/// NaN-propagating maximum and minimum, as NumPy's `maximum`/`minimum`.
struct MaxOp<T: KernelElement>: BinaryKernelOp {
    // Two selects and no branches, so loops vectorise: a NaN in `a` is kept by the second
    // select, a NaN in `b` wins the first (every comparison with NaN is false).
    @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { let m = T.lt(b, a) ? a : b; return a != a ? a : m }
}
struct MinOp<T: KernelElement>: BinaryKernelOp {
    @inline(__always) func callAsFunction(_ a: T, _ b: T) -> T { let m = T.lt(a, b) ? a : b; return a != a ? a : m }
}
struct EqOp<T: KernelElement>: BinaryKernelOp { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> Bool { a == b } }
struct NeOp<T: KernelElement>: BinaryKernelOp { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> Bool { a != b } }
struct LtOp<T: KernelElement>: BinaryKernelOp { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> Bool { T.lt(a, b) } }
struct LeOp<T: KernelElement>: BinaryKernelOp { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> Bool { !T.lt(b, a) && a == a && b == b } }
struct GtOp<T: KernelElement>: BinaryKernelOp { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> Bool { T.lt(b, a) } }
struct GeOp<T: KernelElement>: BinaryKernelOp { @inline(__always) func callAsFunction(_ a: T, _ b: T) -> Bool { !T.lt(a, b) && a == a && b == b } }
struct AndOp: BinaryKernelOp { @inline(__always) func callAsFunction(_ a: Bool, _ b: Bool) -> Bool { a && b } }
struct OrOp: BinaryKernelOp { @inline(__always) func callAsFunction(_ a: Bool, _ b: Bool) -> Bool { a || b } }
struct XorOp: BinaryKernelOp { @inline(__always) func callAsFunction(_ a: Bool, _ b: Bool) -> Bool { a != b } }

struct CastOp<S: KernelElement, D: KernelElement>: UnaryKernelOp {
    /// float to int64 runs at AVX-512 width (same results: see VectorMath.truncateToInt64).
    @inline(__always)
    static func contiguous(_ x: UnsafePointer<S>, _ out: UnsafeMutablePointer<D>, _ n: Int) -> Bool {
        guard D.self == Int64.self else { return false }
        return VectorMath.truncateToInt64(x, UnsafeMutableRawPointer(out).assumingMemoryBound(to: Int64.self), n)
    }
    @inline(__always) func callAsFunction(_ a: S) -> D {
        if S.self == D.self { return unsafeBitCast(a, to: D.self) }
        if D.self == Bool.self { return D(fromInt64: a == S(fromInt64: 0) ? 0 : 1) }
        if S.self == Int64.self || S.self == UInt8.self || S.self == Bool.self {
            return D(fromInt64: a.asInt64)
        }
        return D(fromDouble: a.asDouble)
    }
}
struct NegOp<T: NumericElement>: UnaryKernelOp { @inline(__always) func callAsFunction(_ a: T) -> T { T.sub(T(fromInt64: 0), a) } }
struct AbsOp<T: NumericElement>: UnaryKernelOp {
    @inline(__always) func callAsFunction(_ a: T) -> T { a < T(fromInt64: 0) ? T.sub(T(fromInt64: 0), a) : a }
}
struct SignOp<T: NumericElement>: UnaryKernelOp {
    @inline(__always) func callAsFunction(_ a: T) -> T {
        let z = T(fromInt64: 0)
        return a > z ? T.one : (a < z ? T.sub(z, T.one) : (a == z ? z : a))
    }
}
struct ReluOp<T: NumericElement>: UnaryKernelOp {
    @inline(__always) func callAsFunction(_ a: T) -> T { let z = T(fromInt64: 0); return a < z ? z : a }
}
struct SquareOp<T: NumericElement>: UnaryKernelOp { @inline(__always) func callAsFunction(_ a: T) -> T { T.mul(a, a) } }
struct ClipOp<T: KernelElement>: UnaryKernelOp {
    let lo: T, hi: T
    @inline(__always) func callAsFunction(_ a: T) -> T { let t = T.lt(a, lo) ? lo : a; return T.lt(hi, t) ? hi : t }
}
/// Transcendental ops with full-width kernels (SLEEF) for float32 and float64.
protocol VectorMathKernelOp: UnaryKernelOp where In == Out {
    static var function: VectorMath.Unary { get }
}
extension VectorMathKernelOp {
    @inline(__always)
    static func contiguous(_ x: UnsafePointer<In>, _ out: UnsafeMutablePointer<Out>, _ n: Int) -> Bool {
        VectorMath.unary(function, x, out, n)
    }
}
struct ExpOp<T: FloatElement>: VectorMathKernelOp {
    static var function: VectorMath.Unary { .exp }
    @inline(__always) func callAsFunction(_ a: T) -> T { T.exp(a) }
}
struct LogOp<T: FloatElement>: VectorMathKernelOp {
    static var function: VectorMath.Unary { .log }
    @inline(__always) func callAsFunction(_ a: T) -> T { T.log(a) }
}
struct SqrtOp<T: FloatElement>: UnaryKernelOp { @inline(__always) func callAsFunction(_ a: T) -> T { a.squareRoot() } }
struct TanhOp<T: FloatElement>: VectorMathKernelOp {
    static var function: VectorMath.Unary { .tanh }
    @inline(__always) func callAsFunction(_ a: T) -> T { T.tanh(a) }
}
struct SigmoidOp<T: FloatElement>: VectorMathKernelOp {
    static var function: VectorMath.Unary { .sigmoid }
    @inline(__always) func callAsFunction(_ a: T) -> T { 1 / (1 + T.exp(-a)) }
}
struct FloorOp<T: FloatElement>: UnaryKernelOp { @inline(__always) func callAsFunction(_ a: T) -> T { a.rounded(.down) } }
struct CeilOp<T: FloatElement>: UnaryKernelOp { @inline(__always) func callAsFunction(_ a: T) -> T { a.rounded(.up) } }
struct RoundOp<T: FloatElement>: UnaryKernelOp { @inline(__always) func callAsFunction(_ a: T) -> T { a.rounded(.toNearestOrEven) } }
struct IsNaNOp<T: KernelElement>: UnaryKernelOp { @inline(__always) func callAsFunction(_ a: T) -> Bool { a != a } }
struct IsInfOp<T: FloatElement>: UnaryKernelOp { @inline(__always) func callAsFunction(_ a: T) -> Bool { a.isInfinite } }
struct NotOp: UnaryKernelOp { @inline(__always) func callAsFunction(_ a: Bool) -> Bool { !a } }
