/// The sliding windows of convolution and pooling (im2col) and their adjoint (col2im), on
/// plain tensors. `Traced.patches` makes them one differentiable primitive; conv2d is then one
/// BLAS product over the windows, and pooling a reduction over them.

/// Where the windows of a 2-D convolution or pooling over an (N, C, H, W) input lie.
public struct PatchGeometry: Equatable, Sendable {
    public let batch: Int, channels: Int, height: Int, width: Int
    public let kernel: (Int, Int), stride: (Int, Int), padding: (Int, Int)
    /// The output's spatial size: (H + 2·padding - kernel) / stride + 1 per axis.
    public let outHeight: Int, outWidth: Int

    /// Checks the input's rank and the hyperparameters; `op` names the caller in errors.
    public init(input shape: [Int], kernel: (Int, Int), stride: (Int, Int), padding: (Int, Int), op: String) throws {
        guard shape.count == 4 else {
            throw TensorError.invalidArgument(op: op, message: "expected a 4-D input (N, C, H, W), got shape \(shape)")
        }
        let limit = 1 << 30  // keeps the window arithmetic below far from overflow
        guard kernel.0 > 0, kernel.1 > 0, stride.0 > 0, stride.1 > 0, padding.0 >= 0, padding.1 >= 0,
              [kernel.0, kernel.1, stride.0, stride.1, padding.0, padding.1].allSatisfy({ $0 < limit }) else {
            throw TensorError.invalidArgument(op: op, message: "kernel and stride must be positive and padding non-negative, got kernel \(kernel), stride \(stride), padding \(padding)")
        }
        (batch, channels, height, width) = (shape[0], shape[1], shape[2], shape[3])
        (self.kernel, self.stride, self.padding) = (kernel, stride, padding)
        let paddedHeight = height + 2 * padding.0, paddedWidth = width + 2 * padding.1
        guard paddedHeight >= kernel.0, paddedWidth >= kernel.1 else {
            throw TensorError.invalidArgument(op: op, message: "kernel \(kernel) is larger than the padded input (\(paddedHeight), \(paddedWidth))")
        }
        outHeight = (paddedHeight - kernel.0) / stride.0 + 1
        outWidth = (paddedWidth - kernel.1) / stride.1 + 1
        // Every product of these sizes used below (the windows' element count) must fit in Int.
        guard !Tensor.checkedCount(patchShape).1 else { throw TensorError.outOfMemory(bytes: Int.max) }
    }

    /// The windows' tensor shape: (N, outH, outW, C, kh, kw).
    public var patchShape: [Int] { [batch, outHeight, outWidth, channels, kernel.0, kernel.1] }
    public var inputShape: [Int] { [batch, channels, height, width] }
    var windowSize: Int { channels * kernel.0 * kernel.1 }

    public static func == (a: PatchGeometry, b: PatchGeometry) -> Bool {
        a.inputShape == b.inputShape && a.kernel == b.kernel && a.stride == b.stride && a.padding == b.padding
    }
}

extension Tensor {
    /// Every window of this (N, C, H, W) tensor, as (N, outH, outW, C, kh, kw); positions in
    /// the padding read `padValue` (0 for convolution, -inf for max pooling). Integer inputs
    /// compute in float32, float64 stays float64.
    public func patches(_ geometry: PatchGeometry, padValue: Double = 0) throws -> Tensor {
        let x = try cast(to: dtype == .float64 ? .float64 : .float32).contiguous()
        let out = try Tensor(uninitialized: geometry.patchShape, dtype: x.dtype)
        if x.dtype == .float64 {
            try Tensor.extractPatches(Double.self, x, out, geometry, padValue)
        } else {
            try Tensor.extractPatches(Float.self, x, out, geometry, padValue)
        }
        return out
    }

    /// The adjoint of `patches`: each window element added back to the input position it
    /// came from (positions in several windows receive several contributions).
    public static func foldPatches(_ windows: Tensor, _ geometry: PatchGeometry) throws -> Tensor {
        guard windows.shape == geometry.patchShape else {
            throw TensorError.shapeMismatch(op: "fold_patches", lhs: windows.shape, rhs: geometry.patchShape)
        }
        let src = try windows.cast(to: windows.dtype == .float64 ? .float64 : .float32).contiguous()
        let out = try Tensor(zeros: geometry.inputShape, dtype: src.dtype)
        if src.dtype == .float64 {
            try foldPatches(Double.self, src, out, geometry)
        } else {
            try foldPatches(Float.self, src, out, geometry)
        }
        return out
    }

    /// One output row (n, oy) per unit of work, split across cores.
    private static func extractPatches<T: FloatElement>(_: T.Type, _ x: Tensor, _ out: Tensor, _ g: PatchGeometry, _ padValue: Double) throws {
        let src = SendablePointer(x.base(T.self)), dst = SendablePointer(out.base(T.self))
        let pad = T(fromDouble: padValue), (kh, kw) = g.kernel, window = g.windowSize
        try Parallel.forEachChunk(count: g.batch * g.outHeight, unitCost: g.outWidth * window) { rows in
            for row in rows {
                let n = row / g.outHeight, oy = row % g.outHeight
                var d = dst.p + row * g.outWidth * window
                for ox in 0..<g.outWidth {
                    for c in 0..<g.channels {
                        let plane = src.p + (n * g.channels + c) * g.height * g.width
                        for ky in 0..<kh {
                            let iy = oy * g.stride.0 - g.padding.0 + ky
                            let inside = iy >= 0 && iy < g.height
                            for kx in 0..<kw {
                                let ix = ox * g.stride.1 - g.padding.1 + kx
                                d[kx] = inside && ix >= 0 && ix < g.width ? plane[iy * g.width + ix] : pad
                            }
                            d += kw
                        }
                    }
                }
            }
        }
    }

    /// One input plane (n, c) per unit of work: planes are disjoint, so no two threads add
    /// into the same element.
    private static func foldPatches<T: FloatElement>(_: T.Type, _ windows: Tensor, _ out: Tensor, _ g: PatchGeometry) throws {
        let src = SendablePointer(windows.base(T.self)), dst = SendablePointer(out.base(T.self))
        let (kh, kw) = g.kernel, window = g.windowSize
        try Parallel.forEachChunk(count: g.batch * g.channels, unitCost: g.outHeight * g.outWidth * kh * kw) { planes in
            for planeIndex in planes {
                let n = planeIndex / g.channels, c = planeIndex % g.channels
                let plane = dst.p + planeIndex * g.height * g.width
                for oy in 0..<g.outHeight {
                    for ox in 0..<g.outWidth {
                        var s = src.p + ((n * g.outHeight + oy) * g.outWidth + ox) * window + c * kh * kw
                        for ky in 0..<kh {
                            let iy = oy * g.stride.0 - g.padding.0 + ky
                            if iy >= 0 && iy < g.height {
                                for kx in 0..<kw {
                                    let ix = ox * g.stride.1 - g.padding.1 + kx
                                    if ix >= 0 && ix < g.width { plane[iy * g.width + ix] += s[kx] }
                                }
                            }
                            s += kw
                        }
                    }
                }
            }
        }
    }
}
