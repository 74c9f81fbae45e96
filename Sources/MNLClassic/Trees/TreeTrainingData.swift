import Synchronization

/// What every tree of one fit reads and nobody writes: each feature's values replaced by
/// their rank among the feature's distinct values, and the targets. A random forest computes
/// this once and shares it between the trees it builds on both cores.
///
/// Ranks make the two split searches (see `NodeSplitter`) cheap: a sort compares integers, and
/// the counting search uses the rank directly as a bucket number.
final class TreeTrainingData: Sendable {
    let rows: Int
    let features: Int
    /// `codes[f * rows + i]`: the rank of row `i`'s value among feature `f`'s distinct values.
    let codes: RankCodes
    /// Each feature's distinct values, ascending (thresholds are midpoints of neighbours).
    let distinct: [[Float]]
    let criterion: SplitCriterion
    /// Statistics per node: the class count, or 3 for squared error (see `SplitCriterion`).
    let width: Int
    /// Class index of each row (classification).
    let classIndex: [Int32]
    /// Target of each row (regression).
    let targets: [Double]

    convenience init(columns: TreeColumns, criterion: SplitCriterion, classIndex: [Int32], classCount: Int) {
        self.init(columns: columns, criterion: criterion, width: classCount, classIndex: classIndex, targets: [])
    }

    convenience init(columns: TreeColumns, targets: [Double]) {
        self.init(columns: columns, criterion: .squaredError, width: 3, classIndex: [], targets: targets)
    }

    private init(columns: TreeColumns, criterion: SplitCriterion, width: Int,
                 classIndex: [Int32], targets: [Double]) {
        rows = columns.rows
        features = columns.features
        self.criterion = criterion
        self.width = width
        self.classIndex = classIndex
        self.targets = targets
        // Each feature ranked on its own, the features split across the cores.
        let (n, d) = (rows, features)
        var codes = [Int32](repeating: 0, count: n * d)
        let distinctValues = Mutex([[Float]](repeating: [], count: d))
        codes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let out = TreeParallel.Pointer(base: base)
            TreeParallel.forEachChunk(count: d, unitCost: n * 16) { range in
                for f in range {
                    let offset = f * n
                    var values = [Float]()
                    for i in Self.ascendingOrder(columns.values[offset ..< offset + n]) {
                        let v = columns.values[offset + i]
                        if values.last != v { values.append(v) }
                        out.base[offset + i] = Int32(values.count - 1)
                    }
                    distinctValues.withLock { $0[f] = values }
                }
            }
        }
        let distinct = distinctValues.withLock { $0 }
        self.codes = RankCodes(codes, largestRank: (distinct.map(\.count).max() ?? 1) - 1)
        self.distinct = distinct
    }

    deinit { codes.deallocate() }

    /// The positions of `column`'s values in ascending order (finite values; equal values in
    /// any order). Sorted as integers: each float's bits made order-preserving, above its
    /// position, so the sort compares UInt64s instead of calling a closure.
    static func ascendingOrder(_ column: ArraySlice<Float>) -> [Int] {
        var keys = column.enumerated().map { i, v -> UInt64 in
            let bits = v.bitPattern
            let ordered = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
            return UInt64(ordered) << 32 | UInt64(i)
        }
        keys.sort()
        return keys.map { Int($0 & 0xFFFF_FFFF) }
    }

    /// Adds row `i`'s statistics, weighted by `w`, to `s`.
    @inline(__always)
    func accumulate(row i: Int, weight w: Double, into s: UnsafeMutablePointer<Double>) {
        if criterion == .squaredError {
            let y = targets[i]
            s[0] += w; s[1] += w * y; s[2] += w * y * y
        } else {
            s[Int(classIndex[i])] += w
        }
    }
}

/// The rank codes in the narrowest type that holds them, in memory the training data owns.
/// With at most 256 distinct values per feature (images of bytes) they are bytes: a split
/// search reads one feature's codes at a node's scattered rows, and a quarter of the bytes is
/// a quarter of the cache misses (those reads were 40-60 % of a forest's fit as Int32).
enum RankCodes: @unchecked Sendable {
    case bytes(UnsafeMutablePointer<UInt8>)
    case ints(UnsafeMutablePointer<Int32>)

    init(_ codes: [Int32], largestRank: Int) {
        if largestRank <= Int(UInt8.max) {
            let p = UnsafeMutablePointer<UInt8>.allocate(capacity: max(codes.count, 1))
            for (k, c) in codes.enumerated() { p[k] = UInt8(truncatingIfNeeded: c) }
            self = .bytes(p)
        } else {
            let p = UnsafeMutablePointer<Int32>.allocate(capacity: max(codes.count, 1))
            p.initialize(from: codes, count: codes.count)
            self = .ints(p)
        }
    }

    func deallocate() {
        switch self {
        case .bytes(let p): p.deallocate()
        case .ints(let p): p.deallocate()
        }
    }
}
