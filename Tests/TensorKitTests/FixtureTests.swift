import Foundation
import Testing
@testable import TensorKit

/// Runs one fixture case: computes TensorKit's answer and compares with NumPy's.
func runCase(_ c: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let name = c["name"] as? String ?? "?"
    let op = try #require(c["op"] as? String)
    let args = c["args"] as? [String: Any] ?? [:]
    var inputs = try (c["inputs"] as? [Any] ?? []).map(decodeTensor)
    // Optional views: index (basic components) and transpose inputs before the op.
    for (k, v) in (args["views"] as? [[String: Any]] ?? []).enumerated() {
        if let index = v["index"] { inputs[k] = try inputs[k].get(try decodeIndex(index, inputs)) }
        if v["T"] as? Bool == true { inputs[k] = inputs[k].T }
    }
    func compute() throws -> [Tensor] {
        switch op {
        case "binary":
            let bop = try #require(BinaryOp(rawValue: args["op"] as! String))
            return [try Tensor.binary(bop, inputs[0], inputs[1])]
        case "binary_scalar":
            let bop = try #require(BinaryOp(rawValue: args["op"] as! String))
            let s = number(args["scalar"]!)
            return [args["side"] as? String == "right" ? try Tensor.binary(bop, inputs[0], s) : try Tensor.binary(bop, s, inputs[0])]
        case "unary":
            let uop = try #require(UnaryOp(rawValue: args["op"] as! String))
            return [try inputs[0].unary(uop)]
        case "clip":
            return [try inputs[0].clip(min: (args["min"] as? NSNumber)?.doubleValue, max: (args["max"] as? NSNumber)?.doubleValue)]
        case "where":
            return [try Tensor.where(inputs[0], inputs[1], inputs[2])]
        case "cast":
            let dt = try #require(DType(rawValue: args["dtype"] as! String))
            return [try inputs[0].cast(to: dt)]
        case "reduce":
            let axes = args["axes"] as? [Int], keep = args["keepdims"] as? Bool ?? false
            switch args["op"] as? String {
            case "std": return [try inputs[0].std(axes: axes, keepdims: keep)]
            case "var": return [try inputs[0].variance(axes: axes, keepdims: keep)]
            case let r?:
                let rop = try #require(ReduceOp(rawValue: r))
                return [try inputs[0].reduce(rop, axes: axes, keepdims: keep)]
            case nil: return []
            }
        case "argmax": return [try inputs[0].argmax(axis: args["axis"] as? Int, keepdims: args["keepdims"] as? Bool ?? false)]
        case "argmin": return [try inputs[0].argmin(axis: args["axis"] as? Int, keepdims: args["keepdims"] as? Bool ?? false)]
        case "cumsum": return [try inputs[0].cumsum(axis: args["axis"] as? Int)]
        case "get":
            let index = try decodeIndex(args["index"], inputs)
            return [try inputs[0].get(index)]
        case "set":
            let x = try inputs[0].copy()
            let index = try decodeIndex(args["index"], inputs)
            try x.set(index, to: inputs[1])
            return [x]
        case "matmul":
            let a = args["ta"] as? Bool == true ? inputs[0].T : inputs[0]
            let b = args["tb"] as? Bool == true ? inputs[1].T : inputs[1]
            return [try Tensor.matmul(a, b)]
        case "matmul_slices":
            let x = inputs[0]
            let a = try x.get([.slice(start: 1, stop: 4, step: nil), .slice(start: nil, stop: nil, step: 2)])
            let b = try x.get([.slice(start: 2, stop: 6, step: nil), .slice(start: 1, stop: 7, step: 2)])
            return [try Tensor.matmul(a, b)]
        case "outer": return [try Tensor.outer(inputs[0], inputs[1])]
        case "norm": return [try inputs[0].norm(axes: args["axes"] as? [Int])]
        case "reshape": return [try inputs[0].reshape(args["shape"] as! [Int])]
        case "reshape_t": return [try inputs[0].T.reshape(args["shape"] as! [Int])]
        case "transpose": return [try inputs[0].transpose(args["perm"] as? [Int])]
        case "squeeze": return [try inputs[0].squeeze(args["axes"] as? [Int])]
        case "expand_dims": return [try inputs[0].expandDims(args["axis"] as! Int)]
        case "concat": return [try Tensor.concat(inputs, axis: args["axis"] as! Int)]
        case "stack": return [try Tensor.stack(inputs, axis: args["axis"] as! Int)]
        case "repeat": return [try inputs[0].repeated(args["n"] as! Int, axis: args["axis"] as? Int)]
        case "tile": return [try inputs[0].tiled(args["reps"] as! [Int])]
        case "split":
            if let s = args["sections"] as? Int { return try inputs[0].split(sections: s, axis: args["axis"] as! Int) }
            return try inputs[0].split(indices: args["indices"] as! [Int], axis: args["axis"] as! Int)
        case "sort": return [try inputs[0].sort(axis: args["axis"] as? Int)]
        case "argsort": return [try inputs[0].argsort(axis: args["axis"] as? Int)]
        case "unique":
            let u = try inputs[0].unique()
            return [u.values, u.counts]
        case "one_hot": return [try Tensor.oneHot(inputs[0], args["k"] as! Int)]
        case "arange":
            return [try Tensor.arange(number(args["start"]!), number(args["stop"]!), step: number(args["step"]!))]
        case "linspace":
            return [try Tensor.linspace(number(args["start"]!), number(args["stop"]!), count: args["count"] as! Int)]
        case "eye": return [try Tensor.eye(args["n"] as! Int, args["m"] as? Int, k: args["k"] as? Int ?? 0)]
        default:
            if let result = try numpyFunctionCase(op, args, inputs) { return result }
            Issue.record("unknown fixture op \(op)", sourceLocation: sourceLocation)
            return []
        }
    }
    if let kind = c["error"] as? String {
        expectErrorKind(kind, name, sourceLocation: sourceLocation) { _ = try compute() }
        return
    }
    let expected: [Tensor]
    if let list = c["expected_list"] as? [Any] { expected = try list.map(decodeTensor) } else { expected = [try decodeTensor(c["expected"])] }
    let actual: [Tensor]
    do { actual = try compute() } catch {
        Issue.record("\(name): threw \(error)", sourceLocation: sourceLocation)
        return
    }
    #expect(actual.count == expected.count, "\(name): result count", sourceLocation: sourceLocation)
    for (a, e) in zip(actual, expected) { assertClose(a, e, name, sourceLocation: sourceLocation) }
}

func decodeIndex(_ any: Any?, _ inputs: [Tensor]) throws -> [IndexComponent] {
    let comps = try #require(any as? [Any])
    return try comps.map { c -> IndexComponent in
        if let s = c as? String {
            switch s {
            case "all": return .all
            case "newaxis": return .newAxis
            default: return .ellipsis
            }
        }
        let d = try #require(c as? [String: Any])
        if let i = d["int"] as? Int { return .int(i) }
        if let k = d["tensor"] as? Int { return .tensor(inputs[k]) }
        let s = try #require(d["slice"] as? [Any])
        return .slice(start: s[0] as? Int, stop: s[1] as? Int, step: s[2] as? Int)
    }
}

@Suite("NumPy fixtures")
struct FixtureTests {
    @Test("binary ops: broadcasting, promotion, weak scalars, IEEE", arguments: ["binary"])
    func binary(_ file: String) throws { for c in try loadFixture(file) { try runCase(c) } }

    @Test("unary ops, clip, where, cast")
    func unary() throws { for c in try loadFixture("unary") { try runCase(c) } }

    @Test("reductions over every axis combination, keepdims, empty tensors")
    func reductions() throws { for c in try loadFixture("reductions") { try runCase(c) } }

    @Test("indexing and assignment")
    func indexing() throws { for c in try loadFixture("indexing") { try runCase(c) } }

    @Test("matmul with transposed views, vectors, batches")
    func matmul() throws { for c in try loadFixture("matmul") { try runCase(c) } }

    @Test("ops on transposed, reversed and strided views")
    func views() throws { for c in try loadFixture("views") { try runCase(c) } }

    @Test("shape ops, sorting, creation")
    func shape() throws { for c in try loadFixture("shape") { try runCase(c) } }
}
