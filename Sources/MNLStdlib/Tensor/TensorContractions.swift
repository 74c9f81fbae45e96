import MNLRuntime
import MNLSyntax
import TensorKit

/// NumPy's contractions (issue 10): inner, kron, tensordot, einsum, convolve and norm
/// (TensorKit's Contractions.swift, Einsum.swift and Norm.swift). `norm` is also
/// `linalg.norm`, and a tensor method as before.
enum TensorContractions {
    static var builtins: [any TensorLibraryEntry] { [inner, kron, tensordot, einsum, convolve, norm] }

    static func pair(_ name: String, doc: String, example: String, _ f: @escaping (Tensor, Tensor) throws -> Tensor) -> Builtin {
        Builtin(name, [.required("a"), .required("b")], topic: "tensor", doc: doc, example: example) { a, _ in
            let x = try a.tensor(0), y = try a.tensor(1)
            return try bridging { .tensor(try f(x, y)) }
        }
    }

    static let inner = pair("inner", doc: "The sum of products over the last axes of a and b (the dot product of vectors); the result has a's other axes, then b's.",
                            example: "inner(tensor([1, 2, 3]), tensor([0, 1, 0]))\ninner(eye(2), tensor([[1, 2], [3, 4]]))", Tensor.inner)

    static let kron = pair("kron", doc: "The Kronecker product: a block matrix of a[i, j] * b (an operand with fewer axes gets leading 1s).",
                           example: "kron(eye(2), tensor([[1, 2], [3, 4]]))", Tensor.kron)

    static let tensordot = Builtin("tensordot", [.required("a"), .required("b"), .optional("axes", defaultText: "2")], topic: "tensor",
        doc: "The sum of products over paired axes, as one matrix product: axes=n pairs a's last n axes with b's first n; axes=[[a axes], [b axes]] names them. The result has a's other axes, then b's.",
        example: "a = arange(24).reshape(2, 3, 4)\ntensordot(a, ones(3, 4))\ntensordot(a, ones(4, 3), axes=[[1, 2], [1, 0]])") { a, _ in
        let x = try a.tensor(0), y = try a.tensor(1)
        guard let spec = a[2] else { return try bridging { .tensor(try Tensor.tensordot(x, y, axes: 2)) } }
        if case .number = spec { return try bridging { .tensor(try Tensor.tensordot(x, y, axes: try a.int(2))) } }
        let sides = try pairOfAxes(spec, a)
        return try bridging { .tensor(try Tensor.tensordot(x, y, axes: sides.0, sides.1)) }
    }

    /// tensordot's axes=[[0, 1], [1, 0]] (or [1, 0]: one axis on each side).
    static func pairOfAxes(_ v: Value, _ a: Arguments) throws -> ([Int], [Int]) {
        let items: [Value]
        switch v {
        case .list(let l): items = l.items
        case .tuple(let t): items = t.items
        default: throw a.bad(2, expected: "integer or pair of axis lists", got: v)
        }
        guard items.count == 2, let left = try TensorConversion.axes(items[0], function: "tensordot"),
              let right = try TensorConversion.axes(items[1], function: "tensordot") else {
            throw a.invalid("axes must be an integer or a pair [axes of a, axes of b]")
        }
        return (left, right)
    }

    static let einsum = Builtin("einsum", [.required("subscripts"), .variadic("operands")], topic: "tensor",
        doc: "Einstein summation over letter subscripts, as NumPy: \"ij,jk->ik\" (matrix product), \"ii\" (trace), \"ii->i\" (diagonal), \"ij->ji\", \"i,j->ij\" (outer), \"bij,bjk->bik\" (batched). Without -> the output is the labels used once, alphabetically. Products run as one BLAS matrix product per pair of operands; '...' is not supported.",
        example: "a = arange(6).reshape(2, 3)\neinsum(\"ij,kj->ik\", a, a)\neinsum(\"ii\", eye(3))\neinsum(\"ij->j\", a)") { a, _ in
        let subscripts = try a.string(0)
        let operands = try a.rest.map { try TensorConversion.tensor($0, argument: "einsum") }
        return try bridging { .tensor(try Tensor.einsum(subscripts, operands)) }
    }

    static let convolve = Builtin("convolve", [.required("a"), .required("v"), .optional("mode", defaultText: "\"full\"")], topic: "tensor",
        doc: "The discrete linear convolution of two 1-D tensors: mode=\"full\" (every overlap, length n + m - 1), \"same\" (length max(n, m), centred) or \"valid\" (full overlaps only).",
        example: "convolve(tensor([1, 2, 3]), tensor([0, 1, 0.5]))\nconvolve(tensor([1, 2, 3, 4]), ones(2) / 2, mode=\"valid\")") { a, _ in
        let x = try a.tensor(0), v = try a.tensor(1), mode = try a.string(2, default: "full")
        return try bridging { .tensor(try Tensor.convolve(x, v, mode: mode)) }
    }

    static let norm = TensorDeclarations.op("norm", [.optional("ord", defaultText: "nil"), .optional("axis", defaultText: "nil"),
                                                     .optional("keepdims", defaultText: "false")],
        doc: "The norm of order ord, as numpy.linalg.norm (also linalg.norm). Vectors (one axis): nil or 2 (Euclidean), 1, inf, -inf (max and min of |x|), 0 (non-zeros), any p. Matrices (axis=[r, c], or a 2-D tensor given ord): nil or \"fro\", \"nuc\", 2 and -2 (largest and smallest singular value), 1, -1, inf, -inf. Without ord and axis: the 2-norm of all elements.",
        example: "norm(tensor([3, 4]))\nnorm(tensor([3, -4]), inf)\nnorm(tensor([[1, 2], [3, 4]]), \"nuc\")\nnorm(tensor([[3, 4], [6, 8]]), axis=1)",
        fast1: { x in .tensor(try x.norm(axes: nil)) }) { x, a, _ in
        let axes = try TensorConversion.axes(a[2], function: "norm")
        let ord = try a[1].map { try normOrder($0, a, matrix: axes.map { $0.count == 2 } ?? (x.ndim == 2)) }
        return .tensor(try x.norm(ord: ord, axes: axes, keepdims: try a.bool(3, default: false)))
    }

    /// The ord= argument; `matrix` says which kind of norm an unknown name was asked for.
    static func normOrder(_ v: Value, _ a: Arguments, matrix: Bool) throws -> NormOrder {
        switch v {
        case .number(let p): return .p(p)
        case .string("fro"): return .frobenius
        case .string("nuc"): return .nuclear
        case .string(let s): throw TensorError.invalidNormOrder(ord: "\"\(s)\"", matrix: matrix)
        default: throw a.bad(1, expected: "number, \"fro\" or \"nuc\"", got: v)
        }
    }
}
