extension Tensor {
    /// Calls `body` with the linear storage index of every element, in row-major order.
    /// This is the reference traversal; kernels specialise the common layouts.
    @inlinable
    public func forEachStorageIndex(_ body: (Int) -> Void) {
        let n = count
        if n == 0 { return }
        if isContiguous {
            for i in 0..<n { body(offset + i) }
            return
        }
        var index = [Int](repeating: 0, count: ndim)
        var position = offset
        for _ in 0..<n {
            body(position)
            var axis = ndim - 1
            while axis >= 0 {
                index[axis] += 1
                position += strides[axis]
                if index[axis] < shape[axis] { break }
                position -= strides[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
    }

    /// This tensor if it is contiguous from offset 0, else a contiguous copy, made by the
    /// strided copy kernel (a transposed gradient is copied on every training step).
    public func contiguous() throws -> Tensor {
        if isContiguous && offset == 0 && storage.count == count { return self }
        return try copy()
    }

    /// The elements in row-major order; `T` must match `dtype`.
    public func toArray<T: TensorElement>(_: T.Type) -> [T] {
        precondition(T.dtype == dtype, "tensor of \(dtype) read as \(T.dtype)")
        let src = storage.pointer(T.self)
        // One copy for the common row-major case: the per-element loop below is generic
        // across modules and costs far more than the copy (MLP predictions read 10000×784).
        if isContiguous { return Array(UnsafeBufferPointer(start: src + offset, count: count)) }
        var result = [T]()
        result.reserveCapacity(count)
        forEachStorageIndex { result.append(src[$0]) }
        return result
    }
}
