import TensorKit

/// `nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, bias=True)` on
/// (N, C, H, W) inputs, weight (out, in, kh, kw); PyTorch's default initialisation,
/// U(±1/√(in·kh·kw)). Runs as one BLAS product over all windows (TensorKit's conv2d).
public final class Conv2d: Layer {
    public let inChannels: Int
    public let outChannels: Int
    public let kernel: (Int, Int)
    public let stride: (Int, Int)
    public let padding: (Int, Int)
    var parameters: WeightAndBias
    public var weight: Tensor { parameters.weight }
    public var bias: Tensor? { parameters.bias }
    public var training = true

    public init(_ inChannels: Int, _ outChannels: Int, kernel: (Int, Int), stride: (Int, Int) = (1, 1),
                padding: (Int, Int) = (0, 0), bias: Bool = true, initializer: Initializer? = nil,
                dtype: DType = .float32, using g: RandomGenerator) throws {
        try require(inChannels >= 1, "Conv2d", "in_channels", Double(inChannels), "at least 1")
        try require(outChannels >= 1, "Conv2d", "out_channels", Double(outChannels), "at least 1")
        try require(kernel.0 >= 1 && kernel.1 >= 1, "Conv2d", "kernel_size", Double(min(kernel.0, kernel.1)), "at least 1")
        try require(stride.0 >= 1 && stride.1 >= 1, "Conv2d", "stride", Double(min(stride.0, stride.1)), "at least 1")
        try require(padding.0 >= 0 && padding.1 >= 0, "Conv2d", "padding", Double(min(padding.0, padding.1)), "at least 0")
        (self.inChannels, self.outChannels, self.kernel, self.stride, self.padding) = (inChannels, outChannels, kernel, stride, padding)
        let bound = 1 / Double(inChannels * kernel.0 * kernel.1).squareRoot()
        let w = try (initializer ?? .uniform(bound: bound)).tensor([outChannels, inChannels, kernel.0, kernel.1], dtype: dtype, using: g)
        // With PyTorch's default the bias is drawn like the weight; with a chosen initialiser it starts at 0.
        let b = bias ? try (initializer == nil ? Initializer.uniform(bound: bound) : .zeros).tensor([outChannels], dtype: dtype, using: g) : nil
        parameters = WeightAndBias(weight: w, bias: b)
    }

    public var typeName: String { "Conv2d" }
    public var description: String {
        var s = "Conv2d(\(inChannels), \(outChannels), kernel_size=\(pair(kernel)), stride=\(pair(stride))"
        if padding != (0, 0) { s += ", padding=\(pair(padding))" }
        return s + (bias == nil ? ", bias=False)" : ")")
    }
    public var parameterNames: [String] { parameters.names }
    public func tensor(named name: String) -> Tensor? { parameters.tensor(named: name) }
    public func setTensor(_ name: String, _ value: Tensor) throws { try parameters.set(name, value, in: self) }

    public func forward(_ x: Traced, _ run: ForwardRun) throws -> Traced {
        try Traced.conv2d(x, run.parameter(self, "weight"), bias: bias == nil ? nil : run.parameter(self, "bias"),
                          stride: stride, padding: padding)
    }
}

/// `nn.MaxPool2d(kernel_size, stride=kernel_size, padding=0)` and `nn.AvgPool2d`.
public final class Pool2d: Layer {
    public enum Kind: String { case max = "MaxPool2d", average = "AvgPool2d" }
    public let kind: Kind
    public let kernel: (Int, Int)
    public let stride: (Int, Int)
    public let padding: (Int, Int)
    public var training = true

    public init(_ kind: Kind, kernel: (Int, Int), stride: (Int, Int)? = nil, padding: (Int, Int) = (0, 0)) throws {
        try require(kernel.0 >= 1 && kernel.1 >= 1, kind.rawValue, "kernel_size", Double(min(kernel.0, kernel.1)), "at least 1")
        let stride = stride ?? kernel
        try require(stride.0 >= 1 && stride.1 >= 1, kind.rawValue, "stride", Double(min(stride.0, stride.1)), "at least 1")
        (self.kind, self.kernel, self.stride, self.padding) = (kind, kernel, stride, padding)
    }

    public var typeName: String { kind.rawValue }
    public var description: String {
        let base = "\(kind.rawValue)(kernel_size=\(size(kernel)), stride=\(size(stride)), padding=\(size(padding))"
        return base + (kind == .max ? ", dilation=1, ceil_mode=False)" : ")")
    }

    public func forward(_ x: Traced, _ run: ForwardRun) throws -> Traced {
        switch kind {
        case .max: try x.maxPool2d(kernel: kernel, stride: stride, padding: padding)
        case .average: try x.avgPool2d(kernel: kernel, stride: stride, padding: padding)
        }
    }
}

/// `nn.Flatten()`: every axis after the first into one, (N, C, H, W) to (N, C·H·W).
public final class Flatten: Layer {
    public var training = true
    public init() {}
    public var typeName: String { "Flatten" }
    public var description: String { "Flatten(start_dim=1, end_dim=-1)" }

    public func forward(_ x: Traced, _ run: ForwardRun) throws -> Traced {
        guard let n = x.shape.first else { return try x.reshape([1]) }
        return try x.reshape([n, x.shape.dropFirst().reduce(1, *)])
    }
}

/// A size pair as PyTorch's reprs write it: convolutions always as a tuple, `(3, 3)`.
func pair(_ p: (Int, Int)) -> String { "(\(p.0), \(p.1))" }

/// Pooling layers keep what they were given; a square size reads as one number, `2`.
func size(_ p: (Int, Int)) -> String { p.0 == p.1 ? "\(p.0)" : pair(p) }
