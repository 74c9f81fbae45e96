#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
import MemoryBudget

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

    /// Refuses sizes that cannot be met (negative, overflowing, or beyond what `MemoryBudget`
    /// has left) with `TensorError.outOfMemory` rather than letting the kernel kill the
    /// process later. The bytes stay reserved in the budget while the storage lives.
    public convenience init(dtype: DType, count: Int) throws {
        try self.init(dtype: dtype, count: count, zeroed: true)
    }

    /// With `zeroed` false, the block holds garbage (a big one may be recycled from
    /// `BlockCache` with old contents): only for kernel outputs that overwrite every element.
    convenience init(dtype: DType, count: Int, zeroed: Bool) throws {
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: dtype.size)
        guard count >= 0, !overflow, MemoryBudget.reserve(bytes: byteCount) else {
            throw TensorError.outOfMemory(bytes: overflow ? Int.max : byteCount)
        }
        do { try self.init(reserved: byteCount, dtype: dtype, count: count, zeroed: zeroed) } catch {
            MemoryBudget.release(bytes: byteCount)
            throw error
        }
    }

    /// Room for one element, which never fails for want of budget: a scalar's 8 bytes are
    /// reserved even when the budget is exhausted (so making a 0-d tensor cannot throw).
    convenience init(scalarOf dtype: DType) {
        MemoryBudget.reserveUnchecked(bytes: dtype.size)
        do { try self.init(reserved: dtype.size, dtype: dtype, count: 1, zeroed: false) } catch {
            // malloc refused 8 bytes: the process is out of memory everywhere.
            preconditionFailure("cannot allocate \(dtype.size) bytes")
        }
    }

    /// The allocation itself, once the budget has reserved `byteCount`.
    private init(reserved byteCount: Int, dtype: DType, count: Int, zeroed: Bool) throws {
        self.dtype = dtype
        self.count = count
        #if os(Linux)
        if byteCount >= Storage.hugePageThreshold {
            let size = (byteCount + (2 << 20) - 1) & ~((2 << 20) - 1)
            if !zeroed, let p = BlockCache.shared.take(size: size) {
                self.bytes = p
                self.mappedBytes = size
                return
            }
            let p = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
            guard let p, p != MAP_FAILED else { throw TensorError.outOfMemory(bytes: byteCount) }
            _ = madvise(p, size, 14)  // MADV_HUGEPAGE; mapped memory is already zero
            self.bytes = p
            self.mappedBytes = size
            return
        }
        #endif
        // A kernel output overwrites every element: skip calloc's clearing.
        guard let p = zeroed ? calloc(max(byteCount, 1), 1) : malloc(max(byteCount, 1)) else {
            throw TensorError.outOfMemory(bytes: byteCount)
        }
        self.bytes = p
        self.mappedBytes = 0
    }

    deinit {
        MemoryBudget.release(bytes: count &* dtype.size)
        #if os(Linux)
        if mappedBytes > 0 { BlockCache.shared.put(bytes, size: mappedBytes); return }
        #endif
        free(bytes)
    }

    /// Throws `outOfMemory` when `bytes` (nil: the count overflowed) do not fit in what the
    /// memory budget has left: the same check and message for memory that is not a tensor's
    /// (nested lists, sort scratch).
    public static func checkAllocation(bytes: Int?) throws {
        guard MemoryBudget.allows(bytes: bytes) else { throw TensorError.outOfMemory(bytes: bytes ?? Int.max) }
    }

    /// The same check for `count` elements of `stride` bytes (nil: the count overflowed).
    public static func checkAllocation(count: Int?, stride: Int) throws {
        let bytes = count.map { $0.multipliedReportingOverflow(by: stride) }
        try checkAllocation(bytes: bytes.flatMap { $0.overflow ? nil : $0.partialValue })
    }

    /// Runs `body` with `times` blocks of `bytes` scratch memory (nil: the size overflowed),
    /// which `body` allocates itself, held against the memory budget meanwhile.
    static func withScratch<R>(bytes: Int?, times: Int, _ body: () throws -> R) throws -> R {
        let total = bytes.map { $0.multipliedReportingOverflow(by: times) }
        guard let total, !total.overflow, MemoryBudget.reserve(bytes: total.partialValue) else {
            throw TensorError.outOfMemory(bytes: total.map { $0.overflow ? Int.max : $0.partialValue } ?? Int.max)
        }
        defer { MemoryBudget.release(bytes: total.partialValue) }
        return try body()
    }

    /// Typed access to the elements; `T` must match `dtype`.
    @inlinable
    public func pointer<T: TensorElement>(_: T.Type) -> UnsafeMutablePointer<T> {
        precondition(T.dtype == dtype, "storage of \(dtype) read as \(T.dtype)")
        return bytes.assumingMemoryBound(to: T.self)
    }
}

#if os(Linux)
/// Recently freed big blocks, kept for reuse by kernel outputs. A chain like `exp(x - m) / s`
/// on 60000×784 frees and asks for 188 MB blocks in turn; reusing them skips the kernel's
/// page clearing, which otherwise costs about as much as the arithmetic. Holds at most
/// `limit` bytes; thread-safe. It has no effect on results, only on speed.
final class BlockCache: Sendable {
    static let shared = BlockCache()
    let limit = 768 << 20
    /// (size, address) of cached blocks, oldest first.
    private let blocks = Mutex<[(Int, Int)]>([])

    func take(size: Int) -> UnsafeMutableRawPointer? {
        let address: Int? = blocks.withLock { list in
            guard let i = list.lastIndex(where: { $0.0 == size }) else { return nil }
            return list.remove(at: i).1
        }
        return address.flatMap { UnsafeMutableRawPointer(bitPattern: $0) }
    }

    func put(_ p: UnsafeMutableRawPointer, size: Int) {
        if size > limit / 2 { munmap(p, size); return }
        let evicted: [(Int, Int)] = blocks.withLock { list in
            list.append((size, Int(bitPattern: p)))
            var total = list.reduce(0) { $0 + $1.0 }
            var out: [(Int, Int)] = []
            while total > limit, !list.isEmpty {
                let b = list.removeFirst()
                total -= b.0
                out.append(b)
            }
            return out
        }
        for (s, a) in evicted { if let q = UnsafeMutableRawPointer(bitPattern: a) { munmap(q, s) } }
    }
}
#endif
