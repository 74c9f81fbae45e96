/// Convolution's im2col in Caffe's layout: one row per kernel tap (c, ky, kx) and one column per
/// output position (n, oy, ox), so that conv2d is the plain product weight (O, C·kh·kw) @
/// columns, whose result (O, N·outH·outW) is the output with its first two axes swapped.
/// Each row is built from runs of input rows, which copy as whole spans; the window layout of
/// `patches` (one short kernel row at a time) took 4-5× longer to build and to fold back, and
/// its product came out transposed and had to be copied once more.

extension Tensor {
    /// The columns of this (N, C, H, W) tensor: (C·kh·kw, N·outH·outW), padding read as 0.
    /// Integer inputs compute in float32, float64 stays float64.
    public func convolutionColumns(_ geometry: PatchGeometry) throws -> Tensor {
        let x = try cast(to: dtype == .float64 ? .float64 : .float32).contiguous()
        let out = try Tensor(uninitialized: geometry.columnShape, dtype: x.dtype)
        if x.dtype == .float64 {
            try Tensor.fillColumns(Double.self, x, out, geometry)
        } else {
            try Tensor.fillColumns(Float.self, x, out, geometry)
        }
        return out
    }

    /// The adjoint of `convolutionColumns` (col2im): each column entry added back to the input
    /// position it was read from.
    public static func foldColumns(_ columns: Tensor, _ geometry: PatchGeometry) throws -> Tensor {
        guard columns.shape == geometry.columnShape else {
            throw TensorError.shapeMismatch(op: "fold_columns", lhs: columns.shape, rhs: geometry.columnShape)
        }
        let src = try columns.cast(to: columns.dtype == .float64 ? .float64 : .float32).contiguous()
        let out = try Tensor(zeros: geometry.inputShape, dtype: src.dtype)
        if src.dtype == .float64 {
            try foldColumns(Double.self, src, out, geometry)
        } else {
            try foldColumns(Float.self, src, out, geometry)
        }
        return out
    }

    /// One kernel tap (row of the columns) per unit of work; rows are disjoint.
    private static func fillColumns<T: FloatElement>(_: T.Type, _ x: Tensor, _ out: Tensor, _ g: PatchGeometry) throws {
        let src = SendablePointer(x.base(T.self)), dst = SendablePointer(out.base(T.self))
        let positions = g.batch * g.outHeight * g.outWidth, taps = g.kernel.0 * g.kernel.1
        try Parallel.forEachChunk(count: g.windowSize, unitCost: positions) { rows in
            for row in rows {
                let c = row / taps, ky = row % taps / g.kernel.1, kx = row % g.kernel.1
                let span = g.inputSpan(kx: kx)
                var d = dst.p + row * positions
                for n in 0..<g.batch {
                    let plane = src.p + (n * g.channels + c) * g.height * g.width
                    for oy in 0..<g.outHeight {
                        let iy = oy * g.stride.0 - g.padding.0 + ky
                        if iy < 0 || iy >= g.height {
                            d.update(repeating: 0, count: g.outWidth)
                        } else {
                            copyRow(from: plane + iy * g.width, to: d, span, g)
                        }
                        d += g.outWidth
                    }
                }
            }
        }
    }

    /// One output row of a tap: zeros where the window hangs over the padding, the input row
    /// (every stride-th element) in between.
    @inline(__always)
    private static func copyRow<T: FloatElement>(from line: UnsafeMutablePointer<T>, to d: UnsafeMutablePointer<T>,
                                                 _ span: PatchGeometry.Span, _ g: PatchGeometry) {
        d.update(repeating: 0, count: span.first)
        let s = g.stride.1
        if s == 1 {
            (d + span.first).update(from: line + span.firstInput, count: span.count)
        } else {
            for j in 0..<span.count { d[span.first + j] = line[span.firstInput + j * s] }
        }
        (d + span.first + span.count).update(repeating: 0, count: g.outWidth - span.first - span.count)
    }

    /// One input channel per unit of work: all the taps of a channel add into that channel's
    /// planes, which no other unit touches.
    private static func foldColumns<T: FloatElement>(_: T.Type, _ columns: Tensor, _ out: Tensor, _ g: PatchGeometry) throws {
        let src = SendablePointer(columns.base(T.self)), dst = SendablePointer(out.base(T.self))
        let positions = g.batch * g.outHeight * g.outWidth, taps = g.kernel.0 * g.kernel.1
        try Parallel.forEachChunk(count: g.channels, unitCost: taps * positions) { channels in
            for c in channels {
                for tap in 0..<taps {
                    let ky = tap / g.kernel.1, kx = tap % g.kernel.1
                    let span = g.inputSpan(kx: kx)
                    var s = src.p + (c * taps + tap) * positions
                    for n in 0..<g.batch {
                        let plane = dst.p + (n * g.channels + c) * g.height * g.width
                        for oy in 0..<g.outHeight {
                            let iy = oy * g.stride.0 - g.padding.0 + ky
                            if iy >= 0 && iy < g.height { addRow(s + span.first, into: plane + iy * g.width, span, g.stride.1) }
                            s += g.outWidth
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func addRow<T: FloatElement>(_ s: UnsafeMutablePointer<T>, into line: UnsafeMutablePointer<T>,
                                                _ span: PatchGeometry.Span, _ stride: Int) {
        let target = line + span.firstInput
        if stride == 1 {
            for j in 0..<span.count { target[j] = target[j] + s[j] }
        } else {
            for j in 0..<span.count { target[j * stride] = target[j * stride] + s[j] }
        }
    }
}

extension PatchGeometry {
    /// The columns' shape: (C·kh·kw, N·outH·outW).
    public var columnShape: [Int] { [windowSize, batch * outHeight * outWidth] }

    /// For kernel column `kx`: the output columns whose input column lies inside the image,
    /// `first ..< first + count`, and the input column of the first of them.
    struct Span {
        let first: Int, count: Int, firstInput: Int
    }

    func inputSpan(kx: Int) -> Span {
        let offset = kx - padding.1  // input column of output column 0
        let s = stride.1
        // The first ox with ox·s + offset ≥ 0, and one past the last with ox·s + offset < width.
        let first = offset >= 0 ? 0 : Swift.min(outWidth, (-offset + s - 1) / s)
        let end = width - offset <= 0 ? 0 : Swift.min(outWidth, (width - offset + s - 1) / s)
        let count = Swift.max(0, end - first)
        return Span(first: first, count: count, firstInput: first * s + offset)
    }
}

extension Traced {
    /// `convolutionColumns` as a differentiable primitive; its rule folds the columns back.
    public func convolutionColumns(_ geometry: PatchGeometry) throws -> Traced {
        try Traced.record(value.convolutionColumns(geometry), (self, { g in try Tensor.foldColumns(g, geometry) }))
    }
}
