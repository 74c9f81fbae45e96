import Foundation
import TensorKit

extension MLPNetwork {
    /// scikit-learn's `_backprop` on one mini-batch: the forward pass, the batch's loss (the
    /// output's loss plus ½·alpha·Σ‖W‖² / rows, intercepts unpenalised) and the gradient of
    /// every weight into `gradient` (laid out as `parameters`). `targets` is rows × outputs:
    /// one-hot rows for softmax, 0/1 for logistic, values for identity. Every product is one
    /// BLAS call over the whole batch.
    func backprop(_ x: UnsafePointer<T>, _ targets: UnsafePointer<T>, rows: Int, alpha: Double,
                  scratch: MLPScratch<T>, gradient: UnsafeMutablePointer<T>) -> Double {
        forward(x, rows: rows, into: scratch.layers)
        let last = layerCount - 1, outputs = units[layerCount]
        let predicted = scratch.layers[last]
        var loss = dataLoss(predicted, targets, count: rows * outputs, rows: rows)
        loss += 0.5 * alpha * squaredCoefficients() / Double(rows)
        // With each output function paired with its loss, the output delta is output - target.
        let top = scratch.deltas[last]
        for i in 0 ..< rows * outputs { top[i] = predicted[i] - targets[i] }
        for l in stride(from: last, through: 0, by: -1) {
            let input = l == 0 ? x : UnsafePointer(scratch.layers[l - 1])
            layerGradient(l, input: input, delta: scratch.deltas[l], rows: rows, alpha: T(alpha), into: gradient)
            if l > 0 {
                // The delta of the layer below: delta_l · W_lᵀ, times the activation's derivative.
                T.gemm(transposeA: false, transposeB: true, m: rows, n: units[l], k: units[l + 1], alpha: 1,
                       scratch.deltas[l], lda: units[l + 1], coef(l), ldb: units[l + 1], beta: 0, scratch.deltas[l - 1], ldc: units[l])
                activation.multiplyDerivative(scratch.deltas[l - 1], output: scratch.layers[l - 1], count: rows * units[l])
            }
        }
        return loss
    }

    /// scikit-learn's `_compute_loss_grad`: (inputᵀ·delta + alpha·W) / rows for the
    /// coefficients, the mean delta for the intercepts.
    private func layerGradient(_ l: Int, input: UnsafePointer<T>, delta: UnsafePointer<T>, rows: Int, alpha: T,
                               into gradient: UnsafeMutablePointer<T>) {
        let fanIn = units[l], fanOut = units[l + 1], n = T(rows)
        let coefGradient = gradient + coefRange(l).lowerBound, w = coef(l)
        T.gemm(transposeA: true, transposeB: false, m: fanIn, n: fanOut, k: rows, alpha: 1,
               input, lda: fanIn, delta, ldb: fanOut, beta: 0, coefGradient, ldc: fanOut)
        for i in 0 ..< fanIn * fanOut { coefGradient[i] = (coefGradient[i] + alpha * w[i]) / n }
        let interceptGradient = gradient + (coefRange(l).upperBound)
        for j in 0..<fanOut { interceptGradient[j] = 0 }
        for i in 0..<rows {
            let row = delta + i * fanOut
            for j in 0..<fanOut { interceptGradient[j] += row[j] }
        }
        for j in 0..<fanOut { interceptGradient[j] /= n }
    }

    /// Σ‖W_l‖² over the coefficient matrices (the L2 penalty's sum), eight lanes at a time
    /// (it runs over every weight once per batch).
    func squaredCoefficients() -> Double {
        var total = 0.0
        for l in 0..<layerCount {
            let w = coef(l), n = coefRange(l).count, wide = n / 8 * 8
            var lanes = SIMD8<T>(repeating: 0)
            for i in stride(from: 0, to: wide, by: 8) {
                let x = SIMDLanes<T>.load(w + i)
                lanes += x * x
            }
            var layer = lanes.sum()
            for i in wide..<n { layer += w[i] * w[i] }
            total += Double(layer)
        }
        return total
    }

    /// The mean loss of the output layer: cross-entropy for softmax (scikit-learn's
    /// `log_loss`), binary cross-entropy for logistic, half the squared error for identity.
    /// Probabilities are clipped to [eps, 1 - eps] as scikit-learn clips them, eps being the
    /// float type's machine epsilon.
    func dataLoss(_ p: UnsafePointer<T>, _ y: UnsafePointer<T>, count: Int, rows: Int) -> Double {
        let eps = Double(T.ulpOfOne)
        func clipped(_ v: T) -> Double { Swift.min(Swift.max(Double(v), eps), 1 - eps) }
        var total = 0.0
        switch output {
        case .softmax:
            for i in 0..<count where y[i] != 0 { total -= Double(y[i]) * log(clipped(p[i])) }
        case .logistic:
            for i in 0..<count {
                let q = clipped(p[i]), t = Double(y[i])
                total -= t * log(q) + (1 - t) * log(1 - q)
            }
        case .identity:
            for i in 0..<count { let d = Double(y[i]) - Double(p[i]); total += d * d }
            return 0.5 * total / Double(count)
        }
        return total / Double(rows)
    }
}
