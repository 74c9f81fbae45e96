import MemoryBudget
import MNLSyntax

/// The size check for memory a program decides the size of: list and string results,
/// materialised ranges, comprehensions, growing lists. Each asks `MemoryBudget` before Swift
/// allocates, because Swift's own allocation failure is a trap the REPL cannot survive.
public enum Allocation {
    /// The error for `bytes` that the budget refused, with what it had left.
    public static func refusal(bytes: Int) -> Diagnostic {
        Diagnostic(.outOfMemory(bytes: bytes, inUse: MemoryBudget.inUse, limit: MemoryBudget.limit), at: nil)
    }

    /// Checks a buffer of `bytes` (nil: the size overflowed).
    public static func check(bytes: Int?) throws {
        guard MemoryBudget.allows(bytes: bytes) else { throw refusal(bytes: bytes ?? Int.max) }
    }

    /// Checks an array of `count` values.
    public static func check(values count: Int) throws {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<Value>.stride)
        try check(bytes: overflow ? nil : bytes)
    }

    /// Before an append to `items`: when the array is full its buffer doubles, and the new
    /// buffer must fit. A no-op while there is room, so appends stay cheap.
    @inline(__always)
    public static func checkGrowth(of items: [Value]) throws {
        if items.count == items.capacity { try check(values: Swift.max(16, items.capacity &* 2)) }
    }
}
