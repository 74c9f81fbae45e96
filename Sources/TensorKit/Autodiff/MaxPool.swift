/// Max pooling as its own kernel pair rather than windows + max: the forward finds each
/// window's maximum and remembers where it was in one pass, and the backward sends each
/// gradient to that one place in one pass. The composite would copy every window, compare,
/// count ties and divide, several passes over the largest activations of a CNN.

extension Tensor {
    /// PyTorch's `max_pool2d` over an (N, C, H, W) tensor: the pooled values (N, C, outH, outW)
    /// and, for each, the position of its maximum in its input plane (iy·W + ix). A tie goes
    /// to the first maximum in row-major window order, and a NaN wins, as PyTorch. Windows
    /// reaching into the padding ignore it (padding at most half the kernel, checked by the
    /// caller, keeps a real element in every window).
    public func maxPool2d(_ geometry: PatchGeometry) throws -> (values: Tensor, argmax: Tensor) {
        let x = try cast(to: dtype == .float64 ? .float64 : .float32).contiguous()
        let shape = [geometry.batch, geometry.channels, geometry.outHeight, geometry.outWidth]
        let values = try Tensor(uninitialized: shape, dtype: x.dtype)
        let argmax = try Tensor(uninitialized: shape, dtype: .int64)
        if x.dtype == .float64 {
            try Tensor.maxPoolForward(Double.self, x, values, argmax, geometry)
        } else {
            try Tensor.maxPoolForward(Float.self, x, values, argmax, geometry)
        }
        return (values, argmax)
    }

    /// The gradient of `maxPool2d`: each element of `grad` (N, C, outH, outW) added at its
    /// window's maximum in a zero tensor of the input's shape.
    public static func maxPool2dBackward(_ grad: Tensor, argmax: Tensor, _ geometry: PatchGeometry) throws -> Tensor {
        guard grad.shape == argmax.shape, argmax.dtype == .int64 else {
            throw TensorError.shapeMismatch(op: "max_pool2d", lhs: grad.shape, rhs: argmax.shape)
        }
        let g = try grad.cast(to: grad.dtype == .float64 ? .float64 : .float32).contiguous()
        let positions = try argmax.contiguous()
        let out = try Tensor(zeros: geometry.inputShape, dtype: g.dtype)
        if g.dtype == .float64 {
            try maxPoolBackward(Double.self, g, positions, out, geometry)
        } else {
            try maxPoolBackward(Float.self, g, positions, out, geometry)
        }
        return out
    }

    /// One input plane (n, c) per unit of work.
    private static func maxPoolForward<T: FloatElement>(_: T.Type, _ x: Tensor, _ values: Tensor, _ argmax: Tensor,
                                                        _ g: PatchGeometry) throws {
        let src = SendablePointer(x.base(T.self)), dst = SendablePointer(values.base(T.self))
        let found = SendablePointer(argmax.base(Int64.self))
        let planeSize = g.height * g.width, outPlane = g.outHeight * g.outWidth
        let halving = g.kernel == (2, 2) && g.stride == (2, 2) && g.padding == (0, 0)
        try Parallel.forEachChunk(count: g.batch * g.channels, unitCost: outPlane * g.kernel.0 * g.kernel.1) { planes in
            for p in planes {
                let plane = src.p + p * planeSize
                if halving {
                    poolHalving(plane, dst.p + p * outPlane, found.p + p * outPlane, g)
                    continue
                }
                for oy in 0..<g.outHeight {
                    let y0 = oy * g.stride.0 - g.padding.0
                    let rows = Swift.max(0, y0)..<Swift.min(g.height, y0 + g.kernel.0)
                    for ox in 0..<g.outWidth {
                        let x0 = ox * g.stride.1 - g.padding.1
                        let cols = Swift.max(0, x0)..<Swift.min(g.width, x0 + g.kernel.1)
                        var best = -T.infinity, at = rows.lowerBound * g.width + cols.lowerBound
                        for iy in rows {
                            for ix in cols {
                                // Chosen without a branch: on real activations which element
                                // wins is a coin toss, and mispredicted branches cost 4× the rest.
                                // The two cases exclude each other (a NaN is never greater), so
                                // `!=` is their "or", evaluated without a jump.
                                let i = iy * g.width + ix, v = plane[i]
                                let take = (v > best) != (v.isNaN && !best.isNaN)
                                best = take ? v : best
                                at = take ? i : at
                            }
                        }
                        let o = p * outPlane + oy * g.outWidth + ox
                        dst.p[o] = best
                        found.p[o] = Int64(at)
                    }
                }
            }
        }
    }

    /// The CNN's usual pooling, 2×2 windows at stride 2 without padding, on one plane: the
    /// four candidates of a window are read at fixed offsets, without the general loop's
    /// window bounds, so the loop is a few compares and selects per output.
    @inline(__always)
    private static func poolHalving<T: FloatElement>(_ plane: UnsafeMutablePointer<T>, _ out: UnsafeMutablePointer<T>,
                                                     _ found: UnsafeMutablePointer<Int64>, _ g: PatchGeometry) {
        let w = g.width
        for oy in 0..<g.outHeight {
            let start = 2 &* oy &* w, r0 = plane + start, r1 = r0 + w
            let o = out + oy &* g.outWidth, f = found + oy &* g.outWidth
            for ox in 0..<g.outWidth {
                let i = 2 &* ox
                var best = r0[i], at = start &+ i
                func consider(_ v: T, _ position: Int) {
                    let take = (v > best) != (v.isNaN && !best.isNaN)
                    best = take ? v : best
                    at = take ? position : at
                }
                consider(r0[i &+ 1], start &+ i &+ 1)
                consider(r1[i], start &+ w &+ i)
                consider(r1[i &+ 1], start &+ w &+ i &+ 1)
                o[ox] = best
                f[ox] = Int64(at)
            }
        }
    }

    /// One input plane per unit of work: windows of one plane may overlap (stride < kernel), so
    /// a plane's additions run in order on one thread.
    private static func maxPoolBackward<T: FloatElement>(_: T.Type, _ grad: Tensor, _ argmax: Tensor, _ out: Tensor,
                                                         _ g: PatchGeometry) throws {
        let src = SendablePointer(grad.base(T.self)), dst = SendablePointer(out.base(T.self))
        let positions = SendablePointer(argmax.base(Int64.self))
        let planeSize = g.height * g.width, outPlane = g.outHeight * g.outWidth
        try Parallel.forEachChunk(count: g.batch * g.channels, unitCost: outPlane) { planes in
            for p in planes {
                let plane = dst.p + p * planeSize
                for o in (p * outPlane)..<((p + 1) * outPlane) {
                    let at = Int(positions.p[o])
                    if at >= 0 && at < planeSize { plane[at] += src.p[o] }
                }
            }
        }
    }
}
