import Foundation
import Testing
@testable import TensorKit

@Suite("Random generator")
struct RandomTests {
    @Test func matchesReferenceXoshiro() throws {
        for c in try loadFixture("xoshiro") {
            let seed = try #require(UInt64(c["seed"] as! String))
            let g = RandomGenerator(seed: seed)
            let expected = (c["next"] as! [String]).compactMap { UInt64($0) }
            #expect((0..<expected.count).map { _ in g.nextUInt64() } == expected)
        }
    }

    @Test func sameSeedSameNumbers() throws {
        let a = try Tensor.randn([100], using: RandomGenerator(seed: 42))
        let b = try Tensor.randn([100], using: RandomGenerator(seed: 42))
        let c = try Tensor.randn([100], using: RandomGenerator(seed: 43))
        #expect(a.toDoubles() == b.toDoubles())
        #expect(a.toDoubles() != c.toDoubles())
    }

    @Test func momentsAreSane() throws {
        let g = RandomGenerator(seed: 1)
        let n = try Tensor.randn([200_000], dtype: .float64, using: g)
        #expect(Swift.abs(try n.mean().item()) < 0.01)
        #expect(Swift.abs(try n.std().item() - 1) < 0.01)
        let u = try Tensor.rand([200_000], using: g)
        #expect(Swift.abs(try u.mean().item() - 0.5) < 0.005)
        #expect(try u.min().item() >= 0 && u.max().item() < 1)
        let r = try Tensor.randint(-3, 4, [70_000], using: g)
        #expect(r.dtype == .int64)
        let (values, counts) = try r.unique()
        #expect(values.toInt64s() == [-3, -2, -1, 0, 1, 2, 3])
        #expect(counts.toInt64s().allSatisfy { Swift.abs($0 - 10_000) < 500 })
    }

    @Test func permutationShuffleChoice() throws {
        let g = RandomGenerator(seed: 5)
        let p = try Tensor.permutation(1000, using: g)
        #expect(try p.sort().toInt64s() == Array(0..<1000))
        let x = try Tensor.arange(0, 20, dtype: .float32).reshape([10, 2])
        try x.shuffle(using: g)
        let rows = try x.get([.all, .int(0)]).toDoubles()
        #expect(rows.sorted() == stride(from: 0.0, to: 20, by: 2).map { $0 })
        #expect(try x.get([.all, .int(1)]).toDoubles() == rows.map { $0 + 1 }, "rows stay whole")
        let c = try Tensor.choice(10, size: [10], replace: false, using: g)
        #expect(Set(c.toInt64s()).count == 10)
        let w = try Tensor.choice(3, size: [3000], p: T([0.0, 0.25, 0.75], [3]), using: g)
        let counts = try w.unique().counts.toInt64s()
        #expect(try w.unique().values.toInt64s() == [1, 2])
        #expect(Swift.abs(Double(counts[1]) / 3000 - 0.75) < 0.03)
        let nr = try Tensor.choice(3, size: [2], replace: false, p: T([0.5, 0.0, 0.5], [3]), using: g)
        #expect(Set(nr.toInt64s()) == [0, 2])
    }
}
