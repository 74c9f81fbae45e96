/// `numpy.unique` with return_index, return_inverse, return_counts and axis=.

/// What `Tensor.unique(axis:)` finds: the distinct values (sorted), the index of each one's
/// first occurrence, each element's group (the inverse), and each group's size.
public struct UniqueResult: Sendable {
    public let values: Tensor
    public let index: Tensor
    public let inverse: Tensor
    public let counts: Tensor
}

extension Tensor {
    /// `numpy.unique(x, return_index=True, return_inverse=True, return_counts=True, axis=)`.
    /// Without `axis` the tensor is flattened and `inverse` has x's shape (NumPy 2), so that
    /// `values[inverse]` rebuilds x; with `axis` the distinct slices along it are sorted
    /// lexicographically and `inverse` is 1-D. NaNs count as one value, as NumPy's equal_nan.
    public func unique(axis: Int?) throws -> UniqueResult {
        guard let axis else { return try uniqueElements() }
        let ax = try Tensor.normalizeAxis(axis, ndim: ndim)
        var perm = Array(0..<ndim)
        perm.remove(at: ax)
        perm.insert(ax, at: 0)
        let moved = try transpose(perm).contiguous()
        let n = shape[ax], width = n == 0 ? 0 : moved.count / n
        let keys = moved.comparableElements()
        let rows = (0..<n).map { i in Array(keys[i * width..<(i + 1) * width]) }
        let order = (0..<n).sorted { a, b in
            // Lexicographic, then by position, so the sort is stable.
            for (x, y) in zip(rows[a], rows[b]) where x != y { return x < y }
            return a < b
        }
        let (firsts, inverse, counts) = Tensor.groups(order) { rows[$0] == rows[$1] }
        var at = [IndexComponent](repeating: .all, count: ax)
        at.append(.tensor(try Tensor(shape: [firsts.count], elements: firsts)))
        return UniqueResult(values: try get(at), index: try Tensor(shape: [firsts.count], elements: firsts),
                            inverse: try Tensor(shape: [n], elements: inverse), counts: try Tensor(shape: [counts.count], elements: counts))
    }

    private func uniqueElements() throws -> UniqueResult {
        let flat = try reshape([count])
        let order = try flat.argsort(axis: 0)  // stable, NaNs last: a group's first is its first occurrence
        let keys = flat.comparableElements(), positions = order.toInt64s().map { Int($0) }
        let (firsts, inverse, counts) = Tensor.groups(positions) { keys[$0] == keys[$1] }
        let index = try Tensor(shape: [firsts.count], elements: firsts)
        return UniqueResult(values: try flat.get([.tensor(index)]), index: index,
                            inverse: try Tensor(shape: shape, elements: inverse), counts: try Tensor(shape: [counts.count], elements: counts))
    }

    /// Walks positions in sorted order and groups neighbours that `same` calls equal: each
    /// group's first position, every position's group number, and each group's size.
    private static func groups(_ order: [Int], same: (Int, Int) -> Bool) -> (firsts: [Int64], inverse: [Int64], counts: [Int64]) {
        var firsts: [Int64] = [], counts: [Int64] = []
        var inverse = [Int64](repeating: 0, count: order.count)
        for (k, p) in order.enumerated() {
            if k > 0 && same(Int(firsts[firsts.count - 1]), p) {
                counts[counts.count - 1] += 1
            } else {
                firsts.append(Int64(p))
                counts.append(1)
            }
            inverse[p] = Int64(firsts.count - 1)
        }
        return (firsts, inverse, counts)
    }

    /// The elements as keys that compare as NumPy sorts them: exact for int64, and with every
    /// NaN equal to every other and greater than any number.
    private func comparableElements() -> [ElementKey] {
        dtype == .int64 ? toInt64s().map { .integer($0) } : toDoubles().map { $0.isNaN ? .nan : .real($0) }
    }
}

/// One element as `unique` compares it (an int64 tensor's keys are all `.integer`).
enum ElementKey: Comparable {
    case integer(Int64)
    case real(Double)
    case nan
}
