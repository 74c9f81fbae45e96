import Foundation
import Testing
@testable import TensorKit

/// The full-width kernels (issue 7; the further elementary functions, issue 10), at every vector level this CPU can run, against libm in
/// double precision: within 2 ulp for the transcendentals, exact for the arithmetic. Lengths
/// around the vector widths check the tails.
@Suite struct VectorMathTests {
    static var levels: [Int32] { [2, 3].filter { Int($0) <= CPUFeatureSet.current.vectorLevel } }
    static let lengths = [0, 1, 3, 7, 8, 9, 15, 16, 17, 33, 100]
    static let specials: [Double] = [0, -0.0, 1, -1, 0.5, 20, -20, 88.7, 89, -87, -103, -104, -110, 710, -745,
                                     1e-40, Double.leastNormalMagnitude / 8, 3, 1e30, -1e30, .nan, .infinity, -.infinity]

    static func inputs(_ n: Int) -> [Double] {
        (0..<n).map { i in i < specials.count ? specials[(i * 7) % specials.count] : sin(Double(i)) * 30 }
    }

    static func reference(_ f: VectorMath.Unary, _ x: Double) -> Double {
        switch f {
        case .exp: Foundation.exp(x)
        case .log: Foundation.log(x)
        case .tanh: Foundation.tanh(x)
        case .sigmoid: 1 / (1 + Foundation.exp(-x))
        case .sin: Foundation.sin(x)
        case .cos: Foundation.cos(x)
        case .tan: Foundation.tan(x)
        case .asin: Foundation.asin(x)
        case .acos: Foundation.acos(x)
        case .atan: Foundation.atan(x)
        case .log1p: Foundation.log1p(x)
        case .expm1: Foundation.expm1(x)
        case .log2: Foundation.log2(x)
        case .log10: Foundation.log10(x)
        }
    }

    /// True when `got` is within `ulps` units in the last place of `want` (NaN matches NaN).
    static func close<T: BinaryFloatingPoint>(_ got: T, _ want: T, ulps: T) -> Bool {
        if got.isNaN || want.isNaN { return got.isNaN && want.isNaN }
        if got.isInfinite || want.isInfinite { return got == want }
        return Swift.abs(got - want) <= ulps * want.ulp + T.leastNonzeroMagnitude
    }

    func check<T: BinaryFloatingPoint>(_: T.Type, _ f: VectorMath.Unary, level: Int32, n: Int) {
        let x = Self.inputs(n).map { T($0) }
        var y = [T](repeating: 0, count: n)
        let ran = x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                guard let xb = xp.baseAddress, let yb = yp.baseAddress else { return true }  // n == 0
                return VectorMath.unary(f, xb, yb, n, level: level)
            }
        }
        #expect(ran, "\(T.self) \(f) level \(level) n \(n) did not run")
        for i in 0..<n {
            let want = T(Self.reference(f, Double(x[i])))
            #expect(Self.close(y[i], want, ulps: 2), "\(T.self) \(f)(\(x[i])) = \(y[i]), want \(want) (level \(level))")
        }
    }

    @Test(arguments: [VectorMath.Unary.exp, .log, .tanh, .sigmoid, .sin, .cos, .tan, .asin, .acos, .atan,
                      .log1p, .expm1, .log2, .log10])
    func transcendentalsAgreeWithLibm(function: VectorMath.Unary) {
        for level in Self.levels {
            for n in Self.lengths {
                check(Float.self, function, level: level, n: n)
                check(Double.self, function, level: level, n: n)
            }
        }
    }

    @Test func inPlaceTranscendentalsWork() {
        for level in Self.levels {
            var x: [Float] = Self.inputs(37).map { Float($0) }
            let want = x.map { Float(Foundation.exp(Double($0))) }
            x.withUnsafeMutableBufferPointer { p in
                _ = VectorMath.unary(.exp, UnsafePointer(p.baseAddress!), p.baseAddress!, p.count, level: level)
            }
            for i in 0..<37 { #expect(Self.close(x[i], want[i], ulps: 2), "exp in place [\(i)] level \(level)") }
        }
    }

    func arithmetic<T: BinaryFloatingPoint>(_: T.Type, _ op: VectorMath.Arithmetic, _ a: T, _ b: T) -> T {
        switch op {
        case .add: a + b
        case .sub: a - b
        case .mul: a * b
        case .div: a / b
        }
    }

    func checkArithmetic<T: BinaryFloatingPoint>(_: T.Type, _ op: VectorMath.Arithmetic, level: Int32, n: Int) {
        let a = Self.inputs(n).map { T($0) }, b = Self.inputs(n).reversed().map { T($0) + 1 }
        for (sa, sb) in [(1, 1), (1, 0), (0, 1)] where n > 0 {
            var y = [T](repeating: 0, count: n)
            let ran = y.withUnsafeMutableBufferPointer { yp in
                VectorMath.arithmetic(op, a.withUnsafeBufferPointer { $0.baseAddress! }, sa,
                                      b.withUnsafeBufferPointer { $0.baseAddress! }, sb, yp.baseAddress!, n, level: level)
            }
            #expect(ran)
            for i in 0..<n {
                let want = arithmetic(T.self, op, a[i * sa], b[i * sb])
                #expect(y[i] == want || (y[i].isNaN && want.isNaN), "\(T.self) \(op) [\(i)] strides \(sa),\(sb) level \(level)")
            }
        }
    }

    @Test(arguments: [VectorMath.Arithmetic.add, .sub, .mul, .div])
    func arithmeticIsExact(op: VectorMath.Arithmetic) {
        for level in Self.levels {
            for n in Self.lengths {
                checkArithmetic(Float.self, op, level: level, n: n)
                checkArithmetic(Double.self, op, level: level, n: n)
            }
        }
    }

    /// x += y writes over an input: allowed. An output that overlaps an input at another
    /// offset is refused, and the caller's ordinary loop runs instead.
    @Test func anOutputThatIsAnInputWorksAndAPartialOverlapIsRefused() {
        for level in Self.levels {
            var x: [Double] = (0..<40).map(Double.init)
            let ones = [Double](repeating: 1, count: 40)
            x.withUnsafeMutableBufferPointer { p in
                let base = p.baseAddress!
                #expect(ones.withUnsafeBufferPointer { VectorMath.arithmetic(.add, UnsafePointer(base), 1, $0.baseAddress!, 1, base, 40, level: level) })
                #expect(!VectorMath.arithmetic(.add, UnsafePointer(base), 1, UnsafePointer(base), 1, base + 1, 39, level: level))
            }
            #expect(x == (0..<40).map { Double($0) + 1 })
        }
    }

    @Test func lowLevelsAndOtherTypesFallBackToTheSwiftLoops() {
        var y = [Float](repeating: 0, count: 4), x: [Float] = [1, 2, 3, 4]
        #expect(!VectorMath.unary(.exp, &x, &y, 4, level: 0))
        var yi = [Int64](repeating: 0, count: 4), xi: [Int64] = [1, 2, 3, 4]
        #expect(!VectorMath.arithmetic(.add, &xi, 1, &xi, 1, &yi, 4, level: 3))
    }

    /// NumPy's argmax/argmin, element by element: the first extreme, or the first NaN.
    static func referenceArgExtreme<T: BinaryFloatingPoint>(_ x: [T], max: Bool) -> Int {
        var best = 0
        for i in x.indices.dropFirst() {
            if x[best].isNaN { break }
            if x[i].isNaN || (max ? x[i] > x[best] : x[i] < x[best]) { best = i }
        }
        return best
    }

    func checkArgExtreme<T: BinaryFloatingPoint>(_ x: [T], level: Int32, _ what: String) {
        for max in [true, false] {
            let got = x.withUnsafeBufferPointer { VectorMath.argExtreme($0.baseAddress!, x.count, max: max, level: level) }
            #expect(got == Self.referenceArgExtreme(x, max: max), "\(T.self) \(what) max=\(max) level \(level)")
        }
    }

    @Test func argExtremeFindsTheFirstExtremeOrTheFirstNaN() {
        for level in Self.levels {
            for n in Self.lengths where n > 0 {
                let base = (0..<n).map { Double(($0 * 37) % 11) - 5 }  // repeated values: first occurrence counts
                for dtype in ["f32", "f64"] {
                    var cases: [([Double], String)] = [(base, "pattern n=\(n)")]
                    cases.append((base.map { _ in -Double.infinity }, "all -inf n=\(n)"))
                    cases.append(([Double](repeating: 0, count: n).enumerated().map { $0.offset % 2 == 0 ? -0.0 : 0.0 }, "±0 n=\(n)"))
                    for spot in Set([0, n / 2, n - 1]) {
                        var withMax = base; withMax[spot] = 99; cases.append((withMax, "max at \(spot) n=\(n)"))
                        var withNaN = base; withNaN[spot] = .nan; cases.append((withNaN, "NaN at \(spot) n=\(n)"))
                    }
                    for (values, what) in cases {
                        if dtype == "f32" { checkArgExtreme(values.map { Float($0) }, level: level, what) }
                        else { checkArgExtreme(values, level: level, what) }
                    }
                }
            }
        }
    }

    /// float → int64 at AVX-512 width gives exactly the element-by-element rule: truncation, and
    /// the minimum int64 for NaN, infinities and values out of range.
    @Test func truncationToInt64MatchesTheScalarRule() {
        let edge: [Double] = [0, -0.0, 0.5, -0.5, 1.9999, -1.9999, 1e18, -1e18, 9.2233720368547758e18, -9.2233720368547758e18,
                              9.2233720368547748e18, 1e300, -1e300, .nan, .infinity, -.infinity, Double.leastNormalMagnitude / 16]
        for n in Self.lengths {
            let values = (0..<n).map { edge[$0 % edge.count] * ($0 >= edge.count ? 1.5 : 1) }
            for level in Self.levels where level >= 3 {
                var y = [Int64](repeating: 7, count: n)
                let doubles = values
                #expect(n == 0 || doubles.withUnsafeBufferPointer { VectorMath.truncateToInt64($0.baseAddress!, &y, n, level: level) })
                #expect(y == doubles.map(saturatingInt64), "f64 n=\(n)")
                let floats = values.map { Float($0) }
                var z = [Int64](repeating: 7, count: n)
                #expect(n == 0 || floats.withUnsafeBufferPointer { VectorMath.truncateToInt64($0.baseAddress!, &z, n, level: level) })
                #expect(z == floats.map { saturatingInt64(Double($0)) }, "f32 n=\(n)")
            }
        }
        var y: [Int64] = [0]
        #expect(!VectorMath.truncateToInt64([1.5], &y, 1, level: 2))  // no AVX2 instruction: the Swift loop runs
    }
}
