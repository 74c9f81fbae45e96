/// Creating tensors, and reading their elements back as Swift numbers.

extension Tensor {
    /// A tensor of `shape` from row-major `values` converted to `dtype` (as `cast` converts).
    /// The language binding flattens nested lists into `values`.
    public init(shape: [Int], values: [Double], dtype: DType = .float32) throws {
        let t = try Tensor(zeros: shape, dtype: dtype)
        guard t.count == values.count else {
            throw TensorError.badReshape(from: [values.count], to: shape)
        }
        func fill<T: KernelElement>(_: T.Type) {
            let p = t.storage.pointer(T.self)
            for (i, v) in values.enumerated() { p[i] = T(fromDouble: v) }
        }
        switch dtype {
        case .float32: fill(Float.self)
        case .float64: fill(Double.self)
        case .int64: fill(Int64.self)
        case .int32: fill(Int32.self)
        case .uint8: fill(UInt8.self)
        case .float16: fill(Float16Bits.self)
        case .bfloat16: fill(BFloat16Bits.self)
        case .bool: fill(Bool.self)
        }
        self = t
    }

    /// A tensor of zeros.
    public static func zeros(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
        try Tensor(zeros: shape, dtype: dtype)
    }

    /// A tensor of ones.
    public static func ones(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
        try full(shape, value: 1, dtype: dtype)
    }

    /// A tensor with every element `value`.
    public static func full(_ shape: [Int], value: Double, dtype: DType = .float32) throws -> Tensor {
        try checkStorable(value, in: dtype, op: "full")
        let t = try Tensor(zeros: shape, dtype: dtype)
        if value != 0 { try t.assign(Tensor(scalar: value, dtype: dtype)) }
        return t
    }

    /// An `n`×`m` matrix with ones on the diagonal shifted by `k` (NumPy's `eye`).
    public static func eye(_ n: Int, _ m: Int? = nil, k: Int = 0, dtype: DType = .float32) throws -> Tensor {
        let cols = m ?? n
        let t = try Tensor(zeros: [n, cols], dtype: dtype)
        // Only the rows the diagonal crosses: eye(2**53, 0) is empty and must not loop 2**53 times.
        let first = Swift.max(0, -k), end = Swift.min(n, cols - k)
        for i in Swift.stride(from: first, to: end, by: 1) { try t.setElement(at: i * cols + i + k, to: 1) }
        return t
    }

    /// Values from `start` up to (not including) `stop` by `step`. The dtype defaults to int64
    /// when all three are integral, else float32.
    public static func arange(_ start: Double, _ stop: Double, step: Double = 1, dtype: DType? = nil) throws -> Tensor {
        guard step != 0, step.isFinite, start.isFinite, stop.isFinite else {
            throw TensorError.invalidArgument(op: "arange", message: "start, stop and step must be finite and step non-zero")
        }
        let lengthD = ((stop - start) / step).rounded(.up)
        guard lengthD < 1e15 else { throw TensorError.outOfMemory(bytes: Int.max) }
        let n = lengthD > 0 ? Int(lengthD) : 0  // also for -inf when stop - start overflows
        let integral = [start, stop, step].allSatisfy { $0.rounded() == $0 }
        let dt = dtype ?? (integral ? .int64 : .float32)
        if dt == .int64 && integral, let exact = try integerRange(start, step, count: n) { return exact }
        let t = try Tensor(zeros: [n], dtype: .float64)
        let p = t.storage.pointer(Double.self)
        for i in 0..<n { p[i] = start + Double(i) * step }
        return try t.cast(to: dt)
    }

    /// An int64 range computed in integers, exact above 2^53 where doubles skip values; nil
    /// when `start` or `step` lies outside int64 (the double path then saturates as `cast` does).
    private static func integerRange(_ start: Double, _ step: Double, count n: Int) throws -> Tensor? {
        let limit = 9.2233720368547758e18
        guard (-limit..<limit).contains(start), (-limit..<limit).contains(step) else { return nil }
        let first = Int64(start), by = Int64(step)
        let t = try Tensor(uninitialized: [n], dtype: .int64)
        let p = t.storage.pointer(Int64.self)
        // Every value lies between start and stop, so the wrapping operators never wrap.
        for i in 0..<n { p[i] = first &+ Int64(i) &* by }
        return t
    }

    /// `count` evenly spaced values from `start` to `stop` (inclusive when `endpoint`).
    public static func linspace(_ start: Double, _ stop: Double, count: Int, endpoint: Bool = true,
                                dtype: DType = .float32) throws -> Tensor {
        guard count >= 0 else { throw TensorError.invalidArgument(op: "linspace", message: "number of samples \(count) must be non-negative") }
        guard count < 1 << 40 else { throw TensorError.outOfMemory(bytes: Int.max) }
        let div = Double(endpoint ? count - 1 : count)
        let step = div > 0 ? (stop - start) / div : 0
        // Each value is computed in double precision, then rounded once to the dtype.
        func fill<T: KernelElement>(_: T.Type) throws -> Tensor {
            let t = try Tensor(uninitialized: [count], dtype: T.dtype)
            let p = t.storage.pointer(T.self)
            for i in 0..<count { p[i] = T(fromDouble: start + Double(i) * step) }
            if endpoint && count > 1 { p[count - 1] = T(fromDouble: stop) }
            return t
        }
        switch dtype {
        case .float32: return try fill(Float.self)
        case .float64: return try fill(Double.self)
        case .float16, .bfloat16, .int64, .int32, .uint8, .bool: return try fill(Double.self).cast(to: dtype)
        }
    }

    /// One-hot rows: `labels` (integers in `0..<k`, any shape) to shape `labels.shape + [k]`.
    public static func oneHot(_ labels: Tensor, _ k: Int, dtype: DType = .float32) throws -> Tensor {
        guard k >= 0 else { throw TensorError.invalidArgument(op: "one_hot", message: "number of classes \(k) must be non-negative") }
        guard !labels.dtype.isFloatingPoint else { throw TensorError.unsupportedDType(op: "one_hot", dtype: labels.dtype) }
        let lab = try labels.cast(to: .int64).contiguous().toArray(Int64.self)
        let out = try Tensor(zeros: labels.shape + [k], dtype: dtype)
        for (i, l) in lab.enumerated() {
            guard l >= 0 && l < k else { throw TensorError.indexOutOfRange(index: Int(l), axis: labels.ndim, size: k) }
            try out.setElement(at: i * k + Int(l), to: 1)
        }
        return out
    }

    // MARK: Reading elements

    /// All elements in row-major order, as Doubles (for printing and lists).
    public func toDoubles() -> [Double] {
        switch dtype {
        case .float32: toArray(Float.self).map { Double($0) }
        case .float64: toArray(Double.self)
        case .int64: toArray(Int64.self).map { Double($0) }
        case .int32: toArray(Int32.self).map { Double($0) }
        case .uint8: toArray(UInt8.self).map { Double($0) }
        case .float16: toArray(Float16Bits.self).map { $0.asDouble }
        case .bfloat16: toArray(BFloat16Bits.self).map { $0.asDouble }
        case .bool: toArray(Bool.self).map { $0 ? 1 : 0 }
        }
    }

    /// All elements in row-major order as Int64 (exact for int64 tensors).
    public func toInt64s() -> [Int64] {
        switch dtype {
        case .float32: toArray(Float.self).map { $0.asInt64 }
        case .float64: toArray(Double.self).map { $0.asInt64 }
        case .int64: toArray(Int64.self)
        case .int32: toArray(Int32.self).map { Int64($0) }
        case .uint8: toArray(UInt8.self).map { Int64($0) }
        case .float16: toArray(Float16Bits.self).map { $0.asInt64 }
        case .bfloat16: toArray(BFloat16Bits.self).map { $0.asInt64 }
        case .bool: toArray(Bool.self).map { $0 ? 1 : 0 }
        }
    }

    /// The one element of a 0-d or size-1 tensor, as a Double.
    public func item() throws -> Double {
        guard count == 1 else {
            throw TensorError.invalidArgument(op: "item", message: "can only convert a tensor of size 1 to a number, got shape \(shape)")
        }
        return element(atStorageIndex: offset)
    }

    /// The element at row-major position `i` of this view (0..<count), as a Double.
    public func value(atFlatIndex i: Int) throws -> Double {
        element(atStorageIndex: try storageIndex(ofFlatIndex: i))
    }

    /// The element at row-major position `i` as an Int64, exact for int64 tensors (floats
    /// convert as `asInt64` does).
    public func int64(atFlatIndex i: Int) throws -> Int64 {
        let position = try storageIndex(ofFlatIndex: i)
        switch dtype {
        case .int64: return storage.pointer(Int64.self)[position]
        case .int32: return Int64(storage.pointer(Int32.self)[position])
        case .uint8: return Int64(storage.pointer(UInt8.self)[position])
        case .bool: return storage.pointer(Bool.self)[position] ? 1 : 0
        case .float32: return storage.pointer(Float.self)[position].asInt64
        case .float64: return storage.pointer(Double.self)[position].asInt64
        case .float16: return storage.pointer(Float16Bits.self)[position].asInt64
        case .bfloat16: return storage.pointer(BFloat16Bits.self)[position].asInt64
        }
    }

    private func storageIndex(ofFlatIndex i: Int) throws -> Int {
        guard i >= 0 && i < count else { throw TensorError.indexOutOfRange(index: i, axis: 0, size: count) }
        var rem = i, position = offset
        for d in stride(from: ndim - 1, through: 0, by: -1) {
            position += (rem % shape[d]) * strides[d]
            rem /= shape[d]
        }
        return position
    }

    /// The element at storage index `i` as a Double (internal: no checks).
    func element(atStorageIndex i: Int) -> Double {
        switch dtype {
        case .float32: Double(storage.pointer(Float.self)[i])
        case .float64: storage.pointer(Double.self)[i]
        case .int64: Double(storage.pointer(Int64.self)[i])
        case .int32: Double(storage.pointer(Int32.self)[i])
        case .uint8: Double(storage.pointer(UInt8.self)[i])
        case .float16: storage.pointer(Float16Bits.self)[i].asDouble
        case .bfloat16: storage.pointer(BFloat16Bits.self)[i].asDouble
        case .bool: storage.pointer(Bool.self)[i] ? 1 : 0
        }
    }

    /// The number of bytes this tensor's elements take (count × dtype size).
    public var nbytes: Int { count * dtype.size }
}
