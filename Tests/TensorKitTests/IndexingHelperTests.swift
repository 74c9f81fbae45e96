import Foundation
import Testing
@testable import TensorKit

/// The fixture ops of issue 10's indexing helpers (scripts/make-indexing-fixtures.py); nil
/// for an op not handled here.
func indexingHelperCase(_ op: String, _ args: [String: Any], _ inputs: [Tensor]) throws -> [Tensor]? {
    let axes = args["axes"] as? [Int]
    switch op {
    case "flip": return [try inputs[0].flip(axes: axes)]
    case "roll": return [try inputs[0].roll(args["shift"] as! [Int], axes: axes)]
    case "moveaxis": return [try inputs[0].moveAxes(args["source"] as! [Int], to: args["destination"] as! [Int])]
    case "swapaxes": return [try inputs[0].swapAxes(args["a"] as! Int, args["b"] as! Int)]
    case "broadcast_to": return [try inputs[0].broadcast(to: args["shape"] as! [Int], op: "broadcast_to")]
    case "ravel": return [try inputs[0].ravel()]
    case "pad":
        let widths = try Tensor.padWidths(args["widths"] as! [[Int]], ndim: inputs[0].ndim)
        let mode = try #require(PadMode(rawValue: args["mode"] as! String))
        return [try inputs[0].pad(widths, mode: mode, value: number(args["value"]!))]
    case "take": return [try inputs[0].take(inputs[1], axis: args["axis"] as? Int)]
    case "take_along_axis": return [try inputs[0].takeAlong(inputs[1], axis: args["axis"] as! Int)]
    case "put_along_axis":
        let x = try inputs[0].copy()
        try x.putAlong(inputs[1], inputs[2], axis: args["axis"] as! Int)
        return [x]
    case "nonzero": return try inputs[0].nonzero()
    case "argwhere": return [try inputs[0].argwhere()]
    case "partition_kth", "argpartition_kth":
        // The elements at the kth positions: all that NumPy's contract fixes.
        let kth = args["kth"] as! [Int], axis = args["axis"] as? Int
        let x = axis == nil ? try inputs[0].ravel() : inputs[0]
        let ax = axis ?? -1
        let arranged = op == "partition_kth"
            ? try x.partition(kth, axis: ax)
            : try x.takeAlong(try x.argpartition(kth, axis: ax), axis: ax)
        return [try arranged.take(try Tensor(shape: [kth.count], elements: kth.map(Int64.init)), axis: ax)]
    default: return nil
    }
}

@Suite("Indexing helpers (issue 10, section 3.6)")
struct IndexingHelperTests {
    @Test("NumPy fixtures: flip, roll, pad, moveaxis, take, *_along_axis, nonzero, argwhere, partition")
    func fixtures() throws { for c in try loadFixture("indexing_helpers") { try runCase(c) } }

    /// The partition property on random lines: for every kth, nothing before it is larger and
    /// nothing after it is smaller, and the kth element is the one a full sort puts there.
    @Test("partition and argpartition satisfy the partition property", arguments: [[0], [3], [7], [2, 5], [-1]])
    func partitionProperty(kth: [Int]) throws {
        let x = try Tensor(shape: [5, 8], values: (0..<40).map { Double(($0 * 37) % 23) - 11 }, dtype: .float64)
        let part = try x.partition(kth, axis: 1).toArray(Double.self)
        let picked = try x.takeAlong(try x.argpartition(kth, axis: 1), axis: 1).toArray(Double.self)
        let sorted = try x.sort(axis: 1).toArray(Double.self)
        for rows in [part, picked] {
            for r in 0..<5 {
                let line = Array(rows[(r * 8)..<(r * 8 + 8)])
                #expect(line.sorted() == Array(sorted[(r * 8)..<(r * 8 + 8)]), "a permutation of the row")
                for k in kth.map({ $0 < 0 ? $0 + 8 : $0 }) {
                    #expect(line[k] == sorted[r * 8 + k])
                    #expect(line[..<k].allSatisfy { $0 <= line[k] } && line[(k + 1)...].allSatisfy { $0 >= line[k] })
                }
            }
        }
    }

    @Test("flip is a negative-stride view and broadcast_to a zero-stride one")
    func views() throws {
        let x = try Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6])
        let f = try x.flip(axes: [1])
        #expect(f.strides == [3, -1])
        try f.set([.int(0), .int(0)], to: 30)
        #expect(try x.get([.int(0), .int(2)]).item() == 30)
        let b = try Tensor(shape: [3], values: [1, 2, 3]).broadcast(to: [4, 3], op: "broadcast_to")
        #expect(b.strides == [0, 1])
        expectErrorKind("invalidArgument", "write into broadcast_to") { try b.set([.int(0)], to: 1) }
    }

    @Test("huge pad widths are refused by the memory budget, not a trap")
    func hugePad() throws {
        let x = try Tensor(shape: [2], values: [1, 2])
        for mode in PadMode.allCases {
            expectErrorKind("outOfMemory", "pad \(mode)") {
                _ = try x.pad(try Tensor.padWidths([[1 << 52]], ndim: 1), mode: mode)
            }
        }
        expectErrorKind("outOfMemory", "pad empty other axis") {
            _ = try Tensor(zeros: [0, 2]).pad(try Tensor.padWidths([[0], [1 << 52]], ndim: 2), mode: .edge)
        }
    }
}
