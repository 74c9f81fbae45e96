import Foundation
import TensorKit

/// Gradient clipping, as `torch.nn.utils.clip_grad_norm_` and `clip_grad_value_`, on a
/// model's gradients by path. Gradients are values here (no `.grad` fields), so both return
/// the clipped gradients rather than changing them in place.
public enum GradientClipping {
    /// Scales every gradient by `maxNorm / (total + 1e-6)` when the total norm (the `norm`
    /// of all gradients together, 2 by default, `.infinity` for the largest magnitude)
    /// exceeds `maxNorm`. Returns the clipped gradients and the total norm before clipping.
    public static func byNorm(_ gradients: [String: Tensor], maxNorm: Double, norm: Double = 2) throws
        -> (gradients: [String: Tensor], total: Double) {
        try require(maxNorm.isFinite && maxNorm >= 0, "clip_grad_norm", "max_norm", maxNorm, "a number at least 0")
        try require(norm > 0, "clip_grad_norm", "norm_type", norm, "a number above 0 or inf")
        let total = try totalNorm(gradients.values, norm)
        let scale = maxNorm / (total + 1e-6)
        guard scale < 1 else { return (gradients, total) }
        return (try gradients.mapValues { try Tensor.binary(.multiply, $0, scale) }, total)
    }

    /// Every gradient clamped to `[-value, value]`.
    public static func byValue(_ gradients: [String: Tensor], value: Double) throws -> [String: Tensor] {
        try require(value.isFinite && value >= 0, "clip_grad_value", "clip_value", value, "a number at least 0")
        return try gradients.mapValues { g in
            try Tensor.clip(g, min: try Tensor(scalar: -value).cast(to: g.dtype), max: try Tensor(scalar: value).cast(to: g.dtype))
        }
    }

    static func totalNorm(_ gradients: Dictionary<String, Tensor>.Values, _ p: Double) throws -> Double {
        var total = 0.0
        for g in gradients {
            let values = try g.cast(to: .float64).toDoubles()
            if p.isInfinite {
                for v in values { total = Swift.max(total, Swift.abs(v)) }
            } else {
                for v in values { total += pow(Swift.abs(v), p) }
            }
        }
        return p.isInfinite ? total : pow(total, 1 / p)
    }
}
