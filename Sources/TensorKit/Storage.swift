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
    /// Bytes mapped with `mmap` (0 when the block came from `calloc`).
    private let mappedBytes: Int

    /// Blocks at least this big are mapped directly and marked for transparent huge pages
    /// (as NumPy does): page faults on fresh 2 MiB pages instead of 4 KiB ones make a new
    /// 188 MB result several times cheaper to fill.
    static let hugePageThreshold = 4 << 20

    /// Refuses sizes that cannot be met (negative, overflowing, or above physical memory)
    /// with `TensorError.outOfMemory` rather than letting the kernel kill the process later.
    public init(dtype: DType, count: Int) throws {
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: dtype.size)
        guard count >= 0, !overflow, UInt64(byteCount) <= Storage.memoryLimit else {
            throw TensorError.outOfMemory(bytes: overflow ? Int.max : byteCount)
        }
        self.dtype = dtype
        self.count = count
        #if os(Linux)
        if byteCount >= Storage.hugePageThreshold {
            let size = (byteCount + (2 << 20) - 1) & ~((2 << 20) - 1)
            let p = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
            guard let p, p != MAP_FAILED else { throw TensorError.outOfMemory(bytes: byteCount) }
            _ = madvise(p, size, 14)  // MADV_HUGEPAGE; mapped memory is already zero
            self.bytes = p
            self.mappedBytes = size
            return
        }
        #endif
        guard let p = calloc(max(byteCount, 1), 1) else {
            throw TensorError.outOfMemory(bytes: byteCount)
        }
        self.bytes = p
        self.mappedBytes = 0
    }

    deinit {
        #if os(Linux)
        if mappedBytes > 0 { munmap(bytes, mappedBytes); return }
        #endif
        free(bytes)
    }

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
