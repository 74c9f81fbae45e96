import TensorKit

/// A fully connected network as scikit-learn's `BaseMultilayerPerceptron` holds it, in the
/// input's float type `T`: float32 data trains in float32 (as scikit-learn keeps it), float64
/// in float64 (so fixtures compare to rounding). All weights live in one buffer, layer by
/// layer: the coefficients (fan_in × fan_out, row-major like `coefs_[l]`), then the
/// intercepts; the optimizers then update the whole buffer in one loop.
final class MLPNetwork<T: BLASFloat>: @unchecked Sendable {
    /// Units per layer: the features, the hidden sizes, the outputs.
    let units: [Int]
    let activation: MLPActivation
    let output: MLPOutput
    let parameters: UnsafeMutablePointer<T>
    let parameterCount: Int
    private let coefOffsets: [Int]
    private let interceptOffsets: [Int]

    var layerCount: Int { units.count - 1 }

    /// A network of the given shape, all weights zero.
    init(units: [Int], activation: MLPActivation, output: MLPOutput) {
        self.units = units
        self.activation = activation
        self.output = output
        var coefs = [Int](), intercepts = [Int](), offset = 0
        for l in 0 ..< units.count - 1 {
            coefs.append(offset)
            offset += units[l] * units[l + 1]
            intercepts.append(offset)
            offset += units[l + 1]
        }
        (coefOffsets, interceptOffsets, parameterCount) = (coefs, intercepts, offset)
        parameters = .allocate(capacity: Swift.max(offset, 1))
        parameters.initialize(repeating: 0, count: Swift.max(offset, 1))
    }

    deinit { parameters.deallocate() }

    func coef(_ l: Int) -> UnsafeMutablePointer<T> { parameters + coefOffsets[l] }
    func intercept(_ l: Int) -> UnsafeMutablePointer<T> { parameters + interceptOffsets[l] }
    func coefRange(_ l: Int) -> Range<Int> { coefOffsets[l] ..< interceptOffsets[l] }

    /// A copy with the same weights (the best weights under early stopping, the fitted state).
    func copy() -> MLPNetwork<T> {
        let c = MLPNetwork(units: units, activation: activation, output: output)
        c.parameters.update(from: parameters, count: parameterCount)
        return c
    }

    /// scikit-learn's `_init_coef` for every layer in turn: the coefficients, then the
    /// intercepts, uniform in ±`initBound`, drawn in float64 and rounded to `T`.
    func initialize(using g: RandomGenerator) {
        for l in 0..<layerCount {
            let bound = activation.initBound(fanIn: units[l], fanOut: units[l + 1])
            for i in coefRange(l) { parameters[i] = T(bound * (2 * g.nextDouble() - 1)) }
            for j in 0 ..< units[l + 1] { intercept(l)[j] = T(bound * (2 * g.nextDouble() - 1)) }
        }
    }

    /// Sets the weights from float64 lists per layer (tests start from scikit-learn's own
    /// initial weights); false when a shape does not match.
    func setWeights(coefs: [[Double]], intercepts: [[Double]]) -> Bool {
        guard coefs.count == layerCount, intercepts.count == layerCount else { return false }
        for l in 0..<layerCount {
            guard coefs[l].count == coefRange(l).count, intercepts[l].count == units[l + 1] else { return false }
            for (i, v) in zip(coefRange(l), coefs[l]) { parameters[i] = T(v) }
            for (j, v) in intercepts[l].enumerated() { intercept(l)[j] = T(v) }
        }
        return true
    }

    /// The forward pass over `rows` rows of `x`: each layer's output into `layers[l]`
    /// (rows × units[l + 1]), the last one the network's output.
    func forward(_ x: UnsafePointer<T>, rows: Int, into layers: [UnsafeMutablePointer<T>]) {
        var input = x
        for l in 0..<layerCount {
            let out = layers[l], width = units[l + 1]
            T.gemm(transposeA: false, transposeB: false, m: rows, n: width, k: units[l], alpha: 1,
                   input, lda: units[l], coef(l), ldb: width, beta: 0, out, ldc: width)
            if l == layerCount - 1 {
                output.apply(out, rows: rows, width: width, bias: intercept(l))
            } else {
                activation.applyWithBias(out, rows: rows, width: width, bias: intercept(l))
            }
            input = UnsafePointer(out)
        }
    }

    /// The outputs (rows × outputs) for every row of `x`, in blocks of rows so the hidden
    /// layers stay small for a large test set.
    func outputs(_ x: [T], rows: Int) throws -> [T] {
        try x.withUnsafeBufferPointer { xs in
            guard let base = xs.baseAddress else { return [] }
            return try outputs(base, rows: rows)
        }
    }

    /// The same for `rows` rows of `units[0]` values at `x` (row-major).
    func outputs(_ x: UnsafePointer<T>, rows: Int) throws -> [T] {
        let width = units[layerCount], block = Swift.min(rows, 2048)
        var result = [T](repeating: 0, count: rows * width)
        let scratch = MLPScratch<T>(units: units, rows: block)
        for start in stride(from: 0, to: rows, by: block) {
            try Cancellation.check()
            let n = Swift.min(block, rows - start)
            forward(x + start * units[0], rows: n, into: scratch.layers)
            for i in 0 ..< n * width { result[start * width + i] = scratch.layers[layerCount - 1][i] }
        }
        return result
    }

    /// `coefs_` and `intercepts_` as tensors of `T`'s dtype.
    func coefTensors() -> [Tensor] {
        (0..<layerCount).map { l in
            (try? Tensor(shape: [units[l], units[l + 1]], elements: Array(UnsafeBufferPointer(start: coef(l), count: coefRange(l).count))))
                ?? Tensor(scalar: 0.0)
        }
    }

    func interceptTensors() -> [Tensor] {
        (0..<layerCount).map { l in
            (try? Tensor(shape: [units[l + 1]], elements: Array(UnsafeBufferPointer(start: intercept(l), count: units[l + 1]))))
                ?? Tensor(scalar: 0.0)
        }
    }
}

/// Per-layer buffers for `rows` rows: the layers' outputs and, for training, their deltas.
/// Made once per fit and reused by every mini-batch.
final class MLPScratch<T: BLASFloat>: @unchecked Sendable {
    let layers: [UnsafeMutablePointer<T>]
    let deltas: [UnsafeMutablePointer<T>]
    private let counts: [Int]

    init(units: [Int], rows: Int, withDeltas: Bool = false) {
        counts = units.dropFirst().map { Swift.max(1, $0 * rows) }
        layers = counts.map { .allocate(capacity: $0) }
        deltas = withDeltas ? counts.map { .allocate(capacity: $0) } : []
    }

    deinit {
        for p in layers { p.deallocate() }
        for p in deltas { p.deallocate() }
    }
}
