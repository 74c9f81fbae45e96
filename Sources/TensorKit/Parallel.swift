import Dispatch
import Synchronization

/// A flag that asks long tensor operations to stop (set it from a Ctrl-C handler).
/// Make it current for a scope with `Cancellation.$current.withValue(flag) { ... }`; this also
/// works in synchronous code. Kernels read the current flag once, before splitting their work,
/// and check it between chunks, throwing `TensorError.interrupted`.
public final class CancellationFlag: Sendable {
    private let state = Atomic<Bool>(false)
    private let external: (@Sendable () -> Bool)?
    public init() { external = nil }
    /// A flag that is also set whenever `check` returns true (e.g. a Ctrl-C flag owned elsewhere).
    public init(check: @escaping @Sendable () -> Bool) { external = check }
    /// Ask running operations to stop.
    public func cancel() { state.store(true, ordering: .relaxed) }
    /// Clear the request (call before starting the next computation).
    public func reset() { state.store(false, ordering: .relaxed) }
    public var isCancelled: Bool { state.load(ordering: .relaxed) || (external?() ?? false) }
}

/// Holder of the task-local current cancellation flag.
public enum Cancellation {
    @TaskLocal public static var current: CancellationFlag?

    /// Throws `TensorError.interrupted` if the current flag is set.
    public static func check() throws {
        if let f = current, f.isCancelled { throw TensorError.interrupted }
    }
}

/// The one place a raw pointer crosses threads: kernels split disjoint ranges of one buffer.
@usableFromInline
struct SendablePointer<T>: @unchecked Sendable {
    @usableFromInline let p: UnsafeMutablePointer<T>
    @inlinable init(_ p: UnsafeMutablePointer<T>) { self.p = p }
}
@usableFromInline
struct SendableRawPointer: @unchecked Sendable {
    @usableFromInline let p: UnsafeMutableRawPointer
    @inlinable init(_ p: UnsafeMutableRawPointer) { self.p = p }
}

enum Parallel {
    static let cores: Int = {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 2
        #endif
    }()

    /// Work (in elements) of one chunk; up to twice this runs on the calling thread in one
    /// piece. Splitting smaller work gains little and, on shared cores where OpenBLAS's threads
    /// spin after a product, loses much: a chunk whose thread is not scheduled holds up the rest.
    static let grain = 1 << 18

    /// Work up to this many elements runs in one piece on the calling thread.
    static let singlePieceWork = grain * 2

    /// Splits `0..<count` into chunks of at least `grain` units (each unit costing about
    /// `unitCost` elements of work), runs `body` on them across the cores, and throws
    /// `interrupted` if the current cancellation flag is set before or between chunks.
    /// Work small enough for one piece runs at once, without reading the flag (a task-local
    /// look-up that costs more than a small kernel): it ends in microseconds anyway, and the
    /// interpreter checks the flag between statements.
    static func forEachChunk(count: Int, unitCost: Int = 1,
                             _ body: @Sendable (Range<Int>) -> Void) throws {
        if count <= 0 { return }
        let work = count.multipliedReportingOverflow(by: max(unitCost, 1))
        let totalWork = work.overflow ? Int.max : work.partialValue
        if totalWork <= singlePieceWork {
            body(0..<count)
            return
        }
        let flag = Cancellation.current
        if let flag, flag.isCancelled { throw TensorError.interrupted }
        // Enough chunks to balance the cores and to answer Ctrl-C promptly.
        let maxChunks = max(1, totalWork / grain)
        let chunks = min(count, min(maxChunks, cores * 8))
        let per = (count + chunks - 1) / chunks
        let n = (count + per - 1) / per
        DispatchQueue.concurrentPerform(iterations: n) { c in
            if let flag, flag.isCancelled { return }
            let lo = c * per
            body(lo..<min(count, lo + per))
        }
        if let flag, flag.isCancelled { throw TensorError.interrupted }
    }
}

#if canImport(Glibc)
import Glibc
#endif
