/// Broadcasting and the strided iteration every elementwise kernel shares.

extension Tensor {
    /// The NumPy broadcast of two shapes, or `shapeMismatch(op:...)`.
    public static func broadcastShape(_ a: [Int], _ b: [Int], op: String) throws -> [Int] {
        let n = Swift.max(a.count, b.count)
        var out = [Int](repeating: 1, count: n)
        for i in 0..<n {
            let da = i < n - a.count ? 1 : a[i - (n - a.count)]
            let db = i < n - b.count ? 1 : b[i - (n - b.count)]
            if da == db || db == 1 { out[i] = da } else if da == 1 { out[i] = db } else {
                throw TensorError.shapeMismatch(op: op, lhs: a, rhs: b)
            }
        }
        return out
    }

    /// A view of this tensor broadcast to `shape` (stride 0 on stretched axes; nothing is copied).
    public func broadcast(to target: [Int], op: String = "broadcast") throws -> Tensor {
        if target == shape { return self }
        guard target.allSatisfy({ $0 >= 0 }), !Tensor.checkedCount(target).1 else {
            throw TensorError.outOfMemory(bytes: Int.max)
        }
        guard target.count >= ndim else { throw TensorError.shapeMismatch(op: op, lhs: shape, rhs: target) }
        let lead = target.count - ndim
        var st = [Int](repeating: 0, count: target.count)
        for i in 0..<ndim {
            if shape[i] == target[lead + i] { st[lead + i] = strides[i] }
            else if shape[i] == 1 { st[lead + i] = 0 }
            else { throw TensorError.shapeMismatch(op: op, lhs: shape, rhs: target) }
        }
        return Tensor(storage: storage, shape: target, strides: st, offset: offset)
    }

    /// True if the two tensors may touch the same bytes.
    func sharesStorage(with other: Tensor) -> Bool { storage === other.storage }
}

/// Up to four operands of one shape (operand 0 is usually the output), with the shape coalesced:
/// size-1 axes dropped and neighbouring axes merged wherever every operand allows.
@usableFromInline
struct StridedLayout: Sendable {
    let shape: [Int]
    /// strides[d] holds the stride of axis d for each operand (lanes 0..<operands).
    let strides: [SIMD4<Int>]
    let count: Int

    init(shape: [Int], operandStrides: [[Int]]) {
        var dims: [(Int, SIMD4<Int>)] = []
        for d in 0..<shape.count where shape[d] != 1 {
            var s = SIMD4<Int>(repeating: 0)
            for (k, st) in operandStrides.enumerated() { s[k] = st[d] }
            if let last = dims.last, last.1 == s &* shape[d] {
                dims[dims.count - 1] = (last.0 * shape[d], s)
            } else {
                dims.append((shape[d], s))
            }
        }
        if dims.isEmpty { dims = [(1, SIMD4<Int>(repeating: 0))] }
        self.shape = dims.map { $0.0 }
        self.strides = dims.map { $0.1 }
        self.count = shape.reduce(1, *)
    }

    var inner: Int { shape[shape.count - 1] }
    var innerStrides: SIMD4<Int> { strides[strides.count - 1] }

    /// Calls `body(offsets, innerStrides, n)` for runs of the innermost axis, covering every
    /// element once, in chunks spread over the cores. Offsets are in elements from each
    /// operand's base pointer.
    func run(_ body: @Sendable (SIMD4<Int>, SIMD4<Int>, Int) -> Void) throws {
        if count == 0 { return }
        let inner = self.inner, ist = innerStrides
        let rows = count / inner
        if rows == 1 {
            try Parallel.forEachChunk(count: inner) { r in
                body(ist &* r.lowerBound, ist, r.count)
            }
            return
        }
        let outer = Array(shape.dropLast()), outerStrides = Array(strides.dropLast())
        try Parallel.forEachChunk(count: rows, unitCost: inner) { r in
            // Decompose the first row index once, then step an odometer.
            var index = [Int](repeating: 0, count: outer.count)
            var off = SIMD4<Int>(repeating: 0)
            var rem = r.lowerBound
            for d in stride(from: outer.count - 1, through: 0, by: -1) {
                index[d] = rem % outer[d]
                rem /= outer[d]
                off &+= outerStrides[d] &* index[d]
            }
            for _ in r {
                body(off, ist, inner)
                var d = outer.count - 1
                while d >= 0 {
                    index[d] += 1
                    off &+= outerStrides[d]
                    if index[d] < outer[d] { break }
                    off &-= outerStrides[d] &* outer[d]
                    index[d] = 0
                    d -= 1
                }
            }
        }
    }
}

extension Tensor {
    /// Typed pointer to this view's first element.
    @inline(__always)
    func base<T: TensorElement>(_: T.Type) -> UnsafeMutablePointer<T> {
        storage.bytes.assumingMemoryBound(to: T.self) + offset
    }
}
