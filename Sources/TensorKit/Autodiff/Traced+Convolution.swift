/// Convolution and average pooling as composites over im2col primitives whose rules are their
/// adjoints (col2im): conv2d is a single BLAS product over the columns of the whole batch
/// (Columns.swift), its weight and input gradients the matmul rule's products; average
/// pooling a mean over `patches`. Max pooling is a primitive of its own (MaxPool.swift).

extension Traced {
    /// The windows of an (N, C, H, W) input as (N, outH, outW, C, kh, kw).
    public func patches(_ geometry: PatchGeometry, padValue: Double = 0) throws -> Traced {
        try Traced.record(value.patches(geometry, padValue: padValue), (self, { g in
            try Tensor.foldPatches(g, geometry)
        }))
    }

    /// PyTorch's `conv2d`: x (N, C, H, W), weight (O, C, kh, kw), bias (O) or nil, giving
    /// (N, O, outH, outW). Computed as windows (N·outH·outW, C·kh·kw) times weightᵀ.
    public static func conv2d(_ x: Traced, _ weight: Traced, bias: Traced? = nil,
                              stride: (Int, Int) = (1, 1), padding: (Int, Int) = (0, 0)) throws -> Traced {
        guard weight.ndim == 4 else {
            throw TensorError.invalidArgument(op: "conv2d", message: "expected a 4-D weight (out, in, kh, kw), got shape \(weight.shape)")
        }
        let geometry = try PatchGeometry(input: x.shape, kernel: (weight.shape[2], weight.shape[3]),
                                         stride: stride, padding: padding, op: "conv2d")
        guard weight.shape[1] == geometry.channels else {
            throw TensorError.invalidArgument(op: "conv2d", message: "input has \(geometry.channels) channels but the weight expects \(weight.shape[1]) (input \(x.shape), weight \(weight.shape))")
        }
        let outChannels = weight.shape[0]
        // (O, C·kh·kw) @ (C·kh·kw, N·outH·outW): the output with its batch and channel axes
        // swapped, which adding the bias (or the next op) lays out as (N, O, outH, outW).
        let product = try matmul(weight.reshape([outChannels, geometry.windowSize]), x.convolutionColumns(geometry))
        let y = try product.reshape([outChannels, geometry.batch, geometry.outHeight, geometry.outWidth]).transpose([1, 0, 2, 3])
        guard let bias else { return y }
        guard bias.shape == [outChannels] else {
            throw TensorError.invalidArgument(op: "conv2d", message: "expected a bias of shape [\(outChannels)], got \(bias.shape)")
        }
        return try y + bias.reshape([1, outChannels, 1, 1])
    }

    /// PyTorch's `max_pool2d`: a primitive (MaxPool.swift) for speed. The gradient goes to the
    /// first maximum of each window, as PyTorch's (the `max` reduction splits ties instead).
    public func maxPool2d(kernel: (Int, Int), stride: (Int, Int)? = nil, padding: (Int, Int) = (0, 0)) throws -> Traced {
        let geometry = try Traced.poolGeometry(shape, kernel: kernel, stride: stride ?? kernel, padding: padding, op: "max_pool2d")
        let (values, argmax) = try value.maxPool2d(geometry)
        return try Traced.record(values, (self, { g in try Tensor.maxPool2dBackward(g, argmax: argmax, geometry) }))
    }

    /// PyTorch's `avg_pool2d` (padding counts as zeros in the mean, PyTorch's default
    /// `count_include_pad=True`).
    public func avgPool2d(kernel: (Int, Int), stride: (Int, Int)? = nil, padding: (Int, Int) = (0, 0)) throws -> Traced {
        let geometry = try Traced.poolGeometry(shape, kernel: kernel, stride: stride ?? kernel, padding: padding, op: "avg_pool2d")
        let windows = try patches(geometry)
            .reshape([geometry.batch, geometry.outHeight, geometry.outWidth, geometry.channels, kernel.0 * kernel.1])
        return try windows.mean(axes: [4]).transpose([0, 3, 1, 2])
    }

    /// Pooling windows, with PyTorch's limit on padding (at most half the kernel).
    private static func poolGeometry(_ shape: [Int], kernel: (Int, Int), stride: (Int, Int), padding: (Int, Int),
                                     op: String) throws -> PatchGeometry {
        let geometry = try PatchGeometry(input: shape, kernel: kernel, stride: stride, padding: padding, op: op)
        guard padding.0 * 2 <= kernel.0, padding.1 * 2 <= kernel.1 else {
            throw TensorError.invalidArgument(op: op, message: "padding should be at most half of the kernel size, got padding \(padding) and kernel \(kernel)")
        }
        return geometry
    }
}
