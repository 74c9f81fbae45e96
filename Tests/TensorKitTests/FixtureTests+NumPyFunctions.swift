import Foundation
import Testing
@testable import TensorKit

/// The fixture ops of issue 10's missing NumPy functions (section 3); nil for an op not
/// handled here, which `runCase` then reports.
func numpyFunctionCase(_ op: String, _ args: [String: Any], _ inputs: [Tensor]) throws -> [Tensor]? {
    let axes = args["axes"] as? [Int], keep = args["keepdims"] as? Bool ?? false
    switch op {
    case "quantile":
        let q = try (args["q"] as? [Double]).map { try Tensor(shape: [$0.count], values: $0, dtype: .float64) }
            ?? Tensor(scalar: number(args["q"]!), dtype: .float64)
        return [try inputs[0].quantile(q, axes: axes, keepdims: keep)]
    case "median": return [try inputs[0].median(axes: axes, keepdims: keep)]
    case "ptp": return [try inputs[0].ptp(axes: axes, keepdims: keep)]
    case "std": return [try inputs[0].std(axes: axes, keepdims: keep, ddof: args["ddof"] as? Int ?? 0)]
    case "var": return [try inputs[0].variance(axes: axes, keepdims: keep, ddof: args["ddof"] as? Int ?? 0)]
    case "nansum": return [try inputs[0].nansum(axes: axes, keepdims: keep)]
    case "nanmean": return [try inputs[0].nanmean(axes: axes, keepdims: keep)]
    case "cumprod": return [try inputs[0].cumprod(axis: args["axis"] as? Int)]
    case "average": return [try inputs[0].average(weights: inputs[1], axis: args["axis"] as? Int)]
    case "diff": return [try inputs[0].diff(n: args["n"] as? Int ?? 1, axis: args["axis"] as? Int ?? -1)]
    case "vstack": return [try Tensor.vstack(inputs)]
    case "hstack": return [try Tensor.hstack(inputs)]
    case "column_stack": return [try Tensor.columnStack(inputs)]
    case "concatenate": return [try Tensor.concatenate(inputs, axis: args["axis"] as? Int)]
    case "diag": return [try Tensor.diag(inputs[0], k: args["k"] as? Int ?? 0)]
    case "triu": return [try inputs[0].triu(k: args["k"] as? Int ?? 0)]
    case "tril": return [try inputs[0].tril(k: args["k"] as? Int ?? 0)]
    case "trace":
        return [try inputs[0].trace(offset: args["offset"] as? Int ?? 0, axis1: args["axis1"] as? Int ?? 0, axis2: args["axis2"] as? Int ?? 1)]
    case "meshgrid": return try Tensor.meshgrid(inputs, cartesian: args["ij"] as? Bool != true)
    case "linspace_endpoint":
        let dtype = try (args["dtype"] as? String).map { try #require(DType(rawValue: $0)) } ?? .float32
        return [try Tensor.linspace(number(args["start"]!), number(args["stop"]!), count: args["count"] as! Int,
                                    endpoint: args["endpoint"] as? Bool ?? true, dtype: dtype)]
    default: return try indexingHelperCase(op, args, inputs)
    }
}

@Suite("NumPy fixtures: issue 10 functions")
struct NumPyFunctionFixtureTests {
    @Test("median, quantile, ptp, ddof, nansum, nanmean, average, cumprod, diff")
    func statistics() throws { for c in try loadFixture("statistics") { try runCase(c) } }

    @Test("vstack, hstack, column_stack, concatenate, diag, triu, tril, trace, eye, meshgrid, linspace")
    func construction() throws { for c in try loadFixture("construction") { try runCase(c) } }
}
