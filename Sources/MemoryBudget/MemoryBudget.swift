#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// How much memory the process lets user input make it take.
///
/// Swift traps when an allocation fails, so every allocation whose size a program or a data
/// file decides (tensor storages, lists, strings, file buffers, sort scratch) asks the budget
/// first and turns a refusal into a clean error. The budget is a limit on the bytes those
/// allocations hold at once: tensor storages reserve their bytes for as long as they live,
/// and a one-off buffer is checked against what is left.
///
/// It is process-wide, like the allocator it stands in front of: memory is one pool whatever
/// session asks. The default is a fraction of physical memory, lower when an address-space
/// limit (`ulimit -v`) is set; `setLimit` changes it (`--memory-limit`, `set_memory_limit`).
public enum MemoryBudget {
    private static let limitBytes = Atomic<Int>(defaultLimit())
    private static let reservedBytes = Atomic<Int>(0)

    /// The most that budgeted allocations may hold at once, in bytes.
    public static var limit: Int { limitBytes.load(ordering: .relaxed) }

    /// Bytes held now by budgeted allocations (live tensor storages, scoped reservations).
    public static var inUse: Int { reservedBytes.load(ordering: .relaxed) }

    /// Changes the limit (bytes, at least 1 MiB; larger than physical memory is allowed, for
    /// machines that swap).
    public static func setLimit(_ bytes: Int) {
        limitBytes.store(Swift.max(bytes, 1 << 20), ordering: .relaxed)
    }

    /// Whether a one-off buffer of `bytes` (nil: its size overflowed) fits beside what is held.
    public static func allows(bytes: Int?) -> Bool {
        guard let bytes, bytes >= 0 else { return false }
        return bytes <= limit - Swift.min(inUse, limit)
    }

    /// Holds `bytes` against the budget until `release(bytes:)`; false (nothing held) when
    /// they do not fit.
    public static func reserve(bytes: Int) -> Bool {
        guard bytes >= 0 else { return false }
        let after = reservedBytes.add(bytes, ordering: .relaxed).newValue
        if after <= limit { return true }
        reservedBytes.subtract(bytes, ordering: .relaxed)
        return false
    }

    /// Reserves `bytes` even beyond the limit: only for the few bytes of a scalar whose
    /// allocation cannot sensibly fail (it is released as any reservation is).
    public static func reserveUnchecked(bytes: Int) {
        reservedBytes.add(bytes, ordering: .relaxed)
    }

    public static func release(bytes: Int) {
        reservedBytes.subtract(bytes, ordering: .relaxed)
    }

    /// Bytes from a size as people write it: `4096`, `512M`, `8G`, `1.5GiB`, `2T` (binary units,
    /// case-insensitive, an optional `B`/`iB`); nil for anything else.
    public static func bytes(fromText text: String) -> Int? {
        var digits = Substring(text.lowercased().filter { $0 != " " })
        for suffix in ["ib", "b"] where digits.hasSuffix(suffix) { digits = digits.dropLast(suffix.count); break }
        let units: [Character: Double] = ["k": 0x1p10, "m": 0x1p20, "g": 0x1p30, "t": 0x1p40]
        var scale = 1.0
        if let last = digits.last, let unit = units[last] { scale = unit; digits = digits.dropLast() }
        guard let number = Double(digits), number.isFinite, number >= 0 else { return nil }
        let bytes = (number * scale).rounded()
        return bytes < 9.0e18 ? Int(bytes) : nil
    }

    /// 80 % of physical memory, or 60 % of the address-space limit when that is lower (the
    /// rest of the address space holds code, thread stacks and the BLAS library's buffers).
    static func defaultLimit() -> Int {
        let physical = physicalMemory()
        let fromPhysical = physical / 5 * 4
        guard let addressSpace = addressSpaceLimit() else { return fromPhysical }
        return Swift.min(fromPhysical, addressSpace / 5 * 3)
    }

    /// Physical memory in bytes (Int.max when the system does not say).
    public static func physicalMemory() -> Int {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return Int.max }
        let (bytes, overflow) = pages.multipliedReportingOverflow(by: size)
        return overflow ? Int.max : bytes
    }

    /// The soft address-space limit (`ulimit -v`), nil when unlimited.
    static func addressSpaceLimit() -> Int? {
        var limit = rlimit()
        #if os(Linux)
        let resource = __rlimit_resource_t(RLIMIT_AS.rawValue)
        #else
        let resource = RLIMIT_AS
        #endif
        guard getrlimit(resource, &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return limit.rlim_cur > UInt64(Int.max) ? nil : Int(limit.rlim_cur)
    }
}
