import TensorKit

/// Rows of training data in the network's float type: x (rows × features) and the targets
/// (rows × outputs: one-hot rows, 0/1, or values), both row-major.
struct MLPData<T: BLASFloat> {
    var x: [T]
    var targets: [T]
    let rows: Int
    let features: Int
    let outputs: Int

    /// The rows at `indices`, in that order.
    func selecting(_ indices: ArraySlice<Int>) -> MLPData<T> {
        var xs = [T](), ts = [T]()
        xs.reserveCapacity(indices.count * features)
        ts.reserveCapacity(indices.count * outputs)
        for i in indices {
            xs.append(contentsOf: x[i * features ..< (i + 1) * features])
            ts.append(contentsOf: targets[i * outputs ..< (i + 1) * outputs])
        }
        return MLPData(x: xs, targets: ts, rows: indices.count, features: features, outputs: outputs)
    }
}

/// What a fit produced, with scikit-learn's fitted attributes.
struct MLPFitResult<T: BLASFloat> {
    var network: MLPNetwork<T>
    var lossCurve: [Double]
    /// nil under early stopping (scikit-learn's `best_loss_` is None then).
    var bestLoss: Double?
    var validationScores: [Double]?
    var bestValidationScore: Double?
    /// false when max_iter epochs ran without the stopping rule ending the fit.
    var converged: Bool
}

/// scikit-learn's `_fit_stochastic`: epochs of mini-batches (shuffled each epoch when asked),
/// one optimizer step per batch, and its stopping rule (`_update_no_improvement_count`): an
/// epoch counts as no improvement when the training loss is not below the best by tol (or,
/// with early stopping, the validation score not above the best by tol); after more than
/// n_iter_no_change such epochs in a row the optimizer stops (or "adaptive" SGD lowers its
/// rate and goes on).
struct MLPTrainer<T: BLASFloat> {
    let model: String
    let settings: MLPSettings
    let generator: RandomGenerator
    let monitor: FitMonitor

    func train(_ network: MLPNetwork<T>, _ data: MLPData<T>) throws -> MLPFitResult<T> {
        if settings.solver == "lbfgs" { return try trainLBFGS(network, data) }
        let (train, validation) = try split(data)
        let n = train.rows
        let batch = Swift.min(settings.batchSize ?? 200, n)
        try checkScratch(rows: batch, units: network.units)
        let scratch = MLPScratch<T>(units: network.units, rows: batch, withDeltas: true)
        let optimizer = MLPOptimizer<T>(settings, count: network.parameterCount)
        let gradient = UnsafeMutablePointer<T>.allocate(capacity: Swift.max(1, network.parameterCount))
        defer { gradient.deallocate() }
        var result = MLPFitResult(network: network, lossCurve: [], bestLoss: validation == nil ? .infinity : nil,
                                  validationScores: validation == nil ? nil : [], bestValidationScore: validation == nil ? nil : -.infinity,
                                  converged: false)
        var best = network.copy(), order = Array(0..<n), noImprovement = 0
        monitor.total(settings.maxIter, "")
        for epoch in 1...settings.maxIter {
            if settings.shuffle { shuffle(&order) }
            let loss = try runEpoch(network, train, order: order, batch: batch, scratch: scratch, gradient: gradient, optimizer: optimizer)
            result.lossCurve.append(loss)
            if let validation {
                let score = try Self.score(network, validation)
                result.validationScores?.append(score)
                let bestScore = result.bestValidationScore ?? -.infinity
                noImprovement = score < bestScore + settings.tol ? noImprovement + 1 : 0
                if score > bestScore { result.bestValidationScore = score; best = network.copy() }
            } else {
                let bestLoss = result.bestLoss ?? .infinity
                noImprovement = loss > bestLoss - settings.tol ? noImprovement + 1 : 0
                if loss < bestLoss { result.bestLoss = loss }
            }
            optimizer.epochEnded(samplesSeen: epoch * n)
            try monitor.step(epoch, loss)
            if noImprovement > settings.nIterNoChange {
                if optimizer.shouldStop() { result.converged = true; break }
                noImprovement = 0
            }
        }
        if validation != nil { result.network = best }
        return result
    }

    /// One pass over the rows in `order`, in mini-batches; the mean loss over the rows.
    private func runEpoch(_ network: MLPNetwork<T>, _ data: MLPData<T>, order: [Int], batch: Int, scratch: MLPScratch<T>,
                          gradient: UnsafeMutablePointer<T>, optimizer: MLPOptimizer<T>) throws -> Double {
        let (features, outputs) = (data.features, data.outputs)
        let xBatch = UnsafeMutablePointer<T>.allocate(capacity: batch * features)
        let yBatch = UnsafeMutablePointer<T>.allocate(capacity: batch * outputs)
        defer { xBatch.deallocate(); yBatch.deallocate() }
        return try data.x.withUnsafeBufferPointer { xs in
            try data.targets.withUnsafeBufferPointer { ys in
                guard let x = xs.baseAddress, let y = ys.baseAddress else { return 0 }
                var total = 0.0
                for start in stride(from: 0, to: data.rows, by: batch) {
                    try Cancellation.check()
                    let rows = Swift.min(batch, data.rows - start)
                    var (xb, yb) = (x + start * features, y + start * outputs)
                    if settings.shuffle {
                        // scikit-learn copies the batch's rows too (`_safe_indexing`).
                        for (r, i) in order[start ..< start + rows].enumerated() {
                            (xBatch + r * features).update(from: x + i * features, count: features)
                            (yBatch + r * outputs).update(from: y + i * outputs, count: outputs)
                        }
                        (xb, yb) = (UnsafePointer(xBatch), UnsafePointer(yBatch))
                    }
                    let loss = network.backprop(xb, yb, rows: rows, alpha: settings.alpha, scratch: scratch, gradient: gradient)
                    total += loss * Double(rows)
                    optimizer.update(network.parameters, gradient)
                }
                return total / Double(data.rows)
            }
        }
    }

    /// Values the layers and deltas of one batch may hold: beyond this (a billion bytes of
    /// float64) a huge batch_size or layer is refused rather than failing to allocate.
    static var maximumScratch: Int { 1 << 27 }

    /// Refuses a batch whose layer outputs and deltas would not fit in `maximumScratch`.
    func checkScratch(rows: Int, units: [Int]) throws {
        let perRow = 2 * units.dropFirst().reduce(0, +)
        guard perRow <= Self.maximumScratch / Swift.max(rows, 1) else {
            throw ModelError.badData(model: model, message: "a batch of \(rows) rows through layers \(units) needs \(rows * perRow) values at once, more than \(Self.maximumScratch); use a smaller batch_size or smaller layers")
        }
    }

    /// Fisher-Yates on the session's (or random_state's) generator.
    private func shuffle(_ order: inout [Int]) {
        guard order.count > 1 else { return }
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(i, Int(generator.nextInt(below: UInt64(i + 1))))
        }
    }

    /// With early stopping, a random validation_fraction of the rows (rounded up, as
    /// scikit-learn's `train_test_split`) is held out and scored after every epoch.
    private func split(_ data: MLPData<T>) throws -> (MLPData<T>, MLPData<T>?) {
        guard settings.earlyStopping else { return (data, nil) }
        let held = Int((settings.validationFraction * Double(data.rows)).rounded(.up))
        guard held >= 2, held < data.rows else {
            throw ModelError.badData(model: model, message: "the validation set for early_stopping would have \(held) of \(data.rows) rows; it needs at least 2 and some rows left to train on (increase validation_fraction or the data)")
        }
        var order = Array(0..<data.rows)
        shuffle(&order)
        return (data.selecting(order[held...]), data.selecting(order[..<held]))
    }

    /// The validation score scikit-learn's `_score` gives: accuracy for classifiers, r2 for
    /// regression.
    static func score(_ network: MLPNetwork<T>, _ data: MLPData<T>) throws -> Double {
        let out = try network.outputs(data.x, rows: data.rows)
        let k = data.outputs, t = data.targets
        guard out.count == t.count else { return 0 }
        switch network.output {
        case .softmax:
            let hits = (0..<data.rows).filter { i in MLPData<T>.argmax(out, i, k) == MLPData<T>.argmax(t, i, k) }.count
            return Double(hits) / Double(data.rows)
        case .logistic:
            return Double((0..<data.rows).filter { (out[$0] > 0.5) == (t[$0] > 0.5) }.count) / Double(data.rows)
        case .identity:
            let mean = t.reduce(0.0) { $0 + Double($1) } / Double(t.count)
            var residual = 0.0, spread = 0.0
            for i in 0..<t.count {
                residual += (Double(t[i]) - Double(out[i])) * (Double(t[i]) - Double(out[i]))
                spread += (Double(t[i]) - mean) * (Double(t[i]) - mean)
            }
            return spread == 0 ? (residual == 0 ? 1 : 0) : 1 - residual / spread
        }
    }
}

extension MLPData {
    /// The column of the largest value in row `i` of a (rows × k) block (the first on ties).
    static func argmax(_ v: [T], _ i: Int, _ k: Int) -> Int {
        var best = 0
        for j in 1 ..< Swift.max(k, 1) where v[i * k + j] > v[i * k + best] { best = j }
        return best
    }
}
