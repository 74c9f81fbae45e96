import Dispatch

/// Work split across the cores for the tree models (TensorKit's own splitter is internal to
/// it). The one place a raw pointer crosses threads here: chunks write disjoint ranges.
enum TreeParallel {
    static let cores: Int = max(1, ProcessInfoCores.count)

    struct Pointer<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>
    }

    /// Runs `body` over chunks of `0..<count` on up to `workers` threads, one piece when the
    /// work (`count × unitCost`) is too small to be worth a thread.
    static func forEachChunk(count: Int, unitCost: Int, workers: Int = cores,
                             _ body: @Sendable (Range<Int>) -> Void) {
        guard count > 0 else { return }
        let pieces = min(workers, count, max(1, count * unitCost / (1 << 16)))
        if pieces <= 1 { body(0..<count); return }
        let per = (count + pieces - 1) / pieces
        DispatchQueue.concurrentPerform(iterations: pieces) { c in
            let lo = c * per
            if lo < count { body(lo..<min(count, lo + per)) }
        }
    }
}

#if canImport(Glibc)
import Glibc
enum ProcessInfoCores { static var count: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) } }
#else
import Foundation
enum ProcessInfoCores { static var count: Int { ProcessInfo.processInfo.activeProcessorCount } }
#endif
