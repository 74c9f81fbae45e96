/// argmax and argmin: the position of the extreme along an axis (int64).

extension Tensor {
    /// Index of the largest element along `axis` (over the flattened tensor if nil), int64.
    /// The first occurrence wins; a NaN counts as the largest (as NumPy).
    public func argmax(axis: Int? = nil, keepdims: Bool = false) throws -> Tensor {
        try argReduce(axis: axis, keepdims: keepdims, max: true)
    }

    /// Index of the smallest element along `axis` (over the flattened tensor if nil), int64.
    public func argmin(axis: Int? = nil, keepdims: Bool = false) throws -> Tensor {
        try argReduce(axis: axis, keepdims: keepdims, max: false)
    }

    /// The first position of the largest (or smallest) of `n > 0` contiguous elements, or of
    /// the first NaN. Two passes that vectorise: the NaN-propagating extreme, then a search;
    /// floats at the CPU's full width (VectorMath).
    @inline(__always)
    static func argExtreme<T: KernelElement>(_ p: UnsafeMutablePointer<T>, _ n: Int, max: Bool) -> Int {
        if let found = VectorMath.argExtreme(UnsafePointer(p), n, max: max) { return found }
        let m = max ? Reduce.contiguous(MaxOp<T>(), T.lowest, p, n) : Reduce.contiguous(MinOp<T>(), T.highest, p, n)
        if m != m {
            for j in 0..<n where p[j] != p[j] { return j }
        } else {
            for j in 0..<n where p[j] == m { return j }
        }
        return 0
    }

    func argReduce(axis: Int?, keepdims: Bool, max: Bool) throws -> Tensor {
        let name = max ? "argmax" : "argmin"
        let x: Tensor, ax: Int
        if let axis {
            ax = try Tensor.normalizeAxis(axis, ndim: ndim)
            x = ax == ndim - 1 ? try contiguous() : try swapAxes(ax, ndim - 1).contiguous()
        } else {
            ax = -1
            x = try ravel()
        }
        let r = x.shape.last ?? 1
        // As NumPy: only an empty reduced axis is an error; an empty other axis (the last,
        // empty batch) gives an empty result.
        guard r > 0 else {
            throw TensorError.invalidArgument(op: name, message: "attempt to get \(name) of an empty sequence")
        }
        let rows = x.count / r
        let out = try Tensor(uninitialized: [rows], dtype: .int64)
        func run<T: KernelElement>(_: T.Type) throws {
            let px = SendablePointer(x.base(T.self)), po = SendablePointer(out.base(Int64.self))
            try Parallel.forEachChunk(count: rows, unitCost: r) { range in
                for row in range { po.p[row] = Int64(Tensor.argExtreme(px.p + row * r, r, max: max)) }
            }
        }
        switch x.dtype {
        case .float32: try run(Float.self)
        case .float64: try run(Double.self)
        case .int64: try run(Int64.self)
        case .int32: try run(Int32.self)
        case .uint8: try run(UInt8.self)
        case .float16: try run(Float16Bits.self)
        case .bfloat16: try run(BFloat16Bits.self)
        case .bool: try run(Bool.self)
        }
        if axis == nil {
            return keepdims ? try out.reshape([Int](repeating: 1, count: ndim)) : try out.reshape([])
        }
        var shape = self.shape
        if keepdims { shape[ax] = 1 } else { shape.remove(at: ax) }
        if ax == ndim - 1 { return try out.reshape(shape) }
        // Rows came out in the swapped order; put the axes back.
        var swapped = self.shape
        swapped.swapAt(ax, ndim - 1)
        swapped.removeLast()
        var perm = Array(0..<(ndim - 1))
        if ax < ndim - 1 {  // the last axis of `self` sits at position ax of `swapped`
            perm.remove(at: ax)
            perm.append(ax)
        }
        let back = try out.reshape(swapped).transpose(perm).contiguous()
        return try back.reshape(shape)
    }
}
