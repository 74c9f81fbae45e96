/// An N-dimensional array: a view (shape, strides in elements, offset) of a `Storage`.
/// Transpose, reshape of contiguous data, and basic slicing make new views, not copies.
/// A zero-dimensional tensor (shape `[]`) holds one scalar.
public struct Tensor: Sendable {
    public let storage: Storage
    public let shape: [Int]
    public let strides: [Int]
    public let offset: Int

    public var dtype: DType { storage.dtype }
    public var ndim: Int { shape.count }
    /// Number of elements (1 for a scalar tensor, 0 if any axis is 0).
    public var count: Int { shape.reduce(1, *) }

    /// A view of `storage`. Callers guarantee that every index stays inside the storage.
    public init(storage: Storage, shape: [Int], strides: [Int], offset: Int = 0) {
        self.storage = storage
        self.shape = shape
        self.strides = strides
        self.offset = offset
    }

    /// A new zero-filled contiguous tensor.
    public init(zeros shape: [Int], dtype: DType = .float32) throws {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw TensorError.invalidArgument(op: "zeros", message: TensorError.negativeDimension(shape))
        }
        let (count, overflow) = Tensor.checkedCount(shape)
        guard !overflow else { throw TensorError.outOfMemory(bytes: Int.max) }
        self.init(storage: try Storage(dtype: dtype, count: count), shape: shape,
                  strides: Tensor.contiguousStrides(shape))
    }

    /// A new contiguous tensor whose elements the caller will all overwrite (kernel outputs).
    init(uninitialized shape: [Int], dtype: DType) throws {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw TensorError.invalidArgument(op: "zeros", message: TensorError.negativeDimension(shape))
        }
        let (count, overflow) = Tensor.checkedCount(shape)
        guard !overflow else { throw TensorError.outOfMemory(bytes: Int.max) }
        self.init(storage: try Storage(dtype: dtype, count: count, zeroed: false), shape: shape,
                  strides: Tensor.contiguousStrides(shape))
    }

    /// A new contiguous tensor holding `elements` in row-major order.
    public init<T: TensorElement>(shape: [Int], elements: [T]) throws {
        try self.init(zeros: shape, dtype: T.dtype)
        guard count == elements.count else {
            throw TensorError.badReshape(from: [elements.count], to: shape)
        }
        let p = storage.pointer(T.self)
        elements.withUnsafeBufferPointer { src in
            if let base = src.baseAddress { p.update(from: base, count: src.count) }
        }
    }

    /// A zero-dimensional tensor holding one scalar.
    public init<T: TensorElement>(scalar: T) {
        let s = Storage(scalarOf: T.dtype)
        s.pointer(T.self).pointee = scalar
        self.init(storage: s, shape: [], strides: [])
    }

    /// True when the elements are laid out densely in row-major order from `offset`.
    /// (The stride of a size-1 axis is never used, so it does not matter.)
    public var isContiguous: Bool {
        var expected = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            if shape[d] == 0 { return true }
            if shape[d] != 1 && strides[d] != expected { return false }
            expected &*= shape[d]
        }
        return true
    }

    /// Row-major strides for `shape`.
    public static func contiguousStrides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[i] = acc
            // Wrapping: the strides of a tensor with elements fit (its count was checked); with a
            // zero dimension there are no elements, and strides are never used to address any.
            acc = acc &* Swift.max(shape[i], 1)
        }
        return strides
    }

    /// The element count of `shape`, and whether computing it overflowed.
    public static func checkedCount(_ shape: [Int]) -> (Int, Bool) {
        var n = 1
        for d in shape {
            let (m, o) = n.multipliedReportingOverflow(by: d)
            if o { return (0, true) }
            n = m
        }
        return (n, false)
    }
}
