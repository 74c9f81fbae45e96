/// Seeded mutations of a seed file, for the in-process loader runs of the test suite (the
/// libFuzzer executables mutate by themselves). The mutations are those that broke loaders
/// before: flipped bits, bytes set to edge values (0, 0x7F, 0x80, 0xFF), little- and
/// big-endian length fields set to huge values, truncation, and spliced or repeated runs.
public struct SeedMutator {
    private var choices: SeededChoices

    public init(seed: UInt64) { choices = SeededChoices(seed: seed) }

    /// One to four mutations of `seed`.
    public mutating func mutate(_ seed: [UInt8]) -> [UInt8] {
        var b = seed
        for _ in 0...choices.choose(4) { mutateOnce(&b) }
        return b
    }

    private mutating func mutateOnce(_ b: inout [UInt8]) {
        guard !b.isEmpty else { b = [UInt8(truncatingIfNeeded: choices.choose(256))]; return }
        let at = choices.choose(b.count)
        switch choices.choose(7) {
        case 0: b[at] ^= 1 << UInt8(choices.choose(8))
        case 1: b[at] = choices.pick([0, 1, 0x7F, 0x80, 0xFE, 0xFF])
        case 2:  // a 4- or 8-byte field, either byte order, set to an edge value
            let width = choices.pick([4, 8])
            let value: UInt64 = choices.pick([0, 1, 0x7FFF_FFFF, 0xFFFF_FFFF, 1 << 32, UInt64(Int64.max), UInt64.max])
            let bigEndian = choices.choose(2) == 0
            for k in 0..<width where at + k < b.count {
                let shift = UInt64(8 * (bigEndian ? width - 1 - k : k))
                b[at + k] = UInt8(truncatingIfNeeded: value >> shift)
            }
        case 3: b.removeSubrange(at...)
        case 4: b.insert(contentsOf: b[at..<min(b.count, at + 1 + choices.choose(64))], at: choices.choose(b.count))
        case 5: b.insert(choices.pick([0x22, 0x2C, 0x0A, 0x7B, 0x5B, 0x2D, 0x30, 0x65]), at: at)  // " , \n { [ - 0 e
        default: b.remove(at: at)
        }
    }
}
