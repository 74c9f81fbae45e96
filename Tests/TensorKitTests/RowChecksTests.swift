import Testing
@testable import TensorKit

/// `allFinite` and `rowSquaredNorms`, the input passes the classic models make before
/// predicting, at every float dtype and on views.
@Suite struct RowChecksTests {
    @Test(arguments: [DType.float32, .float64, .float16])
    func allFiniteFindsANaNOrInfinityAnywhere(dtype: DType) throws {
        // 10000 elements: several of the scan's blocks, so a bad value late in the data counts.
        let clean = try GemmTests.matrix(100, 100, dtype, salt: 3)
        #expect(try clean.allFinite())
        for (position, bad) in [(0, Double.nan), (5000, .infinity), (9999, -.infinity)] {
            var values = try clean.toDoubles()
            values[position] = bad
            let t = try Tensor(shape: [100, 100], values: values, dtype: dtype)
            #expect(try !t.allFinite(), "\(bad) at \(position)")
        }
    }

    @Test func allFiniteOnViewsAndIntegers() throws {
        var values = try GemmTests.matrix(50, 40, .float64, salt: 4).toDoubles()
        values[3 * 40 + 39] = .nan  // in the last column, outside the view below
        let t = try Tensor(shape: [50, 40], values: values, dtype: .float64)
        #expect(try !t.allFinite())
        #expect(try t.get([.slice(start: nil, stop: nil, step: nil), .slice(start: 0, stop: 39, step: nil)]).allFinite())
        #expect(try Tensor(shape: [3], values: [1, 2, 3], dtype: .int64).allFinite())
    }

    @Test(arguments: [DType.float32, .float64, .int64])
    func rowSquaredNormsMatchASumInDouble(dtype: DType) throws {
        // 5001 rows: split over the cores. Integers are widened first.
        let t = dtype == .int64
            ? try Tensor(shape: [5001, 37], values: (0..<5001 * 37).map { Double(($0 * 31) % 17 - 8) }, dtype: .int64)
            : try GemmTests.matrix(5001, 37, dtype, salt: 5)
        let values = try t.toDoubles()
        let expected = (0..<5001).map { i in (0..<37).reduce(0.0) { $0 + values[i * 37 + $1] * values[i * 37 + $1] } }
        let got = try t.rowSquaredNorms()
        #expect(got.count == 5001)
        for i in 0..<5001 { #expect(abs(got[i] - expected[i]) <= 1e-12 * max(1, expected[i]), "row \(i)") }
        // Columns of a transposed view: copied to rows first.
        let tt = try t.transpose()
        let columnNorms = try tt.rowSquaredNorms()
        let column0 = (0..<5001).reduce(0.0) { $0 + values[$1 * 37] * values[$1 * 37] }
        #expect(abs(columnNorms[0] - column0) <= 1e-12 * column0)
        #expect(throws: TensorError.self) { try Tensor(shape: [3], values: [1, 2, 3], dtype: .float64).rowSquaredNorms() }
    }
}
