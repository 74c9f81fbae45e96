/// `x[index] += values` with accumulation at repeated indices (NumPy's `np.add.at`): the
/// gradient of every gather. Plain `set` lets the last write win, which would drop gradient.

extension Tensor {
    /// Adds `values` (broadcast to the shape `self.get(index)` would have) into the elements
    /// `index` selects, in place; an element selected k times receives k contributions.
    public func addAt(_ index: [IndexComponent], _ values: Tensor) throws {
        try checkWritable(op: "add_at")
        let r = try resolve(index)
        guard let plan = r.fancy else {
            // Basic indexing selects each element at most once: one strided add.
            return try r.view.applyInPlace(.add, values)
        }
        var v = try values.cast(to: dtype)
        do { v = try v.broadcast(to: plan.shape, op: "add_at") } catch {
            throw TensorError.shapeMismatch(op: "add_at", lhs: plan.shape, rhs: values.shape)
        }
        v = try v.contiguous()
        switch dtype {
        case .float32: try Tensor.addBlocks(Float.self, into: r.view, plan, from: v)
        case .float64: try Tensor.addBlocks(Double.self, into: r.view, plan, from: v)
        case .int64: try Tensor.addBlocks(Int64.self, into: r.view, plan, from: v)
        case .int32: try Tensor.addBlocks(Int32.self, into: r.view, plan, from: v)
        default: throw TensorError.unsupportedDType(op: "add_at", dtype: dtype)
        }
    }

    /// Adds contiguous `values` block by block into the blocks of `plan`. Rows (the view axes
    /// before the index arrays) never overlap, so they are split across cores; the picks of one
    /// row may repeat, so each row runs its picks in order.
    private static func addBlocks<T: NumericElement>(_: T.Type, into source: Tensor, _ plan: FancyPlan, from values: Tensor) throws {
        let block = plan.block, picks = plan.pickOffsets.count, rows = plan.rowOffsets.count
        if block == 0 || picks == 0 || rows == 0 { return }
        let dst = SendablePointer(source.storage.pointer(T.self)), src = SendablePointer(values.base(T.self))
        let blockShape = plan.blockShape, blockStrides = plan.blockStrides
        let rowOffsets = plan.rowOffsets, pickOffsets = plan.pickOffsets
        try Parallel.forEachChunk(count: rows, unitCost: picks * block) { range in
            var index = [Int](repeating: 0, count: blockShape.count)
            for r in range {
                for j in 0..<picks {
                    let d = dst.p + rowOffsets[r] + pickOffsets[j], s = src.p + (r * picks + j) * block
                    if blockShape.isEmpty {
                        d.pointee = T.add(d.pointee, s.pointee)
                    } else {
                        addBlock(d, s, blockShape, blockStrides, &index)
                    }
                }
            }
        }
    }

    /// One strided block: the innermost axis as a loop, the outer axes by odometer.
    private static func addBlock<T: NumericElement>(_ d: UnsafeMutablePointer<T>, _ s: UnsafeMutablePointer<T>,
                                                     _ shape: [Int], _ strides: [Int], _ index: inout [Int]) {
        let inner = shape[shape.count - 1], innerStride = strides[strides.count - 1]
        let outerCount = shape.dropLast().reduce(1, *)
        for k in index.indices { index[k] = 0 }
        var offset = 0, from = s
        for _ in 0..<outerCount {
            for i in 0..<inner { d[offset + i * innerStride] = T.add(d[offset + i * innerStride], from[i]) }
            from += inner
            var a = shape.count - 2
            while a >= 0 {
                index[a] += 1
                offset += strides[a]
                if index[a] < shape[a] { break }
                offset -= strides[a] * shape[a]
                index[a] = 0
                a -= 1
            }
        }
    }
}
