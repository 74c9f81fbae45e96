import Testing
@testable import MemoryBudget

@Suite struct MemoryBudgetTests {
    @Test(arguments: [("4096", 4096), ("512M", 512 << 20), ("8G", 8 << 30), ("1.5GiB", 3 << 29), ("2t", 2 << 40),
                      ("64 MB", 64 << 20), ("1e9", 1_000_000_000), ("0", 0)])
    func sizesReadAsPeopleWriteThem(_ text: String, _ bytes: Int) {
        #expect(MemoryBudget.bytes(fromText: text) == bytes)
    }

    @Test(arguments: ["", "G", "-1G", "lots", "1e30", "nan", "inf", "8X"])
    func otherTextIsNoSize(_ text: String) {
        #expect(MemoryBudget.bytes(fromText: text) == nil)
    }

    /// Without `ulimit -v` (the test runner sets none), the default is 80 % of physical memory.
    @Test func theDefaultIsAFractionOfPhysicalMemory() {
        #expect(MemoryBudget.addressSpaceLimit() == nil)
        #expect(MemoryBudget.defaultLimit() == MemoryBudget.physicalMemory() / 5 * 4)
    }

    @Test func negativeAndOverflowedSizesAreNeverAllowed() {
        #expect(!MemoryBudget.allows(bytes: nil))
        #expect(!MemoryBudget.allows(bytes: -1))
        #expect(!MemoryBudget.reserve(bytes: -1))
        #expect(!MemoryBudget.allows(bytes: Int.max))
    }
}
