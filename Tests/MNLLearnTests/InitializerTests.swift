import Foundation
import Testing
import TensorKit
@testable import MNLLearn

/// Initialisers draw from the documented distributions (bounds, spread) with PyTorch's fans.
@Suite struct InitializerTests {
    func stats(_ t: Tensor) throws -> (min: Double, max: Double, std: Double) {
        let v = try t.cast(to: .float64).toDoubles()
        let mean = v.reduce(0, +) / Double(v.count)
        let variance = v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count)
        return (v.min() ?? 0, v.max() ?? 0, variance.squareRoot())
    }

    @Test func fansFollowPyTorch() {
        #expect(Initializer.fans([100, 784]) == (784, 100))
        #expect(Initializer.fans([16, 3, 5, 5]) == (75, 400))
        #expect(Initializer.fans([7]) == (7, 7))
        #expect(Initializer.gain("relu") == 2.0.squareRoot() && Initializer.gain("tanh") == 5.0 / 3 && Initializer.gain("nope") == nil)
    }

    @Test func glorotAndHeHaveTheirSpread() throws {
        let g = RandomGenerator(seed: 3)
        let shape = [256, 512]
        let xu = try stats(Initializer.xavierUniform(gain: 1).tensor(shape, using: g))
        let bound = (6.0 / 768).squareRoot()
        #expect(xu.min >= -bound && xu.max <= bound && abs(xu.std - bound / 3.0.squareRoot()) < 0.01 * bound)
        let xn = try stats(Initializer.xavierNormal(gain: 1).tensor(shape, using: g))
        #expect(abs(xn.std - (2.0 / 768).squareRoot()) < 0.01 * (2.0 / 768).squareRoot())
        let ku = try stats(Initializer.kaimingUniform(gain: 2.0.squareRoot(), fanOut: false).tensor(shape, using: g))
        let kbound = (6.0 / 512).squareRoot()
        #expect(ku.min >= -kbound && ku.max <= kbound && ku.max > 0.99 * kbound)
        let kn = try stats(Initializer.kaimingNormal(gain: 2.0.squareRoot(), fanOut: true).tensor(shape, dtype: .float64, using: g))
        #expect(abs(kn.std - (2.0 / 256).squareRoot()) < 0.01 * (2.0 / 256).squareRoot())
    }

    @Test func theSameSeedGivesTheSameWeights() throws {
        let a = try Initializer.normal(std: 0.01).tensor([3, 4], using: RandomGenerator(seed: 9))
        let b = try Initializer.normal(std: 0.01).tensor([3, 4], using: RandomGenerator(seed: 9))
        #expect(try a.toDoubles() == b.toDoubles())
        #expect(try Initializer.zeros.tensor([2, 2], using: RandomGenerator(seed: 1)).toDoubles() == [0, 0, 0, 0])
        #expect(try Initializer.ones.tensor([2], dtype: .float64, using: RandomGenerator(seed: 1)).toDoubles() == [1, 1])
    }
}
