/// Where a generator's decisions come from: the fuzzer's bytes, or a seeded sequence.
/// `choose(n)` answers in `0..<n`; 0 is always the simplest choice, so that an input that
/// runs out of bytes ends in small, terminating programs.
public protocol ChoiceSource {
    mutating func choose(_ n: Int) -> Int
}

extension ChoiceSource {
    /// True with probability about 1/n.
    mutating func oneIn(_ n: Int) -> Bool { choose(n) == n - 1 }

    mutating func pick<T>(_ items: [T]) -> T { items[choose(items.count)] }
}

/// The fuzzer's bytes read as choices: one byte each (two when there are more than 256
/// options); 0 once they run out.
public struct ByteChoices: ChoiceSource {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = Array(bytes) }

    public mutating func choose(_ n: Int) -> Int {
        guard n > 1 else { return 0 }
        var v = 0
        for _ in 0..<(n > 256 ? 2 : 1) {
            guard position < bytes.count else { break }
            v = v << 8 | Int(bytes[position])
            position += 1
        }
        return v % n
    }
}

/// A reproducible pseudo-random sequence (SplitMix64) for seeded runs in the test suite.
public struct SeededChoices: ChoiceSource {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func choose(_ n: Int) -> Int {
        n > 1 ? Int(next() % UInt64(n)) : 0
    }
}
