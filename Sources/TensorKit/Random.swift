#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A seeded pseudo-random generator: xoshiro256** (Blackman and Vigna) with its state filled
/// by splitmix64 from the seed. The same seed gives the same stream on every machine.
/// Normals use the Marsaglia polar method (only `log` and `sqrt`).
/// Not thread-safe: one generator per session, passed explicitly to every random function.
public final class RandomGenerator: @unchecked Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
    private var spareNormal: Double?

    public init(seed: UInt64) {
        var x = seed
        func splitmix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitmix(); s1 = splitmix(); s2 = splitmix(); s3 = splitmix()
    }

    /// The next 64 random bits.
    public func nextUInt64() -> UInt64 {
        let result = ((s1 &* 5) <<< 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 <<< 45
        return result
    }

    /// Uniform in [0, 1) with 53 random bits.
    public func nextDouble() -> Double { Double(nextUInt64() >> 11) * 0x1.0p-53 }

    /// Uniform in [0, 1) with 24 random bits.
    public func nextFloat() -> Float { Float(nextUInt64() >> 40) * 0x1.0p-24 }

    /// Uniform in `0..<bound` without bias (Lemire's method); 0 if `bound` is 0.
    public func nextInt(below bound: UInt64) -> UInt64 {
        if bound == 0 { return 0 }
        var m = nextUInt64().multipliedFullWidth(by: bound)
        if m.low < bound {
            let threshold = (0 &- bound) % bound
            while m.low < threshold { m = nextUInt64().multipliedFullWidth(by: bound) }
        }
        return m.high
    }

    /// Standard normal.
    public func nextNormal() -> Double {
        if let s = spareNormal { spareNormal = nil; return s }
        while true {
            let u = 2 * nextDouble() - 1, v = 2 * nextDouble() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let f = (-2 * log(s) / s).squareRoot()
                spareNormal = v * f
                return u * f
            }
        }
    }
}

infix operator <<< : BitwiseShiftPrecedence
@inline(__always) private func <<< (x: UInt64, k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

extension Tensor {
    /// Uniform samples in [0, 1).
    public static func rand(_ shape: [Int], dtype: DType = .float32, using g: RandomGenerator) throws -> Tensor {
        try fillRandom(shape, dtype, op: "rand") { dtype == .float32 ? Double(g.nextFloat()) : g.nextDouble() }
    }

    /// Standard-normal samples.
    public static func randn(_ shape: [Int], dtype: DType = .float32, using g: RandomGenerator) throws -> Tensor {
        try fillRandom(shape, dtype, op: "randn") { g.nextNormal() }
    }

    /// Uniform integers in `low..<high` (int64).
    public static func randint(_ low: Int, _ high: Int, _ shape: [Int], using g: RandomGenerator) throws -> Tensor {
        guard high > low else { throw TensorError.invalidArgument(op: "randint", message: "low >= high (\(low) >= \(high))") }
        let span = UInt64(bitPattern: Int64(high) &- Int64(low))
        let t = try Tensor(uninitialized: shape, dtype: .int64)
        let p = t.storage.pointer(Int64.self)
        for i in 0..<t.count {
            if i % 65536 == 0 { try Cancellation.check() }
            p[i] = Int64(low) &+ Int64(bitPattern: g.nextInt(below: span))
        }
        return t
    }

    private static func fillRandom(_ shape: [Int], _ dtype: DType, op: String, _ next: () -> Double) throws -> Tensor {
        guard dtype.isFloatingPoint else { throw TensorError.unsupportedDType(op: op, dtype: dtype) }
        if dtype.isHalf { return try fillRandom(shape, .float32, op: op, next).cast(to: dtype) }
        let t = try Tensor(uninitialized: shape, dtype: dtype)
        if dtype == .float32 {
            let p = t.storage.pointer(Float.self)
            for i in 0..<t.count {
                if i % 65536 == 0 { try Cancellation.check() }
                p[i] = Float(next())
            }
        } else {
            let p = t.storage.pointer(Double.self)
            for i in 0..<t.count {
                if i % 65536 == 0 { try Cancellation.check() }
                p[i] = next()
            }
        }
        return t
    }

    /// A random permutation of `0..<n` (int64), by Fisher–Yates.
    public static func permutation(_ n: Int, using g: RandomGenerator) throws -> Tensor {
        guard n >= 0 else { throw TensorError.invalidArgument(op: "permutation", message: "n must be non-negative, got \(n)") }
        let t = try Tensor(zeros: [n], dtype: .int64)  // refuses impossible sizes before allocating
        let a = t.storage.pointer(Int64.self)
        for i in 0..<n { a[i] = Int64(i) }
        var i = n - 1
        while i > 0 {
            let j = Int(g.nextInt(below: UInt64(i + 1)))
            (a[i], a[j]) = (a[j], a[i])
            i -= 1
        }
        return t
    }

    /// Shuffles this tensor's slices along axis 0 in place (views of it see the change).
    public func shuffle(using g: RandomGenerator) throws {
        guard ndim > 0 else { throw TensorError.invalidArgument(op: "shuffle", message: "cannot shuffle a 0-d tensor") }
        try checkWritable(op: "shuffle")
        let perm = try Tensor.permutation(shape[0], using: g)
        let shuffled = try get([.tensor(perm)])
        try assign(shuffled)
    }

    /// `size` indices drawn from `0..<n` (int64), with or without replacement, uniformly or
    /// with probabilities `p` (a 1-D tensor of n non-negative values summing to 1).
    public static func choice(_ n: Int, size: [Int], replace: Bool = true, p: Tensor? = nil,
                              using g: RandomGenerator) throws -> Tensor {
        guard n >= 0 else { throw TensorError.invalidArgument(op: "choice", message: "n must be non-negative") }
        let (count, overflow) = checkedCount(size)
        guard !overflow, size.allSatisfy({ $0 >= 0 }) else { throw TensorError.invalidArgument(op: "choice", message: "bad size \(size)") }
        guard n > 0 || count == 0 else { throw TensorError.invalidArgument(op: "choice", message: "cannot take a sample from an empty range") }
        if !replace && count > n {
            throw TensorError.invalidArgument(op: "choice", message: "cannot take a larger sample (\(count)) than the population (\(n)) without replacement")
        }
        var weights: [Double]? = nil
        if let p {
            guard p.ndim == 1, p.count == n else { throw TensorError.shapeMismatch(op: "choice", lhs: [n], rhs: p.shape) }
            let w = p.toDoubles()
            let total = w.reduce(0, +)
            guard w.allSatisfy({ $0 >= 0 && $0.isFinite }), Swift.abs(total - 1) < 1e-6 else {
                throw TensorError.invalidArgument(op: "choice", message: "probabilities must be non-negative and sum to 1")
            }
            weights = w
        }
        // The result is allocated first, with the same size check every tensor gets, so an
        // impossible size is an error and not an aborted allocation.
        let result = try Tensor(zeros: size, dtype: .int64)
        let out = result.storage.pointer(Int64.self)
        var k = 0
        if var w = weights {
            while k < count {
                if k % 65536 == 0 { try Cancellation.check() }
                // Inverse CDF over the remaining weights.
                var cdf = [Double](repeating: 0, count: n)
                var acc = 0.0
                for i in 0..<n { acc += w[i]; cdf[i] = acc }
                if acc <= 0 { throw TensorError.invalidArgument(op: "choice", message: "fewer non-zero entries in p than size") }
                repeat {
                    let u = g.nextDouble() * acc
                    var lo = 0, hi = n - 1
                    while lo < hi { let mid = (lo + hi) / 2; if cdf[mid] > u { hi = mid } else { lo = mid + 1 } }
                    while w[lo] == 0 && lo > 0 { lo -= 1 }  // never pick a zero-probability item
                    out[k] = Int64(lo)
                    k += 1
                    if !replace { w[lo] = 0; break }
                } while k < count
            }
        } else if replace {
            for i in 0..<count {
                if i % 65536 == 0 { try Cancellation.check() }
                out[i] = Int64(g.nextInt(below: UInt64(n)))
            }
        } else {
            // Partial Fisher–Yates over a sparse swap table.
            var swaps = [Int: Int]()
            for i in 0..<count {
                let j = i + Int(g.nextInt(below: UInt64(n - i)))
                let vj = swaps[j] ?? j, vi = swaps[i] ?? i
                swaps[j] = vi
                out[i] = Int64(vj)
            }
        }
        return result
    }
}
