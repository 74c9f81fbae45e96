/// The copy loops of fancy indexing (`x[idx]`, `x[:, idx]`, `x[idx] = v`): moves the blocks of a
/// `FancyPlan` between a source storage and a contiguous buffer, as raw elements of type `E`.
struct BlockMover<E>: Sendable {
    let plan: FancyPlan
    let src: SendablePointer<E>
    let dst: SendablePointer<E>
    let gather: Bool
    /// Whether a block's elements are contiguous in the source.
    let contiguousBlock: Bool

    init(plan: FancyPlan, src: SendablePointer<E>, dst: SendablePointer<E>, gather: Bool) {
        self.plan = plan
        self.src = src
        self.dst = dst
        self.gather = gather
        contiguousBlock = plan.blockStrides == Tensor.contiguousStrides(plan.blockShape)
    }

    /// Moves blocks (r, j) for r in `rows`, j in `picks`; block (r, j) is element block
    /// `r * picks.count(all) + j` of the contiguous side.
    func rows(_ rows: Range<Int>, picks: Range<Int>) {
        let block = plan.block, total = plan.pickOffsets.count
        plan.rowOffsets.withUnsafeBufferPointer { rowOffsets in
            plan.pickOffsets.withUnsafeBufferPointer { pickOffsets in
                for r in rows {
                    let s = src.p + rowOffsets[r], d = dst.p + (r * total + picks.lowerBound) * block
                    let offsets = UnsafeBufferPointer(rebasing: pickOffsets[picks])
                    if block == 1 {
                        singles(s, d, offsets)
                    } else if contiguousBlock {
                        runs(s, d, offsets, block)
                    } else {
                        strided(s, d, offsets)
                    }
                }
            }
        }
    }

    /// One element per pick (a column gather): a typed gather loop.
    private func singles(_ s: UnsafeMutablePointer<E>, _ d: UnsafeMutablePointer<E>, _ offsets: UnsafeBufferPointer<Int>) {
        if gather {
            for j in 0..<offsets.count { d[j] = s[offsets[j]] }
        } else {
            for j in 0..<offsets.count { s[offsets[j]] = d[j] }
        }
    }

    /// A contiguous run of `block` elements per pick (a row gather): one memory copy each.
    private func runs(_ s: UnsafeMutablePointer<E>, _ d: UnsafeMutablePointer<E>, _ offsets: UnsafeBufferPointer<Int>, _ block: Int) {
        for j in 0..<offsets.count {
            if gather { (d + j * block).update(from: s + offsets[j], count: block) } else { (s + offsets[j]).update(from: d + j * block, count: block) }
        }
    }

    /// A strided block per pick: its innermost axis as a strided loop, the outer axes by odometer.
    private func strided(_ s: UnsafeMutablePointer<E>, _ d: UnsafeMutablePointer<E>, _ offsets: UnsafeBufferPointer<Int>) {
        let shape = plan.blockShape, strides = plan.blockStrides
        let inner = shape[shape.count - 1], innerStride = strides[strides.count - 1]
        let outerCount = plan.block / inner
        var index = [Int](repeating: 0, count: shape.count)
        var out = d
        for j in 0..<offsets.count {
            for k in index.indices { index[k] = 0 }
            var so = offsets[j]
            for _ in 0..<outerCount {
                if gather {
                    for i in 0..<inner { out[i] = s[so + i * innerStride] }
                } else {
                    for i in 0..<inner { s[so + i * innerStride] = out[i] }
                }
                out += inner
                var a = shape.count - 2
                while a >= 0 {
                    index[a] += 1
                    so += strides[a]
                    if index[a] < shape[a] { break }
                    so -= strides[a] * shape[a]
                    index[a] = 0
                    a -= 1
                }
            }
        }
    }
}
