import TensorKit

/// Data preparation as scikit-learn does it: splits, shuffles, scaling. No language knowledge.
public enum Preprocessing {
    /// Splits rows into train and test sets. With `stratify`, each class of `y` keeps its share
    /// in both sets (scikit-learn's `stratify=y`). Returns (xTrain, xTest, yTrain, yTest).
    public static func trainTestSplit(_ x: Tensor, _ y: Tensor?, testFraction: Double, stratify: Bool,
                                      using g: RandomGenerator) throws -> (Tensor, Tensor, Tensor?, Tensor?) {
        guard let n = x.shape.first else {
            throw TensorError.invalidArgument(op: "train_test_split", message: "x must have at least one axis")
        }
        // With no rows there is nothing to put in the test set, which always gets at least one.
        guard n > 0 else {
            throw TensorError.invalidArgument(op: "train_test_split", message: "x has no rows to split")
        }
        guard testFraction > 0, testFraction < 1 else {
            throw TensorError.invalidArgument(op: "train_test_split", message: "test must be between 0 and 1, got \(testFraction)")
        }
        if let y, y.shape.first != n {
            throw TensorError.shapeMismatch(op: "train_test_split", lhs: x.shape, rhs: y.shape)
        }
        let (trainRows, testRows): ([Int64], [Int64])
        if stratify, let y {
            (trainRows, testRows) = try stratifiedRows(try labels(y), testFraction: testFraction, using: g)
        } else {
            (trainRows, testRows) = try randomRows(n, testFraction: testFraction, using: g)
        }
        let train = try rowsTensor(trainRows), test = try rowsTensor(testRows)
        return (try x.get([.tensor(train)]), try x.get([.tensor(test)]),
                try y?.get([.tensor(train)]), try y?.get([.tensor(test)]))
    }

    static func randomRows(_ n: Int, testFraction: Double, using g: RandomGenerator) throws -> ([Int64], [Int64]) {
        let order = try Tensor.permutation(n, using: g).toInt64s()
        let testCount = Swift.max(1, Swift.min(n - 1, Int((Double(n) * testFraction).rounded())))
        return (Array(order[testCount...]), Array(order[..<testCount]))
    }

    /// Each class split on its own, so class shares match in both sets.
    static func stratifiedRows(_ labels: [Int64], testFraction: Double, using g: RandomGenerator) throws -> ([Int64], [Int64]) {
        var byClass: [Int64: [Int64]] = [:]
        for (i, c) in labels.enumerated() { byClass[c, default: []].append(Int64(i)) }
        var train: [Int64] = [], test: [Int64] = []
        for c in byClass.keys.sorted() {
            let rows = byClass[c] ?? []
            let order = try Tensor.permutation(rows.count, using: g).toInt64s()
            let k = Int((Double(rows.count) * testFraction).rounded())
            for (j, o) in order.enumerated() {
                if j < k { test.append(rows[Int(o)]) } else { train.append(rows[Int(o)]) }
            }
        }
        let trainOrder = try Tensor.permutation(train.count, using: g).toInt64s().map { train[Int($0)] }
        let testOrder = try Tensor.permutation(test.count, using: g).toInt64s().map { test[Int($0)] }
        return (trainOrder, testOrder)
    }

    static func labels(_ y: Tensor) throws -> [Int64] {
        guard y.ndim == 1 else { throw TensorError.invalidArgument(op: "train_test_split", message: "stratify needs 1-D labels") }
        return y.toInt64s()
    }

    static func rowsTensor(_ rows: [Int64]) throws -> Tensor { try Tensor(shape: [rows.count], elements: rows) }

    /// The same random permutation of the rows of every tensor (which must agree in length).
    public static func shuffled(_ tensors: [Tensor], using g: RandomGenerator) throws -> [Tensor] {
        guard let n = tensors.first?.shape.first else { return tensors }
        for t in tensors where t.shape.first != n {
            throw TensorError.shapeMismatch(op: "shuffle", lhs: tensors[0].shape, rhs: t.shape)
        }
        let order = try Tensor.permutation(n, using: g)
        return try tensors.map { try $0.get([.tensor(order)]) }
    }

    /// Pixels 0–255 to floats in [0, 1]: float32, or float64 for float64 input. One pass:
    /// true division of an integer tensor already gives float32.
    public static func normalize(_ x: Tensor) throws -> Tensor {
        try Tensor.binary(.divide, x.dtype == .bool ? try x.cast(to: .float32) : x, 255)
    }
}

/// Standardisation fitted on training data (scikit-learn's StandardScaler): per column of a
/// 2-D tensor, subtract the training mean and divide by the training standard deviation
/// (columns with zero deviation are only centred).
public struct Standardizer: Sendable {
    public let mean: Tensor
    public let scale: Tensor

    public init(fitting x: Tensor) throws {
        let data = try x.cast(to: x.dtype == .float64 ? .float64 : .float32)
        mean = try data.mean(axes: [0], keepdims: true)
        let std = try data.std(axes: [0], keepdims: true)
        scale = try Tensor.where(try Tensor.binary(.equal, std, 0), try Tensor.ones(std.shape, dtype: std.dtype), std)
    }

    public func transform(_ x: Tensor) throws -> Tensor {
        try Tensor.binary(.divide, try Tensor.binary(.subtract, x, mean), scale)
    }
}

/// Mini-batches of rows, optionally in a fresh random order each pass (each `makeIterator`).
public struct Batches: Sendable {
    public let tensors: [Tensor]
    public let size: Int
    public let shuffle: Bool

    public init(_ tensors: [Tensor], size: Int) throws {
        guard size > 0 else { throw TensorError.invalidArgument(op: "batches", message: "size must be positive, got \(size)") }
        guard let n = tensors.first?.shape.first else {
            throw TensorError.invalidArgument(op: "batches", message: "needs at least one tensor with rows")
        }
        for t in tensors where t.shape.first != n {
            throw TensorError.shapeMismatch(op: "batches", lhs: tensors[0].shape, rhs: t.shape)
        }
        self.tensors = tensors
        self.size = size
        self.shuffle = false
    }

    private init(_ tensors: [Tensor], size: Int, shuffle: Bool) {
        self.tensors = tensors
        self.size = size
        self.shuffle = shuffle
    }

    public func shuffled(_ on: Bool) -> Batches { Batches(tensors, size: size, shuffle: on) }

    public var rows: Int { tensors.first?.shape.first ?? 0 }
    public var count: Int { (rows + size - 1) / size }

    /// The batches of one pass: row gathers of at most `size` rows each. Each call of the
    /// returned function gives the next batch, nil after the last; a gather that fails (out
    /// of memory, Ctrl-C) throws rather than yield a short batch.
    public func pass(using g: RandomGenerator) throws -> () throws -> [Tensor]? {
        let order = shuffle ? try Tensor.permutation(rows, using: g).toInt64s() : nil
        var start = 0
        let n = rows
        return {
            guard start < n else { return nil }
            let end = Swift.min(start + size, n)
            defer { start = end }
            let picks: [IndexComponent] = try order.map { o in [.tensor(try Tensor(shape: [end - start], elements: Array(o[start..<end])))] }
                ?? [.slice(start: start, stop: end, step: 1)]
            return try self.tensors.map { try $0.get(picks) }
        }
    }}
