import TensorKit

/// What `cross_val_score` and `GridSearchCV` measure on each test fold (scikit-learn's
/// `scoring=` names; nil is the model's own `score`).
public enum Scoring: String, Sendable, CaseIterable {
    case accuracy, r2
    case negMeanSquaredError = "neg_mean_squared_error"
    case negMeanAbsoluteError = "neg_mean_absolute_error"
    case f1Macro = "f1_macro"
    case f1Weighted = "f1_weighted"

    func score(_ model: any Estimator, _ x: Tensor, _ y: Tensor?) throws -> Double {
        guard let y else { throw ModelError.badLabels(model: model.kind, message: "scoring=\"\(rawValue)\" needs labels y") }
        let predicted = try model.predict(x)
        switch self {
        case .accuracy: return try Metrics.accuracyScore(y, predicted)
        case .r2: return try Metrics.r2Score(y, predicted)
        case .negMeanSquaredError: return -(try Metrics.meanSquaredError(y, predicted))
        case .negMeanAbsoluteError: return -(try Metrics.meanAbsoluteError(y, predicted))
        case .f1Macro: return try Metrics.score(.f1, y, predicted, average: .macro)[0]
        case .f1Weighted: return try Metrics.score(.f1, y, predicted, average: .weighted)[0]
        }
    }
}

/// scikit-learn's `cross_val_score`: a fresh copy of the model (from `make`) fitted on each
/// training part and scored on its test fold; stratified folds for classifiers, plain
/// k-fold otherwise, neither shuffled (scikit-learn's default `cv=5`).
public enum CrossValidation {
    public static func scores(make: () throws -> any Estimator, x: Tensor, y: Tensor?, cv: Int, scoring: Scoring?,
                              monitor: FitMonitor) throws -> [Double] {
        let data = try Rows(x: x, y: y, model: try make())
        let splits = try data.splits(cv)
        monitor.total(splits.count, "folds")
        return try splits.enumerated().map { k, split in
            let model = try make()
            let train = try data.subset(split.train), test = try data.subset(split.test)
            try model.fit(train.x, train.y, monitor: FitMonitor(total: { _, _ in }, step: { _, _ in try Cancellation.check() }))
            let s = try scoring?.score(model, test.x, test.y) ?? model.score(test.x, test.y)
            try monitor.step(k + 1, nil)
            return s
        }
    }

    /// The data as rows to split: x as float64, y in its own dtype.
    struct Rows {
        let features: FeatureMatrix
        let y: Tensor?
        let labels: [Double]?
        let classifier: Bool

        init(x: Tensor, y: Tensor?, model: any Estimator) throws {
            features = try FeatureMatrix(x, model: model.kind)
            if let y {
                guard y.ndim == 1, y.shape[0] == features.rows else {
                    throw ModelError.badData(model: model.kind, message: "x has \(features.rows) rows but y has shape \(FeatureMatrix.shapeText(y.shape))")
                }
            }
            self.y = y
            labels = y?.toDoubles()
            classifier = Pipeline.isClassifier(model)
        }

        func splits(_ cv: Int) throws -> [Folds.Split] {
            if classifier, let labels { return try Folds.stratifiedKFold(labels: labels, splits: cv) }
            return try Folds.kFold(rows: features.rows, splits: cv)
        }

        func subset(_ rows: [Int]) throws -> (x: Tensor, y: Tensor?) {
            let x = try features.selecting(rows: rows).tensor()
            guard let y, let labels else { return (x, nil) }
            return (x, try Tensor(shape: [rows.count], values: rows.map { labels[$0] }, dtype: y.dtype.isHalf ? .float32 : y.dtype))
        }
    }
}
