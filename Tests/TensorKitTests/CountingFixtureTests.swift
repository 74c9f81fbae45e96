import Foundation
import Testing
@testable import TensorKit

/// Counting and binning against NumPy (Fixtures/counting.json, written by
/// scripts/make-counting-fixtures.py): bincount, histogram, searchsorted, digitize, unique,
/// cov and corrcoef, on contiguous inputs, transposed and reversed views, and their errors.
@Suite("NumPy counting fixtures")
struct CountingFixtureTests {
    @Test("bincount, histogram, searchsorted, digitize, unique, cov, corrcoef and their errors")
    func counting() throws { for c in try loadFixture("counting") { try Self.run(c) } }

    static func run(_ c: [String: Any]) throws {
        var f = try FixtureCase(c)
        switch f.args["view"] as? String {
        case "transpose": f.inputs[0] = f.inputs[0].T
        case "reverse": f.inputs[0] = try f.inputs[0].get([.slice(start: nil, stop: nil, step: -1)])
        default: break
        }
        guard let pairs = try f.results({ try compute(f.op, $0, f.args) }) else { return }
        for (a, e) in pairs {
            assertClose(a, e, f.name, rtol: e.dtype == .float64 ? 1e-10 : nil, atol: e.dtype == .float64 ? 1e-12 : nil)
        }
    }

    static func compute(_ op: String, _ x: [Tensor], _ args: [String: Any]) throws -> [Tensor] {
        let second = x.count > 1 ? x[1] : nil
        switch op {
        case "bincount": return [try x[0].bincount(weights: second, minlength: args["minlength"] as? Int ?? 0)]
        case "histogram":
            let bins: HistogramBins
            if args["edges"] as? Bool == true {
                bins = .edges(x[1])
            } else {
                let range = (args["range"] as? [Double]).map { ($0[0], $0[1]) }
                bins = .count(args["bins"] as? Int ?? 10, range: range)
            }
            let weights = args["weights"] as? Bool == true ? second : nil
            let r = try x[0].histogram(bins: bins, weights: weights, density: args["density"] as? Bool ?? false)
            return [r.hist, r.edges]
        case "searchsorted": return [try x[0].searchsorted(x[1], right: args["side"] as? String == "right")]
        case "digitize": return [try x[0].digitize(x[1], right: args["right"] as? Bool ?? false)]
        case "unique":
            let r = try x[0].unique(axis: args["axis"] as? Int)
            return [r.values, r.index, r.inverse, r.counts]
        case "cov":
            return [try Tensor.cov(x[0], second, rowvar: args["rowvar"] as? Bool ?? true, bias: args["bias"] as? Bool ?? false,
                                   ddof: args["ddof"] as? Int)]
        case "corrcoef": return [try Tensor.corrcoef(x[0], second, rowvar: args["rowvar"] as? Bool ?? true)]
        default: throw TensorError.invalidArgument(op: op, message: "unknown fixture op")
        }
    }
}
