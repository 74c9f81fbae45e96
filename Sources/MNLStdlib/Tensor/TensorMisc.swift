import MNLRuntime
import MNLSyntax
import TensorKit

/// Products, sorting, conversions and the rest.
enum TensorMisc {
    static var builtins: [any TensorLibraryEntry] {
        typealias D = TensorDeclarations
        return [
            Builtin("matmul", [.required("a"), .required("b")], topic: "tensor",
                    doc: "The matrix product a @ b (2-D, vectors and batched 3-D as NumPy), through BLAS.",
                    example: "matmul(eye(2), tensor([[1, 2], [3, 4]]))") { a, _ in
                try bridging { .tensor(try Tensor.matmul(try a.tensor(0), try a.tensor(1), named: "matmul")) }
            },
            Builtin("dot", [.required("a"), .required("b")], topic: "tensor",
                    doc: "The dot product of two vectors (a number), or NumPy's dot for matrices.",
                    example: "dot(tensor([1, 2]), tensor([3, 4]))") { a, _ in
                try bridging { .tensor(try Tensor.dot(try a.tensor(0), try a.tensor(1))) }
            },
            Builtin("outer", [.required("a"), .required("b")], topic: "tensor", doc: "The outer product of two vectors.",
                    example: "outer(tensor([1, 2]), tensor([1, 10]))") { a, _ in
                try bridging { .tensor(try Tensor.outer(try a.tensor(0), try a.tensor(1))) }
            },
            D.op("sort", [.optional("axis", defaultText: "-1")], role: .method, doc: "A sorted copy, along the last axis (or axis=; nil flattens).",
                 example: "tensor([3, 1, 2]).sort()") { x, a, _ in .tensor(try x.sort(axis: try axisOrDefault(a, 1, -1))) },
            D.op("argsort", [.optional("axis", defaultText: "-1")], doc: "The indices that would sort the tensor along the last axis (or axis=).",
                 example: "argsort(tensor([3, 1, 2]))") { x, a, _ in .tensor(try x.argsort(axis: try axisOrDefault(a, 1, -1))) },
            D.op("item", doc: "The single element of a one-element tensor, as a number (a float32 gives its shortest digits, as tolist does).",
                 example: "tensor([[7]]).item()",
                 fast1: { x in try itemNumber(x) }) { x, _, _ in try itemNumber(x) },
            D.op("tolist", doc: "The elements as (nested) lists of numbers.", example: "tensor([[1, 2], [3, 4]]).tolist()") { x, _, _ in
                try bridging { try Storage.checkAllocation(bytes: nestedListBytes(x.shape)) }
                return nestedList(x)
            },
            // copy and shuffle take lists too; as functions and as tensor methods (x.copy()).
            TensorOperation(builtin: Builtin("copy", [.required("x")], topic: "tensor",
                    doc: "A copy: a tensor with its own elements, or a shallow copy of a list or record (as x.copy()).",
                    example: "a = ones(2)\nb = a.copy()\ncopy([1, 2])") { a, _ in
                switch try a.value(0) {
                case .list(let l): return .list(ListBox(l.items))
                case .record(let r): return .record(RecordBox(entries: r.entries))
                case let v:
                    let x = try TensorConversion.tensor(v, argument: "copy")
                    return try bridging { .tensor(try x.copy()) }
                }
            }, role: .functionAndMethod),
            D.op("astype", [.required("dtype")], doc: "A copy converted to dtype (\"f32\", \"f64\", \"f16\", \"bf16\", \"i64\", \"i32\", \"u8\", \"bool\"; see Grammar.md Dtypes).",
                 example: "tensor([1.7, 2.2]).astype(\"i64\")\ntensor([0.1, 70000]).astype(\"f16\")") { x, a, _ in
                guard let d = try TensorConversion.dtype(try a.value(1), function: "astype") else { return .tensor(x) }
                return .tensor(try x.cast(to: d))
            },
            TensorOperation(builtin: Builtin("shuffle", [.required("x")], topic: "tensor",
                    doc: "Shuffles in place with the session's generator (seed(n) reproduces it): a list's elements, as Python's random.shuffle, or a tensor's rows (along axis 0), as NumPy's rng.shuffle. Returns nil.",
                    example: "xs = [1, 2, 3, 4]\nshuffle(xs)\nx = arange(5)\nshuffle(x)") { a, ctx in
                switch try a.value(0) {
                case .list(let l):
                    // The tensor's permutation, so a list and a tensor of one length shuffle alike.
                    let order = try bridging { try Tensor.permutation(l.items.count, using: ctx.random).toDoubles() }
                    let items = l.items
                    l.items = order.map { items[Int($0)] }
                case .native(let o as TensorObject):
                    try o.checkStore("shuffle(x)", nil)
                    try bridging { try o.tensor.shuffle(using: ctx.random) }
                case let v: throw a.bad(0, expected: "list or tensor", got: v)
                }
                return .null
            }, role: .functionAndMethod),
        ]
    }

    static func axisOrDefault(_ a: Arguments, _ i: Int, _ d: Int) throws -> Int? {
        guard i < a.named.count, let v = a.named[i] else { return d }
        if case .null = v { return nil }
        return try TensorConversion.axis(v, function: a.function)
    }

    /// One element as a language value: bools as bools, float32 with its shortest digits.
    /// `x.item()`: the number `tolist` gives for the same element, so that a float32 0.1 is
    /// 0.1 both ways rather than the double 0.10000000149011612.
    static func itemNumber(_ x: Tensor) throws -> Value {
        let v = try x.item()
        return .number(x.dtype == .float32 ? Float(v).shortestDouble : v)
    }

    static func scalarValue(_ v: Double, _ dtype: DType) -> Value {
        switch dtype {
        case .bool: return .bool(v != 0)
        case .float32: return .number(Float(v).shortestDouble)
        case .float64, .float16, .bfloat16, .int64, .int32, .uint8: return .number(v)
        }
    }

    /// About what `nestedList` allocates for `shape`: a value per element and a list per
    /// position of every outer axis (`zeros(1e9, 0)` is 10⁹ empty lists); nil on overflow.
    static func nestedListBytes(_ shape: [Int]) -> Int? {
        var lists = 1, values = 0
        for d in shape {
            let (n, o) = lists.multipliedReportingOverflow(by: d)
            if o { return nil }
            let (sum, o2) = values.addingReportingOverflow(n)  // this level's items: lists or numbers
            if o2 { return nil }
            values = sum
            lists = n
        }
        let (bytes, o) = values.multipliedReportingOverflow(by: MemoryLayout<Value>.stride + 16)
        return o ? nil : bytes
    }

    static func nestedList(_ t: Tensor) -> Value {
        let values = t.toDoubles()
        func build(_ axis: Int, _ offset: Int) -> (Value, Int) {
            if axis == t.ndim { return (scalarValue(values[offset], t.dtype), 1) }
            var items: [Value] = []
            var used = 0
            for _ in 0..<t.shape[axis] {
                let (v, n) = build(axis + 1, offset + used)
                items.append(v)
                used += n
            }
            return (.list(items), used)
        }
        return build(0, 0).0
    }
}
