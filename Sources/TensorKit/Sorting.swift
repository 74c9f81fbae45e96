/// Sorting: sort, argsort (stable), unique. NaN sorts last, as NumPy.
///
/// Both sorts work line by line along the axis (`forEachLine`): a block of up to 16
/// neighbouring lines is copied into contiguous buffers (reading whole cache lines of the
/// source), each is sorted with a typed sort, and the results are written to the same lines
/// of the output. No transposed copy of the whole tensor is made.

extension Tensor {
    /// A sorted copy along `axis` (the flattened tensor if nil).
    public func sort(axis: Int? = -1) throws -> Tensor {
        let x = axis == nil ? try ravel() : self
        if x.ndim == 0 { return try x.copy() }
        let ax = try Tensor.normalizeAxis(axis ?? 0, ndim: x.ndim)
        let src = try x.contiguous()
        let out = try Tensor(uninitialized: x.shape, dtype: x.dtype)
        func run<T: KernelElement>(_: T.Type) throws {
            try src.forEachLine(along: ax, T.self, out: out, T.self) { line, result in
                Sorting.sortRow(line)
                if let b = line.baseAddress { result.update(from: b, count: line.count) }
            }
        }
        switch x.dtype {
        case .float32: try run(Float.self)
        case .float64: try run(Double.self)
        case .int64: try run(Int64.self)
        case .int32: try run(Int32.self)
        case .uint8: try run(UInt8.self)
        case .float16: try run(Float16Bits.self)
        case .bfloat16: try run(BFloat16Bits.self)
        case .bool: try run(Bool.self)
        }
        return out
    }

    /// Indices that sort along `axis` (the flattened tensor if nil), stable, int64.
    public func argsort(axis: Int? = -1) throws -> Tensor {
        let x = axis == nil ? try ravel() : self
        if x.ndim == 0 { return Tensor(scalar: Int64(0)) }
        let ax = try Tensor.normalizeAxis(axis ?? 0, ndim: x.ndim)
        let src = try x.contiguous()
        let out = try Tensor(uninitialized: x.shape, dtype: .int64)
        func run<T: KernelElement>(_: T.Type) throws {
            // argsortRow's (value, index) pairs, and the stable sort's buffer of as many again.
            try src.forEachLine(along: ax, T.self, out: out, Int64.self, rowScratch: 2 * MemoryLayout<(T, Int64)>.stride) { line, result in
                Sorting.argsortRow(line, into: result)
            }
        }
        switch x.dtype {
        case .float32: try run(Float.self)
        case .float64: try run(Double.self)
        case .int64: try run(Int64.self)
        case .int32: try run(Int32.self)
        case .uint8: try run(UInt8.self)
        case .float16: try run(Float16Bits.self)
        case .bfloat16: try run(BFloat16Bits.self)
        case .bool: try run(Bool.self)
        }
        return out
    }

    /// Calls `body(line, result)` for every line of this contiguous tensor along `axis`, with
    /// the line's elements copied into a contiguous buffer that `body` may reorder, and copies
    /// the `n` results `body` writes to `result` onto the same line of `out` (contiguous, of
    /// this shape). Blocks of neighbouring lines run in parallel.
    /// `rowScratch` is what `body` itself allocates per element of a line, so that the
    /// buffers of every worker are held against the memory budget before any is made.
    func forEachLine<T: KernelElement, R: TensorElement>(along axis: Int, _: T.Type, out: Tensor, _: R.Type, rowScratch: Int = 0,
                                          _ body: @Sendable (UnsafeMutableBufferPointer<T>, UnsafeMutablePointer<R>) -> Void) throws {
        let n = shape[axis], inner = shape[(axis + 1)...].reduce(1, *), outer = shape[..<axis].reduce(1, *)
        guard n > 0, inner > 0, outer > 0 else { return }
        let width = Swift.min(16, inner)
        let src = SendablePointer(base(T.self)), dst = SendablePointer(out.base(R.self))
        let perWorker = n.multipliedReportingOverflow(by: width * (MemoryLayout<T>.stride + MemoryLayout<R>.stride) + rowScratch)
        let workers = Swift.min(Parallel.cores, outer * ((inner + width - 1) / width))
        try Storage.withScratch(bytes: perWorker.overflow ? nil : perWorker.partialValue, times: workers) {
            try forEachBlock(n: n, inner: inner, outer: outer, width: width, src: src, dst: dst, body)
        }
    }

    private func forEachBlock<T: KernelElement, R: TensorElement>(n: Int, inner: Int, outer: Int, width: Int,
                                                                 src: SendablePointer<T>, dst: SendablePointer<R>,
                                                                 _ body: @Sendable (UnsafeMutableBufferPointer<T>, UnsafeMutablePointer<R>) -> Void) throws {
        let blocks = (inner + width - 1) / width
        try Parallel.forEachChunk(count: outer * blocks, unitCost: n * width * 16) { units in
            let values = UnsafeMutablePointer<T>.allocate(capacity: n * width)
            let results = UnsafeMutablePointer<R>.allocate(capacity: n * width)
            defer { values.deallocate(); results.deallocate() }
            for u in units {
                let k0 = (u % blocks) * width, w = Swift.min(width, inner - k0)
                let start = (u / blocks) * n * inner + k0
                if inner == 1 {  // the line is contiguous
                    values.initialize(from: src.p + start, count: n)
                    body(UnsafeMutableBufferPointer(start: values, count: n), results)
                    (dst.p + start).update(from: results, count: n)
                    continue
                }
                for r in 0..<n {
                    let row = src.p + start + r * inner
                    for b in 0..<w { (values + b * n + r).initialize(to: row[b]) }
                }
                for b in 0..<w { body(UnsafeMutableBufferPointer(start: values + b * n, count: n), results + b * n) }
                for r in 0..<n {
                    let row = dst.p + start + r * inner
                    for b in 0..<w { row[b] = results[b * n + r] }
                }
            }
        }
    }
}

/// The typed row kernels. NaN (the only value not equal to itself) goes last.
enum Sorting {
    /// Sorts `v` in place: NaNs moved to the end, the rest by `T.lt`.
    static func sortRow<T: KernelElement>(_ v: UnsafeMutableBufferPointer<T>) {
        var end = v.count
        var i = 0
        while i < end {
            if v[i] != v[i] {
                end -= 1
                v.swapAt(i, end)
            } else {
                i += 1
            }
        }
        if let base = v.baseAddress { introsort(base, 0, end, depth: 2 * Int.bitWidth - 2 * end.leadingZeroBitCount) }
    }

    /// Sorts `a[lo..<hi]` (no NaN) by `T.lt`: quicksort with a median-of-three pivot and a
    /// three-way partition (runs of equal values, common in pixel data, are done in one pass),
    /// insertion sort below 16 elements, heapsort when the depth budget runs out.
    static func introsort<T: KernelElement>(_ a: UnsafeMutablePointer<T>, _ lo: Int, _ hi: Int, depth: Int) {
        var lo = lo, hi = hi, depth = depth
        while hi - lo > 16 {
            if depth == 0 { return heapsort(a + lo, hi - lo) }
            depth -= 1
            let pivot = median(a[lo], a[lo + (hi - lo) / 2], a[hi - 1])
            var lt = lo, i = lo, gt = hi
            while i < gt {
                let x = a[i]
                if T.lt(x, pivot) {
                    a[i] = a[lt]; a[lt] = x
                    lt += 1; i += 1
                } else if T.lt(pivot, x) {
                    gt -= 1
                    a[i] = a[gt]; a[gt] = x
                } else {
                    i += 1
                }
            }
            // Recurse into the smaller side, loop on the bigger: the stack stays logarithmic.
            if lt - lo < hi - gt {
                introsort(a, lo, lt, depth: depth)
                lo = gt
            } else {
                introsort(a, gt, hi, depth: depth)
                hi = lt
            }
        }
        insertionSort(a, lo, hi)
    }

    @inline(__always)
    static func median<T: KernelElement>(_ a: T, _ b: T, _ c: T) -> T {
        if T.lt(a, b) { return T.lt(b, c) ? b : (T.lt(a, c) ? c : a) }
        return T.lt(a, c) ? a : (T.lt(b, c) ? c : b)
    }

    static func insertionSort<T: KernelElement>(_ a: UnsafeMutablePointer<T>, _ lo: Int, _ hi: Int) {
        guard hi - lo > 1 else { return }
        for i in (lo + 1)..<hi {
            let x = a[i]
            var j = i
            while j > lo && T.lt(x, a[j - 1]) {
                a[j] = a[j - 1]
                j -= 1
            }
            a[j] = x
        }
    }

    static func heapsort<T: KernelElement>(_ a: UnsafeMutablePointer<T>, _ n: Int) {
        func siftDown(_ start: Int, _ end: Int) {
            var root = start
            while 2 * root + 1 < end {
                var child = 2 * root + 1
                if child + 1 < end && T.lt(a[child], a[child + 1]) { child += 1 }
                if !T.lt(a[root], a[child]) { return }
                (a[root], a[child]) = (a[child], a[root])
                root = child
            }
        }
        var start = n / 2 - 1
        while start >= 0 {
            siftDown(start, n)
            start -= 1
        }
        var end = n - 1
        while end > 0 {
            (a[0], a[end]) = (a[end], a[0])
            siftDown(0, end)
            end -= 1
        }
    }

    /// Writes the stable sorting permutation of `v` to `out`: the non-NaN elements by value
    /// (equal values keep their order; Swift's sort is stable), then the NaNs in order.
    static func argsortRow<T: KernelElement>(_ v: UnsafeMutableBufferPointer<T>, into out: UnsafeMutablePointer<Int64>) {
        var scratch: [(T, Int64)] = []
        scratch.reserveCapacity(v.count)
        var nans = 0
        for (i, x) in v.enumerated() {
            if x == x { scratch.append((x, Int64(i))) } else { nans += 1 }
        }
        scratch.sort { T.lt($0.0, $1.0) }
        for (k, pair) in scratch.enumerated() { out[k] = pair.1 }
        if nans > 0 {
            var k = scratch.count
            for (i, x) in v.enumerated() where x != x {
                out[k] = Int64(i)
                k += 1
            }
        }
    }
}

extension Tensor {
    /// Elements picked along `axis` by `indices` of the same shape (NumPy's `take_along_axis`).
    public func takeAlong(_ indices: Tensor, axis: Int) throws -> Tensor {
        try get(try alongIndex(indices, axis: axis, op: "take_along_axis"))
    }

    /// The sorted distinct elements of the flattened tensor and how often each occurs
    /// (NaNs count as one value, as they sort together at the end).
    public func unique() throws -> (values: Tensor, counts: Tensor) {
        let sorted = try sort(axis: nil)
        // The distinct values and counts grow as arrays: up to twice their final size each.
        let element = MemoryLayout<Int64>.stride * 2 + dtype.size * 2
        return try Storage.withScratch(bytes: sorted.count.multipliedReportingOverflow(by: element).overflow ? nil : sorted.count * element, times: 1) {
            try sorted.distinctValues()
        }
    }

    private func distinctValues() throws -> (values: Tensor, counts: Tensor) {
        let sorted = self
        func run<T: KernelElement>(_: T.Type) throws -> (values: Tensor, counts: Tensor) {
            let p = sorted.base(T.self)
            var values: [T] = [], counts: [Int64] = []
            for i in 0..<sorted.count {
                let x = p[i]
                if let last = values.last, last == x || (last != last && x != x) {
                    counts[counts.count - 1] += 1
                } else {
                    values.append(x)
                    counts.append(1)
                }
            }
            return (try Tensor(shape: [values.count], elements: values), try Tensor(shape: [counts.count], elements: counts))
        }
        switch dtype {
        case .float32: return try run(Float.self)
        case .float64: return try run(Double.self)
        case .int64: return try run(Int64.self)
        case .int32: return try run(Int32.self)
        case .uint8: return try run(UInt8.self)
        case .float16: return try run(Float16Bits.self)
        case .bfloat16: return try run(BFloat16Bits.self)
        case .bool: return try run(Bool.self)
        }
    }
}
