import TensorKit

/// `nn.Dropout(p)`: in training, zeroes each value with probability p and scales the rest
/// by 1/(1-p) (inverted dropout), drawing from the session's generator; in evaluation, the
/// identity.
public final class Dropout: Layer {
    public let p: Double
    public var training = true

    public init(_ p: Double = 0.5) throws {
        try require(p.isFinite && p >= 0 && p < 1, "Dropout", "p", p, "at least 0 and below 1")
        self.p = p
    }

    public var typeName: String { "Dropout" }
    public var description: String { "Dropout(p=\(p), inplace=False)" }

    public func forward(_ x: Traced, _ run: ForwardRun) throws -> Traced {
        guard run.isTraining(self), p > 0 else { return x }
        let keep = try Tensor.binary(.greaterEqual, try Tensor.rand(x.shape, dtype: .float64, using: run.generator), p)
        let scale = try Tensor.binary(.multiply, try keep.cast(to: x.dtype), 1 / (1 - p))
        return try x * Traced(constant: scale)
    }
}

/// `nn.BatchNorm1d(n)` on (N, C) or (N, C, L) and `nn.BatchNorm2d(c)` on (N, C, H, W):
/// in training, each channel normalised by the batch's mean and (biased) variance, and the
/// running statistics moved towards them by `momentum` (the variance unbiased, as PyTorch);
/// in evaluation, normalised by the running statistics. Then scaled by `weight` and shifted
/// by `bias`, both trained.
public final class BatchNorm: Layer {
    public let features: Int
    public let spatial: Bool
    public let eps: Double
    public let momentum: Double
    public private(set) var weight: Tensor
    public private(set) var bias: Tensor
    public private(set) var runningMean: Tensor
    public private(set) var runningVar: Tensor
    public var training = true

    /// `spatial`: BatchNorm2d (4-D inputs) rather than BatchNorm1d.
    public init(_ features: Int, spatial: Bool, eps: Double = 1e-5, momentum: Double = 0.1, dtype: DType = .float32) throws {
        let name = spatial ? "BatchNorm2d" : "BatchNorm1d"
        try require(features >= 1, name, "num_features", Double(features), "at least 1")
        try require(eps.isFinite && eps > 0, name, "eps", eps, "a number above 0")
        try require(momentum.isFinite && momentum >= 0 && momentum <= 1, name, "momentum", momentum, "between 0 and 1")
        (self.features, self.spatial, self.eps, self.momentum) = (features, spatial, eps, momentum)
        weight = try Tensor.ones([features], dtype: dtype)
        bias = try Tensor(zeros: [features], dtype: dtype)
        runningMean = try Tensor(zeros: [features], dtype: dtype)
        runningVar = try Tensor.ones([features], dtype: dtype)
    }

    public var typeName: String { spatial ? "BatchNorm2d" : "BatchNorm1d" }
    public var description: String { "\(typeName)(\(features), eps=\(eps), momentum=\(momentum), affine=True, bias=True, track_running_stats=True)" }
    public var parameterNames: [String] { ["weight", "bias"] }
    public var bufferNames: [String] { ["running_mean", "running_var"] }

    public func tensor(named name: String) -> Tensor? {
        switch name {
        case "weight": weight
        case "bias": bias
        case "running_mean": runningMean
        case "running_var": runningVar
        default: nil
        }
    }

    public func setTensor(_ name: String, _ value: Tensor) throws {
        switch name {
        case "weight": weight = try checkedReplacement(name, old: weight, new: value)
        case "bias": bias = try checkedReplacement(name, old: bias, new: value)
        case "running_mean": runningMean = try checkedReplacement(name, old: runningMean, new: value)
        case "running_var": runningVar = try checkedReplacement(name, old: runningVar, new: value)
        default: throw TensorError.invalidArgument(op: typeName, message: "\(typeName) has no tensor named '\(name)'")
        }
    }

    public func forward(_ x: Traced, _ run: ForwardRun) throws -> Traced {
        let expected = spatial ? "(N, \(features), H, W)" : "(N, \(features)) or (N, \(features), L)"
        guard (spatial ? x.ndim == 4 : (x.ndim == 2 || x.ndim == 3)), x.shape[1] == features else {
            throw TensorError.invalidArgument(op: typeName, message: "expected input of shape \(expected), got \(x.shape)")
        }
        return try BatchNorm.normalize(x, runningMean: runningMean, runningVar: runningVar, weight: run.parameter(self, "weight"),
                                       bias: run.parameter(self, "bias"), training: run.isTraining(self), momentum: momentum, eps: eps,
                                       op: typeName)
    }
}

extension BatchNorm {
    /// Batch normalisation of `x` (N, C, ...) along its channels (axis 1), as
    /// `F.batch_norm`: in training by the batch's statistics over every other axis, moving the
    /// running ones (when given) towards them in place; otherwise by the running statistics.
    /// Then scaled by `weight` and shifted by `bias` (each (C,), optional). The layer and the
    /// functional builtin share it; `op` names the caller in errors.
    public static func normalize(_ x: Traced, runningMean: Tensor?, runningVar: Tensor?, weight: Traced?, bias: Traced?,
                                 training: Bool, momentum: Double, eps: Double, op: String = "batch_norm") throws -> Traced {
        guard x.ndim >= 2 else {
            throw TensorError.invalidArgument(op: op, message: "expected an input of at least 2 dimensions (N, C, ...), got \(LearnError.shape(x.shape))")
        }
        let features = x.shape[1]
        for (name, count) in [("running_mean", runningMean?.count), ("running_var", runningVar?.count), ("weight", weight?.count), ("bias", bias?.count)] {
            if let count, count != features {
                throw TensorError.invalidArgument(op: op, message: "\(name) should hold \(features) elements (one per channel), not \(count)")
            }
        }
        // Statistics over every axis but the channels; per-channel tensors broadcast along them.
        let axes = [0] + Array(2..<x.ndim)
        var channelShape = [Int](repeating: 1, count: x.ndim)
        channelShape[1] = features
        let normalized: Traced
        if training {
            let perChannel = x.count / max(features, 1)
            let mean = try x.mean(axes: axes, keepdims: true)
            let variance = try x.variance(axes: axes, keepdims: true)
            if let runningMean, let runningVar {
                try updateRunningStatistics(runningMean, runningVar, mean.value, variance.value, count: perChannel, momentum: momentum)
            }
            normalized = try (x - mean) / (variance + eps).sqrt()
        } else {
            guard let runningMean, let runningVar else {
                throw TensorError.invalidArgument(op: op, message: "running_mean and running_var must be given in evaluation mode (training=false)")
            }
            let mean = Traced(constant: try runningMean.reshape(channelShape))
            let std = try Tensor.binary(.add, runningVar, eps).unary(.sqrt).reshape(channelShape)
            normalized = try (x - mean) / Traced(constant: std)
        }
        var y = normalized
        if let weight { y = try y * weight.reshape(channelShape) }
        if let bias { y = try y + bias.reshape(channelShape) }
        return y
    }

    /// running = (1 - momentum)·running + momentum·batch, outside the graph; the variance
    /// unbiased (n / (n - 1)) as PyTorch keeps it.
    static func updateRunningStatistics(_ runningMean: Tensor, _ runningVar: Tensor, _ mean: Tensor, _ variance: Tensor,
                                        count: Int, momentum: Double) throws {
        let unbiased = try Tensor.binary(.multiply, variance, Double(count) / Double(max(count - 1, 1)))
        for (running, batch) in [(runningMean, mean), (runningVar, unbiased)] {
            try running.applyInPlace(.multiply, 1 - momentum)
            try running.applyInPlace(.add, try Tensor.binary(.multiply, batch.reshape([running.count]), momentum))
        }
    }
}
