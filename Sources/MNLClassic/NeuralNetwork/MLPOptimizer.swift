import Foundation
import TensorKit

/// scikit-learn's stochastic optimizers (`_stochastic_optimizers.py`) over the network's one
/// weight buffer: Adam, or SGD with momentum (Nesterov's by default) and a learning-rate
/// schedule. The state buffers are made once per fit; each update is one loop over all the
/// weights.
final class MLPOptimizer<T: BLASFloat> {
    private let settings: MLPSettings
    private let count: Int
    /// SGD's velocities, or Adam's first moments.
    private let first: UnsafeMutablePointer<T>
    /// Adam's second moments (unused by SGD).
    private let second: UnsafeMutablePointer<T>
    private var step = 0
    /// The current learning rate (Adam: the bias-corrected one of the last step).
    private(set) var learningRate: Double

    init(_ settings: MLPSettings, count: Int) {
        self.settings = settings
        self.count = count
        learningRate = settings.learningRateInit
        first = .allocate(capacity: Swift.max(count, 1))
        first.initialize(repeating: 0, count: Swift.max(count, 1))
        second = .allocate(capacity: Swift.max(count, 1))
        second.initialize(repeating: 0, count: Swift.max(count, 1))
    }

    deinit {
        first.deallocate()
        second.deallocate()
    }

    /// One step: `parameters += update(gradient)`.
    func update(_ parameters: UnsafeMutablePointer<T>, _ gradient: UnsafePointer<T>) {
        if settings.solver == "adam" { adam(parameters, gradient) } else { sgd(parameters, gradient) }
    }

    private func adam(_ p: UnsafeMutablePointer<T>, _ g: UnsafePointer<T>) {
        step += 1
        let b1 = settings.beta1, b2 = settings.beta2
        learningRate = settings.learningRateInit * (1 - pow(b2, Double(step))).squareRoot() / (1 - pow(b1, Double(step)))
        let beta1 = T(b1), beta2 = T(b2), keep1 = T(1 - b1), keep2 = T(1 - b2)
        let rate = T(-learningRate), eps = T(settings.epsilon)
        let m = first, v = second
        // Eight weights at a time: the compiler does not vectorise the plain loop (it cannot
        // tell the four buffers apart), and this loop runs over every weight once per batch.
        // Each lane does the same IEEE operations in the same order as the scalar tail.
        let wide = count / 8 * 8
        for i in stride(from: 0, to: wide, by: 8) {
            let gi = Lanes.load(g + i)
            let mi = SIMD8(repeating: beta1) * Lanes.load(m + i) + SIMD8(repeating: keep1) * gi
            let vi = SIMD8(repeating: beta2) * Lanes.load(v + i) + SIMD8(repeating: keep2) * (gi * gi)
            Lanes.store(mi, m + i)
            Lanes.store(vi, v + i)
            Lanes.store(Lanes.load(p + i) + SIMD8(repeating: rate) * mi / (vi.squareRoot() + SIMD8(repeating: eps)), p + i)
        }
        for i in wide..<count {
            m[i] = beta1 * m[i] + keep1 * g[i]
            v[i] = beta2 * v[i] + keep2 * (g[i] * g[i])
            p[i] += rate * m[i] / (v[i].squareRoot() + eps)
        }
    }

    private typealias Lanes = SIMDLanes<T>

    private func sgd(_ p: UnsafeMutablePointer<T>, _ g: UnsafePointer<T>) {
        let mu = T(settings.momentum), rate = T(learningRate), velocity = first
        if settings.nesterovsMomentum {
            for i in 0..<count {
                velocity[i] = mu * velocity[i] - rate * g[i]
                p[i] += mu * velocity[i] - rate * g[i]
            }
        } else {
            for i in 0..<count {
                velocity[i] = mu * velocity[i] - rate * g[i]
                p[i] += velocity[i]
            }
        }
    }

    /// scikit-learn's `iteration_ends`: after each epoch, "invscaling" SGD sets the rate to
    /// learning_rate_init / (samples seen + 1)^power_t.
    func epochEnded(samplesSeen: Int) {
        if settings.solver == "sgd", settings.learningRate == "invscaling" {
            learningRate = settings.learningRateInit / pow(Double(samplesSeen + 1), settings.powerT)
        }
    }

    /// scikit-learn's `trigger_stopping`, when the loss (or validation score) stopped
    /// improving: "adaptive" SGD divides the rate by 5 and goes on until it is below 1e-6;
    /// everything else stops.
    func shouldStop() -> Bool {
        guard settings.solver == "sgd", settings.learningRate == "adaptive" else { return true }
        if learningRate <= 1e-6 { return true }
        learningRate /= 5
        return false
    }
}

/// Unaligned loads and stores of eight consecutive elements.
enum SIMDLanes<T: BLASFloat> {
    @inline(__always) static func load(_ p: UnsafePointer<T>) -> SIMD8<T> { UnsafeRawPointer(p).loadUnaligned(as: SIMD8<T>.self) }
    @inline(__always) static func load(_ p: UnsafeMutablePointer<T>) -> SIMD8<T> { load(UnsafePointer(p)) }
    @inline(__always) static func store(_ x: SIMD8<T>, _ p: UnsafeMutablePointer<T>) { UnsafeMutableRawPointer(p).storeBytes(of: x, as: SIMD8<T>.self) }
}
