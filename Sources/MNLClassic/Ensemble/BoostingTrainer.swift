import TensorKit

/// The boosting loop shared by the classifier and the regressor: bin the features, start from
/// the baseline, then each iteration fits one tree per class to the loss's gradients and adds
/// its leaf values (already scaled by the learning rate) to the raw predictions.
struct BoostingTrainer {
    let settings: BoostingSettings
    let loss: BoostingLoss
    let model: String

    /// `y` holds targets, or class indices for a classifier (`stratify` then keeps class
    /// proportions in the validation split).
    func fit(_ x: BoostingInput, _ y: [Double], stratify: Bool, generator: RandomGenerator,
             monitor: FitMonitor) throws -> FittedBoosting {
        let (trainRows, validationRows) = split(rows: x.rows, y: y, stratify: stratify, generator: generator)
        let train = gather(x, trainRows), trainY = trainRows.map { y[$0] }
        let validation = validationRows.map { gather(x, $0) }
        let validationY = validationRows.map { $0.map { y[$0] } } ?? []
        let binner = FeatureBinner(x: train, rows: trainRows.count, features: x.features, maxBins: settings.maxBins, generator: generator)
        let data = BinnedData(binner: binner, x: train, rows: trainRows.count)
        let grower = HistogramGrower(data: data, growth: settings.growth, cancellation: Cancellation.current)
        let baseline = loss.baseline(trainY)
        let k = loss.treesPerIteration, n = trainRows.count, nv = validationY.count
        var raw = (0..<k * n).map { baseline[$0 / n] }
        var rawValidation = (0..<k * nv).map { baseline[$0 / max(nv, 1)] }
        var trees = [BoostedTree]()
        var trainScores = [-loss.loss(raw: raw, y: trainY)]
        var validationScores = validation == nil ? [] : [-loss.loss(raw: rawValidation, y: validationY)]
        var gradients = [Float](repeating: 0, count: k * n), hessians = [Float](repeating: 0, count: k * n)
        let stopsEarly = settings.stopsEarly(rows: x.rows)
        monitor.total(settings.maxIter, "iterations")
        for iteration in 0..<settings.maxIter {
            loss.gradients(raw: raw, y: trainY, gradients: &gradients, hessians: &hessians)
            for c in 0..<k {
                let (tree, rows, leaves) = try grower.grow(gradients: Array(gradients[c * n..<(c + 1) * n]),
                                                           hessians: Array(hessians[c * n..<(c + 1) * n]))
                for leaf in leaves { for p in leaf.range { raw[c * n + Int(rows[p])] += leaf.value } }
                if let validation {
                    validation.withUnsafeBufferPointer { v in
                        guard let base = v.baseAddress else { return }
                        for i in 0..<nv { rawValidation[c * nv + i] += tree.predict(base + i * x.features) }
                    }
                }
                trees.append(tree)
            }
            trainScores.append(-loss.loss(raw: raw, y: trainY))
            if validation != nil { validationScores.append(-loss.loss(raw: rawValidation, y: validationY)) }
            try monitor.step(iteration + 1, -(trainScores.last ?? 0))
            if stopsEarly && settings.shouldStop(validation == nil ? trainScores : validationScores) { break }
        }
        return FittedBoosting(baseline: baseline, trees: trees, treesPerIteration: k, featureCount: x.features,
                              trainScores: trainScores, validationScores: validationScores)
    }

    /// The rows to train on and, with early stopping on a validation fraction, the held-out
    /// rows (a shuffled split; for a classifier each class split in proportion).
    private func split(rows: Int, y: [Double], stratify: Bool, generator: RandomGenerator) -> ([Int], [Int]?) {
        guard settings.stopsEarly(rows: rows), let fraction = settings.validationFraction else { return (Array(0..<rows), nil) }
        let order = (try? Tensor.permutation(rows, using: generator).toInt64s().map { Int($0) }) ?? Array(0..<rows)
        let validationCount = min(rows - 1, max(1, Int((fraction * Double(rows)).rounded(.up))))
        var validation = Set<Int>()
        if stratify {
            var byClass = [Double: [Int]]()
            for i in order { byClass[y[i], default: []].append(i) }
            for (_, members) in byClass.sorted(by: { $0.key < $1.key }) {
                let share = Int((Double(members.count) * Double(validationCount) / Double(rows)).rounded())
                validation.formUnion(members.prefix(min(share, members.count - 1)))
            }
        } else {
            validation.formUnion(order.prefix(validationCount))
        }
        if validation.isEmpty { return (Array(0..<rows), nil) }
        let train = (0..<rows).filter { !validation.contains($0) }
        return (train, (0..<rows).filter(validation.contains))
    }

    private func gather(_ x: BoostingInput, _ rows: [Int]) -> [Double] {
        if rows.count == x.rows { return x.values }
        var out = [Double]()
        out.reserveCapacity(rows.count * x.features)
        for i in rows { out.append(contentsOf: x.values[i * x.features..<(i + 1) * x.features]) }
        return out
    }
}
