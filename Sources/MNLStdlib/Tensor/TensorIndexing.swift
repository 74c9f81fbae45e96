import MNLRuntime
import MNLSyntax
import TensorKit

/// NumPy's indexing helpers (issue 10, section 3.6): where the elements are (nonzero,
/// argwhere), picking and placing along an axis (take, take_along_axis, put_along_axis),
/// partial sorts (partition, argpartition) and layout (flip, roll, pad, moveaxis,
/// swapaxes, broadcast_to, ravel). The methods are the ones NumPy's ndarray has.
enum TensorIndexing {
    static var builtins: [any TensorLibraryEntry] {
        [nonzero, argwhere, take, takeAlongAxis, putAlongAxis, partition, argpartition,
         flip, roll, pad, moveaxis, swapaxes, broadcastTo, ravel]
    }

    typealias D = TensorDeclarations

    /// A function only (NumPy has no method of that name) over a tensor `x` first.
    private static func function(_ name: String, _ rest: [BuiltinParameter], doc: String, example: String,
                                 _ body: @escaping (Tensor, Arguments) throws -> Value) -> Builtin {
        Builtin(name, [.required("x")] + rest, topic: "tensor", doc: doc, example: example) { a, _ in
            let x = try a.tensor(0)
            return try bridging { try body(x, a) }
        }
    }

    static let nonzero = D.op("nonzero", doc: "A tuple with one int64 tensor per axis holding the coordinates of the non-zero (true) elements, in row-major order: x[nonzero(x)] are those elements. A 0-d tensor is refused, as NumPy 2 does.",
                              example: "(rows, cols) = nonzero(tensor([[0, 3], [4, 0]]))\nprint(rows, cols)") { x, _, _ in
        .tuple(try coordinates(x).map(Value.tensor))
    }

    /// `nonzero(x)` and the one-argument `where(x)`.
    static func coordinates(_ x: Tensor) throws -> [Tensor] {
        guard x.ndim > 0 else {
            throw TensorError.invalidArgument(op: "nonzero", message: "a 0-d tensor has no coordinates; use x.reshape(1) first")
        }
        return try x.nonzero()
    }

    static let argwhere = function("argwhere", [], doc: "The coordinates of the non-zero (true) elements as the rows of an int64 tensor of shape (count, ndim), in row-major order.",
                                   example: "argwhere(tensor([[0, 3], [4, 0]]))") { x, _ in .tensor(try x.argwhere()) }

    static let take = D.op("take", [.required("indices"), .optional("axis", defaultText: "nil")],
                           doc: "The elements at integer indices along axis=, or of the flattened tensor when axis is nil (the default); the result has the indices' shape in place of that axis. Negative indices count from the end.",
                           example: "take(tensor([[1, 2, 3], [4, 5, 6]]), [2, 0], axis=1)") { x, a, _ in
        let indices = try positions(try a.value(1))
        return .tensor(try x.take(indices, axis: try a[2].map { try TensorConversion.axis($0, function: "take") }))
    }

    /// Integer indices: a plain number is one position (a 0-d int64 tensor); lists and
    /// tensors follow the rules of `x[...]` (whole-number lists, integer tensors).
    private static func positions(_ v: Value) throws -> Tensor {
        if case .number(let n) = v { return Tensor(scalar: Int64(try IntegerConversion.int(n, what: "index"))) }
        return try TensorConversion.indexTensor(v)
    }

    static let takeAlongAxis = function("take_along_axis", [.required("indices"), .optional("axis", defaultText: "-1")],
        doc: "The elements picked along axis by integer indices with as many dimensions as x (their other axes broadcast): take_along_axis(x, argsort(x, axis=1), axis=1) sorts each row.",
        example: "x = tensor([[3, 1, 2], [9, 7, 8]])\ntake_along_axis(x, argsort(x, axis=1), axis=1)") { x, a in
        let indices = try positions(try a.value(1))
        return .tensor(try x.takeAlong(indices, axis: try a.int(2, default: -1)))
    }

    static let putAlongAxis = function("put_along_axis", [.required("indices"), .required("values"), .required("axis")],
        doc: "Writes values (broadcast) into x in place, at the positions take_along_axis(x, indices, axis) would read; returns nil, as NumPy.",
        example: "x = zeros(2, 3)\nput_along_axis(x, [[2], [0]], 1, axis=1)\nx") { x, a in
        let indices = try positions(try a.value(1))
        let values = try a.tensor(2)
        try x.putAlong(indices, values, axis: try a.int(3))
        return .null
    }

    static let partition = function("partition", [.required("kth"), .optional("axis", defaultText: "-1")],
        doc: "A copy with the element at position kth (or each of a list of kth) in its sorted place, the smaller ones before it and the larger ones after, along axis (the flattened tensor when axis=nil). Here the sides come out sorted too (a full sort, which meets NumPy's contract).",
        example: "partition(tensor([7, 1, 5, 3, 9]), 2)") { x, a in
        .tensor(try x.partition(try kth(a), axis: try TensorMisc.axisOrDefault(a, 2, -1)))
    }

    static let argpartition = D.op("argpartition", [.required("kth"), .optional("axis", defaultText: "-1")],
        doc: "The int64 indices that would partition x (see partition): take_along_axis(x, argpartition(x, k), -1)[..., k] is the k-th smallest of each line. argpartition(x, k)[:k] are the positions of the k smallest.",
        example: "x = tensor([7, 1, 5, 3, 9])\nx[argpartition(x, 2)[:2]]") { x, a, _ in
        .tensor(try x.argpartition(try kth(a), axis: try TensorMisc.axisOrDefault(a, 2, -1)))
    }

    /// `kth`: one position or a list of them.
    private static func kth(_ a: Arguments) throws -> [Int] {
        try TensorConversion.axes(try a.value(1), function: a.function) ?? []
    }

    static let flip = function("flip", [.optional("axis", defaultText: "nil")],
        doc: "The elements in reverse order along axis (an int or a list; every axis when nil). A view with negative strides, no copy: writing into it writes into x.",
        example: "flip(tensor([[1, 2], [3, 4]]), axis=1)") { x, a in
        .tensor(try x.flip(axes: try TensorConversion.axes(a[1], function: "flip")))
    }

    static let roll = function("roll", [.required("shift"), .optional("axis", defaultText: "nil")],
        doc: "The elements shifted by shift positions along axis, those pushed off one end coming back at the other; with axis=nil the flattened tensor is rolled and the shape kept. shift and axis may be lists of the same length.",
        example: "roll(arange(5), 2)\nroll(tensor([[1, 2, 3], [4, 5, 6]]), -1, axis=1)") { x, a in
        let shifts = try TensorConversion.axes(try a.value(1), function: "roll") ?? []
        return .tensor(try x.roll(shifts, axes: try TensorConversion.axes(a[2], function: "roll")))
    }

    static let pad = function("pad", [.required("pad_width"), .optional("mode", defaultText: "\"constant\""),
                                      .optional("constant_values", defaultText: "0")],
        doc: "A copy with pad_width new elements before and after each axis: one number for every side, a (before, after) pair for every axis, or one pair per axis. mode=\"constant\" fills with constant_values (one number), \"edge\" repeats the end elements, \"reflect\" mirrors about them.",
        example: "pad(tensor([1, 2, 3]), (2, 1))\npad(tensor([1, 2, 3]), 2, mode=\"reflect\")\npad(ones(1, 2), [[1, 0], [0, 1]]).shape") { x, a in
        let modeName = try a.string(2, default: "constant")
        guard let mode = PadMode(rawValue: modeName) else {
            throw a.invalid("mode must be \"constant\", \"edge\" or \"reflect\", got \"\(modeName)\"")
        }
        let widths = try Tensor.padWidths(try padRows(try a.value(1), a), ndim: x.ndim)
        return .tensor(try x.pad(widths, mode: mode, value: try a.number(3, default: 0)))
    }

    /// `pad_width` as rows of integers: `n` is one row of one, `(b, a)` one row of two,
    /// `[[b0, a0], [b1, a1]]` one row per axis.
    private static func padRows(_ v: Value, _ a: Arguments) throws -> [[Int]] {
        func integers(_ v: Value) throws -> [Int] {
            if v.numberValue != nil { return [try IntegerConversion.int(v.numberValue ?? 0, what: "pad width")] }
            return try listValues(v, a, 1).map { item in
                guard let n = item.numberValue else { throw a.bad(1, expected: "integer pad widths", got: item) }
                return try IntegerConversion.int(n, what: "pad width")
            }
        }
        if v.numberValue != nil { return [try integers(v)] }
        let items = try listValues(v, a, 1)
        if items.allSatisfy({ $0.numberValue != nil }) { return [try integers(v)] }
        return try items.map(integers)
    }

    static let moveaxis = function("moveaxis", [.required("source"), .required("destination")],
        doc: "A view with the axes at source (an int or a list) moved to the positions destination, the other axes keeping their order.",
        example: "moveaxis(zeros(3, 4, 5), 0, -1).shape") { x, a in
        let source = try TensorConversion.axes(try a.value(1), function: "moveaxis") ?? []
        let destination = try TensorConversion.axes(try a.value(2), function: "moveaxis") ?? []
        return .tensor(try x.moveAxes(source, to: destination))
    }

    static let swapaxes = D.op("swapaxes", [.required("axis1"), .required("axis2")],
                               doc: "A view with two axes exchanged.",
                               example: "swapaxes(zeros(2, 3, 4), 0, 2).shape") { x, a, _ in
        .tensor(try x.swapAxes(try TensorConversion.axis(try a.value(1), function: "swapaxes"),
                               try TensorConversion.axis(try a.value(2), function: "swapaxes")))
    }

    static let broadcastTo = function("broadcast_to", [.required("shape")],
        doc: "A read-only view of x broadcast to shape (stretched axes have stride 0, nothing is copied); writing into it is an error.",
        example: "broadcast_to(tensor([1, 2, 3]), (2, 3))") { x, a in
        let shape = try TensorConversion.shape([try a.value(1)], function: "broadcast_to")
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw TensorError.invalidArgument(op: "broadcast_to", message: TensorError.negativeDimension(shape))
        }
        return .tensor(try x.broadcast(to: shape, op: "broadcast_to"))
    }

    static let ravel = D.op("ravel", doc: "The elements as one axis, in row-major order: a view when x is contiguous, else a copy (flatten always copies).",
                            example: "ravel(tensor([[1, 2], [3, 4]]).T)") { x, _, _ in .tensor(try x.ravel()) }
}
