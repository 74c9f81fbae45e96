#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A flat, aligned, zero-initialised block of elements of one dtype. Tensors are views
/// of a storage (shape, strides, offset); several tensors may share one storage.
public final class Storage: @unchecked Sendable {
    public let dtype: DType
    public let count: Int
    public let bytes: UnsafeMutableRawPointer

    /// Refuses sizes that cannot be met (negative, overflowing, or above physical memory)
    /// with `TensorError.outOfMemory` rather than letting the kernel kill the process later.
    public init(dtype: DType, count: Int) throws {
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: dtype.size)
        guard count >= 0, !overflow, UInt64(byteCount) <= Storage.memoryLimit else {
            throw TensorError.outOfMemory(bytes: overflow ? Int.max : byteCount)
        }
        guard let p = calloc(max(byteCount, 1), 1) else {
            throw TensorError.outOfMemory(bytes: byteCount)
        }
        self.dtype = dtype
        self.count = count
        self.bytes = p
    }

    deinit { free(bytes) }

    /// The most one storage may take: the machine's physical memory.
    static let memoryLimit: UInt64 = {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        return pages > 0 && size > 0 ? UInt64(pages) * UInt64(size) : UInt64(Int.max)
    }()

    /// Typed access to the elements; `T` must match `dtype`.
    @inlinable
    public func pointer<T: TensorElement>(_: T.Type) -> UnsafeMutablePointer<T> {
        precondition(T.dtype == dtype, "storage of \(dtype) read as \(T.dtype)")
        return bytes.assumingMemoryBound(to: T.self)
    }
}
