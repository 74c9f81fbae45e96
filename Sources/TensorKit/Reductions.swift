/// Reductions: sum, mean, max, min, prod, all, any, std, var, argmax, argmin, cumsum.
///
/// `axes` may hold negative axes; nil means all axes. Reducing over everything gives a 0-d tensor.
/// Result dtypes: sum/prod/cumsum of integer or bool tensors give int64 (NumPy gives uint64 for
/// uint8); mean/std/var give float32 for integer and bool tensors; max/min keep the dtype;
/// all/any give bool; argmax/argmin give int64.

/// A reduction that can run over several axes at once.
public enum ReduceOp: String, Sendable, CaseIterable {
    case sum, prod, max, min, mean, all, any
}

extension Tensor {
    /// The sorted, non-negative, de-duplicated axes of `axes` (all axes if nil).
    func reductionAxes(_ axes: [Int]?, op: String) throws -> [Int] {
        guard let axes else { return Array(0..<ndim) }
        let norm = try axes.map { try Tensor.normalizeAxis($0, ndim: ndim) }
        guard Set(norm).count == norm.count else {
            throw TensorError.invalidArgument(op: op, message: "duplicate value in 'axis'")
        }
        return norm.sorted()
    }

    /// The shape after reducing `axes`.
    func reducedShape(_ axes: [Int], keepdims: Bool) -> [Int] {
        var out: [Int] = []
        for d in 0..<ndim {
            if axes.contains(d) { if keepdims { out.append(1) } } else { out.append(shape[d]) }
        }
        return out
    }

    /// Reduces over `axes` with `op` (see `ReduceOp` and the file comment for result dtypes).
    public func reduce(_ op: ReduceOp, axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor {
        if dtype.isHalf { return try inFloat32 { try $0.reduce(op, axes: axes, keepdims: keepdims) } }
        if axes == nil, !keepdims, let r = try reduceSmall(op) { return r }
        let ax = try reductionAxes(axes, op: op.rawValue)
        let n = ax.reduce(1) { $0 * shape[$1] }
        let outShape = reducedShape(ax, keepdims: keepdims)
        switch op {
        case .mean:
            let x = try cast(to: Promotion.floatResult(dtype))
            let s = try x.reduce(.sum, axes: ax, keepdims: keepdims)
            return try Tensor.binary(.divide, s, n == 0 ? Double.nan : Double(n)).reshape(outShape)
        case .all, .any:
            let x = try cast(to: .bool)
            return try x.reduceCore(op, ax).reshape(outShape)
        case .max, .min:
            if n == 0 {
                throw TensorError.invalidArgument(op: op.rawValue, message: "zero-size array to reduction operation \(op.rawValue) which has no identity")
            }
            return try reduceCore(op, ax).reshape(outShape)
        case .sum, .prod:
            let x = dtype.isFloatingPoint ? self : try cast(to: .int64)
            return try x.reduceCore(op, ax).reshape(outShape)
        }
    }

    public func sum(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor { try reduce(.sum, axes: axes, keepdims: keepdims) }
    public func mean(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor { try reduce(.mean, axes: axes, keepdims: keepdims) }
    public func max(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor { try reduce(.max, axes: axes, keepdims: keepdims) }
    public func min(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor { try reduce(.min, axes: axes, keepdims: keepdims) }
    public func prod(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor { try reduce(.prod, axes: axes, keepdims: keepdims) }
    public func all(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor { try reduce(.all, axes: axes, keepdims: keepdims) }
    public func any(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor { try reduce(.any, axes: axes, keepdims: keepdims) }

    /// Sum, product, max or min of all elements of a small contiguous float tensor (the
    /// softmax of one example): the same single run of `Reduce.contiguous` the general path
    /// takes below `Parallel.grain` elements, without its shape bookkeeping. Nil when the
    /// general path is needed.
    func reduceSmall(_ op: ReduceOp) throws -> Tensor? {
        let n = count
        guard n > 0, n < Parallel.grain, isContiguous, dtype.isFloatingPoint, !dtype.isHalf else { return nil }
        func run<T: NumericElement>(_: T.Type) -> Tensor? {
            let p = base(T.self)
            switch op {
            case .sum: return Tensor(scalar: Reduce.contiguous(AddOp<T>(), T(fromInt64: 0), p, n))
            case .prod: return Tensor(scalar: Reduce.contiguous(MulOp<T>(), T.one, p, n))
            case .max: return Tensor(scalar: Reduce.contiguous(MaxOp<T>(), T.lowest, p, n))
            case .min: return Tensor(scalar: Reduce.contiguous(MinOp<T>(), T.highest, p, n))
            case .mean, .all, .any: return nil
            }
        }
        return dtype == .float32 ? run(Float.self) : run(Double.self)
    }

    /// Variance with `ddof` delta degrees of freedom (NaN when the count is at most `ddof`).
    public func variance(axes: [Int]? = nil, keepdims: Bool = false, ddof: Int = 0) throws -> Tensor {
        if dtype.isHalf { return try inFloat32 { try $0.variance(axes: axes, keepdims: keepdims, ddof: ddof) } }
        let ax = try reductionAxes(axes, op: "var")
        let n = ax.reduce(1) { $0 * shape[$1] }
        let x = try cast(to: Promotion.floatResult(dtype))
        let m = try x.reduce(.mean, axes: ax, keepdims: true)
        let d = try Tensor.binary(.subtract, x, m)
        try d.applyInPlace(.multiply, d)
        let s = try d.reduce(.sum, axes: ax, keepdims: keepdims)
        let dof = Double(n) - Double(ddof)
        return try Tensor.binary(.divide, s, dof > 0 ? dof : Double.nan)
    }

    /// Standard deviation (square root of `variance`).
    public func std(axes: [Int]? = nil, keepdims: Bool = false, ddof: Int = 0) throws -> Tensor {
        try variance(axes: axes, keepdims: keepdims, ddof: ddof).unary(.sqrt)
    }

    /// Reduces `axes` (sorted) of this tensor, whose dtype is already the result dtype.
    /// Returns a contiguous tensor of the kept axes.
    func reduceCore(_ op: ReduceOp, _ axes: [Int]) throws -> Tensor {
        if let r = try reducePermuted(op, axes) { return r }
        var cur = try contiguous()
        var shape = cur.shape
        // Reduce runs of consecutive axes, last run first so earlier axis numbers stay valid.
        var runs: [(Int, Int)] = []
        for a in axes {
            if let last = runs.last, last.1 == a { runs[runs.count - 1].1 = a + 1 } else { runs.append((a, a + 1)) }
        }
        if runs.isEmpty { return try cur.copy() }
        for (lo, hi) in runs.reversed() {
            let k1 = shape[..<lo].reduce(1, *), r = shape[lo..<hi].reduce(1, *), k2 = shape[hi...].reduce(1, *)
            let newShape = Array(shape[..<lo] + shape[hi...])
            let out = try Tensor(uninitialized: newShape, dtype: cur.dtype)
            switch cur.dtype {
            case .float32: try Tensor.reduceRun(Float.self, op, cur, out, k1, r, k2)
            case .float64: try Tensor.reduceRun(Double.self, op, cur, out, k1, r, k2)
            case .int64: try Tensor.reduceRun(Int64.self, op, cur, out, k1, r, k2)
            case .int32: try Tensor.reduceRun(Int32.self, op, cur, out, k1, r, k2)
            case .uint8: try Tensor.reduceRun(UInt8.self, op, cur, out, k1, r, k2)
            case .float16, .bfloat16: throw TensorError.unsupportedDType(op: op.rawValue, dtype: cur.dtype)  // reduce() widens them first
            case .bool:
                switch op {
                case .all, .min, .prod: try Reduce.run(MinOp<Bool>(), true, cur, out, k1, r, k2)
                default: try Reduce.run(MaxOp<Bool>(), false, cur, out, k1, r, k2)
                }
            }
            cur = out
            shape = newShape
        }
        return cur
    }

    /// A transposed (axis-permuted) view is reduced in its memory order, as NumPy does, rather
    /// than copied into row-major order first: the contiguous view it permutes is reduced over
    /// the matching axes, and the kept axes are put back in order. Nil for other layouts.
    private func reducePermuted(_ op: ReduceOp, _ axes: [Int]) throws -> Tensor? {
        guard !isContiguous, ndim > 1 else { return nil }
        let perm = (0..<ndim).sorted { strides[$0] > strides[$1] || (strides[$0] == strides[$1] && $0 < $1) }
        let base = try transpose(perm)
        guard base.isContiguous else { return nil }
        var position = [Int](repeating: 0, count: ndim)  // position[original axis] = axis in base
        for (k, a) in perm.enumerated() { position[a] = k }
        let reduced = Set(axes.map { position[$0] })
        let r = try base.reduceCore(op, reduced.sorted())
        let kept = (0..<ndim).filter { !reduced.contains($0) }.map { perm[$0] }  // original axes, in r's order
        return try r.transpose(kept.indices.sorted { kept[$0] < kept[$1] }).contiguous()
    }

    static func reduceRun<T: NumericElement>(_: T.Type, _ op: ReduceOp, _ x: Tensor, _ out: Tensor, _ k1: Int, _ r: Int, _ k2: Int) throws {
        switch op {
        case .sum, .mean: try Reduce.run(AddOp<T>(), T(fromInt64: 0), x, out, k1, r, k2)
        case .prod: try Reduce.run(MulOp<T>(), T.one, x, out, k1, r, k2)
        case .max, .any: try Reduce.run(MaxOp<T>(), T.lowest, x, out, k1, r, k2)
        case .min, .all: try Reduce.run(MinOp<T>(), T.highest, x, out, k1, r, k2)
        }
    }
}

enum Reduce {
    /// How many partial results one long reduction is split into. A constant, not the core
    /// count, so that the summation order, and so the rounding, is the same on every machine.
    static let maxPieces = 8

    /// Reduces contiguous `x` viewed as (k1, r, k2) over its middle axis into `out` (k1, k2).
    static func run<Op: BinaryKernelOp>(_ op: Op, _ identity: Op.In, _ x: Tensor, _ out: Tensor,
                                        _ k1: Int, _ r: Int, _ k2: Int) throws where Op.In == Op.Out {
        let px = SendablePointer(x.base(Op.In.self)), po = SendablePointer(out.base(Op.In.self))
        if k1 * k2 == 0 { return }
        if k2 == 1 {
            // Each output is the reduction of one contiguous run of r elements.
            let pieces = Swift.max(1, Swift.min(r / Parallel.grain, (Reduce.maxPieces + k1 - 1) / k1))
            if pieces == 1 {
                try Parallel.forEachChunk(count: k1, unitCost: r) { rows in
                    for i in rows { po.p[i] = contiguous(op, identity, px.p + i * r, r) }
                }
                return
            }
            let partial = UnsafeMutablePointer<Op.In>.allocate(capacity: k1 * pieces)
            defer { partial.deallocate() }
            let pp = SendablePointer(partial)
            let per = (r + pieces - 1) / pieces
            try Parallel.forEachChunk(count: k1 * pieces, unitCost: per) { items in
                for item in items {
                    let row = item / pieces, piece = item % pieces
                    let lo = Swift.min(r, piece * per), hi = Swift.min(r, lo + per)
                    (pp.p + item).initialize(to: contiguous(op, identity, px.p + row * r + lo, hi - lo))
                }
            }
            for row in 0..<k1 {
                var acc = partial[row * pieces]
                for piece in 1..<pieces { acc = op(acc, partial[row * pieces + piece]) }
                po.p[row] = acc
            }
            return
        }
        // Accumulate whole rows of k2 elements: vectorises across the kept axis.
        let pieces = Swift.min(Reduce.maxPieces, (r * k2) / Parallel.grain, r)
        if k1 < Parallel.cores * 2 && pieces > 1 {
            // Few outputs rows, many input rows (mean over axis 0): each piece of the rows
            // streams through memory into its own partial row; the partials are then combined.
            let per = (r + pieces - 1) / pieces
            let partial = UnsafeMutablePointer<Op.In>.allocate(capacity: k1 * pieces * k2)
            defer { partial.deallocate() }
            let pp = SendablePointer(partial)
            try Parallel.forEachChunk(count: k1 * pieces, unitCost: per * k2) { items in
                for item in items {
                    let i = item / pieces, piece = item % pieces
                    let lo = Swift.min(r, piece * per), hi = Swift.min(r, lo + per)
                    let acc = pp.p + item * k2, src = px.p + i * r * k2
                    acc.initialize(repeating: identity, count: k2)
                    for row in lo..<hi {
                        let s = src + row * k2
                        for j in 0..<k2 { acc[j] = op(acc[j], s[j]) }
                    }
                }
            }
            for i in 0..<k1 {
                let o = po.p + i * k2
                o.update(from: partial + i * pieces * k2, count: k2)
                for piece in 1..<pieces {
                    let q = partial + (i * pieces + piece) * k2
                    for j in 0..<k2 { o[j] = op(o[j], q[j]) }
                }
            }
            return
        }
        let block = 512
        let blocks = (k2 + block - 1) / block
        try Parallel.forEachChunk(count: k1 * blocks, unitCost: r * Swift.min(block, k2)) { items in
            for item in items {
                let i = item / blocks, j0 = (item % blocks) * block, j1 = Swift.min(k2, j0 + block)
                let o = po.p + i * k2, src = px.p + i * r * k2
                for j in j0..<j1 { o[j] = identity }
                for row in 0..<r {
                    let s = src + row * k2
                    for j in j0..<j1 { o[j] = op(o[j], s[j]) }
                }
            }
        }
    }

    /// Reduction of `n` contiguous elements: eight accumulators, pairwise above 4096 elements.
    @inline(__always)
    static func contiguous<Op: BinaryKernelOp>(_ op: Op, _ identity: Op.In, _ p: UnsafeMutablePointer<Op.In>, _ n: Int) -> Op.In where Op.In == Op.Out {
        if n > 4096 {
            let h = (n / 2) & ~7
            return op(contiguous(op, identity, p, h), contiguous(op, identity, p + h, n - h))
        }
        // Sixteen independent lanes, updated like a row accumulation so the loop vectoriser
        // turns them into vector registers; then combined pairwise.
        return withUnsafeTemporaryAllocation(of: Op.In.self, capacity: 16) { buf in
            let lanes = buf.baseAddress!
            lanes.initialize(repeating: identity, count: 16)
            var i = 0
            while i + 16 <= n {
                let q = p + i
                for j in 0..<16 { lanes[j] = op(lanes[j], q[j]) }
                i += 16
            }
            var width = 8
            while width >= 1 {
                for j in 0..<width { lanes[j] = op(lanes[j], lanes[j + width]) }
                width /= 2
            }
            var acc = lanes[0]
            while i < n { acc = op(acc, p[i]); i += 1 }
            return acc
        }
    }
}

extension Tensor {
    /// Cumulative sum along `axis` (over the flattened tensor if nil). Integer and bool
    /// tensors give int64.
    public func cumsum(axis: Int? = nil) throws -> Tensor { try scan(axis: axis, product: false) }

    /// Cumulative product along `axis` (over the flattened tensor if nil), with cumsum's dtypes.
    public func cumprod(axis: Int? = nil) throws -> Tensor { try scan(axis: axis, product: true) }

    /// The running sum (or product) of each line along `axis`.
    private func scan(axis: Int?, product: Bool) throws -> Tensor {
        if dtype.isHalf { return try inFloat32 { try $0.scan(axis: axis, product: product) } }
        var x = dtype.isFloatingPoint ? self : try cast(to: .int64)
        if axis == nil { x = try x.ravel() }
        let ax = try Tensor.normalizeAxis(axis ?? 0, ndim: Swift.max(x.ndim, 1))
        if x.ndim == 0 { return try x.reshape([1]).copy() }
        let moved = try x.swapAxes(ax, x.ndim - 1).copy()
        let r = moved.shape.last ?? 0
        if moved.count == 0 { return try moved.swapAxes(ax, x.ndim - 1).contiguous() }
        func run<T: NumericElement>(_: T.Type) throws {
            let p = SendablePointer(moved.base(T.self))
            try Parallel.forEachChunk(count: moved.count / r, unitCost: r) { rows in
                for row in rows {
                    let q = p.p + row * r
                    var acc = T(fromInt64: product ? 1 : 0)
                    if product { for j in 0..<r { acc = T.mul(acc, q[j]); q[j] = acc } }
                    else { for j in 0..<r { acc = T.add(acc, q[j]); q[j] = acc } }
                }
            }
        }
        switch moved.dtype {
        case .float32: try run(Float.self)
        case .float64: try run(Double.self)
        case .int64: try run(Int64.self)
        // Halves were widened above, and integers and bools cast to int64.
        case .float16, .bfloat16, .int32, .uint8, .bool: throw TensorError.unsupportedDType(op: product ? "cumprod" : "cumsum", dtype: moved.dtype)
        }
        return try moved.swapAxes(ax, x.ndim - 1).contiguous()
    }
}
