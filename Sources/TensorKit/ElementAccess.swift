#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing one element without building an index, a view or a scalar tensor:
/// the fast path of `x[i, j]` and `x[i, j] = v` when every index is an integer (and of a row
/// view `x[i]`).
/// A caller adds `axisOffset(i, axis:)` for each axis to `offset` and passes the sum on.

extension Tensor {
    /// The storage distance of position `i` (negative counts from the end) along `axis`,
    /// or `indexOutOfRange`. `axis` must be a valid axis of this tensor.
    @inlinable
    public func axisOffset(_ i: Int, axis: Int) throws(TensorError) -> Int {
        let n = shape[axis]
        guard i >= -n && i < n else { throw TensorError.indexOutOfRange(index: i, axis: axis, size: n) }
        return (i < 0 ? i + n : i) * strides[axis]
    }

    /// The element at `storageIndex` (`offset` plus one `axisOffset` per axis), as a Double.
    public func element(at storageIndex: Int) -> Double {
        precondition(storageIndex >= 0 && storageIndex < storage.count, "storage index \(storageIndex) out of range")
        return element(atStorageIndex: storageIndex)
    }

    /// The view of the axes after the first `k`, starting at `storageIndex` (`offset` plus one
    /// `axisOffset` for each of the first `k` axes): `x[i]` for a row, without resolving an index.
    public func view(at storageIndex: Int, droppingLeading k: Int) -> Tensor {
        precondition(k >= 0 && k <= ndim, "cannot drop \(k) of \(ndim) axes")
        return Tensor(storage: storage, shape: Array(shape[k...]), strides: Array(strides[k...]), offset: storageIndex)
    }

    /// Writes `value` to the element at `storageIndex`, converted to this dtype as
    /// `Tensor(scalar:dtype:)` converts it. Throws when this view is a broadcast (its
    /// elements alias), as any write into it does.
    public func setElement(at storageIndex: Int, to value: Double) throws {
        precondition(storageIndex >= 0 && storageIndex < storage.count, "storage index \(storageIndex) out of range")
        try checkWritable(op: "[]=")
        try Tensor.checkStorable(value, in: dtype, op: "[]=")
        switch dtype {
        case .float32: storage.pointer(Float.self)[storageIndex] = Float(value)
        case .float64: storage.pointer(Double.self)[storageIndex] = value
        case .int64: storage.pointer(Int64.self)[storageIndex] = Int64(fromDouble: value)
        case .int32: storage.pointer(Int32.self)[storageIndex] = Int32(fromDouble: value)
        case .uint8: storage.pointer(UInt8.self)[storageIndex] = UInt8(fromDouble: value)
        case .float16: storage.pointer(Float16Bits.self)[storageIndex] = Float16Bits(fromDouble: value)
        case .bfloat16: storage.pointer(BFloat16Bits.self)[storageIndex] = BFloat16Bits(fromDouble: value)
        case .bool: storage.pointer(Bool.self)[storageIndex] = value != 0
        }
    }
}

extension Float {
    /// The Double with this float's shortest round-trip decimal digits (0.1 for Float(0.1),
    /// not 0.10000000149011612): the value of `Double("\(self)")`, without the strings.
    public var shortestDouble: Double {
        let d = Double(self)
        // NaN, infinities and integers below 2^24 (whose digits are exact) need no search.
        if !isFinite || (d == d.rounded() && Swift.abs(d) < 16_777_216) { return d }
        if isSubnormal { return Float.viaText(self) }
        let e = Int(log10(Swift.abs(d)).rounded(.down))
        for digits in 1...9 {
            let m = digits - 1 - e
            guard Swift.abs(m) <= 22 else { break }
            if let r = roundTrip(d, m) { return r }
        }
        return Float.viaText(self)
    }

    /// The decimal with digits up to 10^-m that is nearest `d` and reads back as this float,
    /// if any. The nearest candidate comes first; next to a power of two the round-trip
    /// interval is lopsided, so a neighbour may round-trip when the nearest does not.
    private func roundTrip(_ d: Double, _ m: Int) -> Double? {
        let scale = Float.powersOfTen[Swift.abs(m)]
        // Exact ties go to the even digit, as the shortest-digits printer does.
        let n = (m >= 0 ? d * scale : d / scale).rounded(.toNearestOrEven)
        let r = m >= 0 ? n / scale : n * scale
        if Float(r) == self { return r }
        let up = m >= 0 ? (n + 1) / scale : (n + 1) * scale, down = m >= 0 ? (n - 1) / scale : (n - 1) * scale
        switch (Float(up) == self, Float(down) == self) {
        case (true, true): return Swift.abs(up - d) <= Swift.abs(down - d) ? up : down
        case (true, false): return up
        case (false, true): return down
        case (false, false): return nil
        }
    }

    private static func viaText(_ f: Float) -> Double { Double("\(f)") ?? Double(f) }

    /// 1e0 ... 1e22, all exact in a Double.
    private static let powersOfTen: [Double] = (0...22).map { Double("1e\($0)") ?? 1 }
}
