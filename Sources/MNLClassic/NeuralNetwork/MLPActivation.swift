import Foundation
import TensorKit

/// The hidden layers' activation (scikit-learn's `activation`), applied in place to a layer's
/// pre-activations, and its derivative written, as scikit-learn's `DERIVATIVES`, in terms of
/// the activation's output (which the backward pass keeps) rather than its input.
enum MLPActivation: String, CaseIterable, Sendable {
    case identity, logistic, tanh, relu

    /// `z = f(z + bias)` for every row of a (rows × width) block: one pass adds the intercept
    /// and applies the function.
    func applyWithBias<T: BLASFloat>(_ z: UnsafeMutablePointer<T>, rows: Int, width: Int, bias: UnsafePointer<T>) {
        for i in 0..<rows {
            let row = z + i * width
            switch self {
            case .identity: for j in 0..<width { row[j] += bias[j] }
            case .relu: for j in 0..<width { row[j] = Swift.max(row[j] + bias[j], 0) }
            case .tanh: for j in 0..<width { row[j] = T.tanh(row[j] + bias[j]) }
            case .logistic: for j in 0..<width { row[j] = Self.sigmoid(row[j] + bias[j]) }
            }
        }
    }

    /// `delta *= f'(a)` where `a = f(z)` is the layer's output.
    func multiplyDerivative<T: BLASFloat>(_ delta: UnsafeMutablePointer<T>, output a: UnsafePointer<T>, count: Int) {
        switch self {
        case .identity: return
        case .relu: for j in 0..<count where a[j] == 0 { delta[j] = 0 }
        case .tanh: for j in 0..<count { delta[j] *= 1 - a[j] * a[j] }
        case .logistic: for j in 0..<count { delta[j] = delta[j] * a[j] * (1 - a[j]) }
        }
    }

    /// scipy's `expit`, stable for large negative inputs.
    @inline(__always)
    static func sigmoid<T: BLASFloat>(_ t: T) -> T { t >= 0 ? 1 / (1 + T.exp(-t)) : T.exp(t) / (1 + T.exp(t)) }

    /// Glorot-uniform bound of scikit-learn's `_init_coef`: √(6 / (fan_in + fan_out)), with 2
    /// instead of 6 for the logistic activation.
    func initBound(fanIn: Int, fanOut: Int) -> Double {
        ((self == .logistic ? 2.0 : 6.0) / Double(fanIn + fanOut)).squareRoot()
    }
}

/// The output layer's function (scikit-learn's `out_activation_`): softmax for several
/// classes, logistic for two, identity for regression. Each pairs with its loss so that the
/// output delta is simply `output - target`.
enum MLPOutput: String, Sendable {
    case softmax, logistic, identity

    /// Adds the intercept and applies the output function to a (rows × width) block.
    func apply<T: BLASFloat>(_ z: UnsafeMutablePointer<T>, rows: Int, width: Int, bias: UnsafePointer<T>) {
        switch self {
        case .identity: MLPActivation.identity.applyWithBias(z, rows: rows, width: width, bias: bias)
        case .logistic: MLPActivation.logistic.applyWithBias(z, rows: rows, width: width, bias: bias)
        case .softmax:
            for i in 0..<rows {
                let row = z + i * width
                var top = -T.infinity
                for j in 0..<width { row[j] += bias[j]; top = Swift.max(top, row[j]) }
                var sum: T = 0
                for j in 0..<width { row[j] = T.exp(row[j] - top); sum += row[j] }
                for j in 0..<width { row[j] /= sum }
            }
        }
    }
}
