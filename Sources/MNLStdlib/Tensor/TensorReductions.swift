import MNLRuntime
import MNLSyntax
import TensorKit

/// Reductions with NumPy's `axis=` and `keepdims=`; over everything they give a number.
/// sum, mean, std and var, which take more keywords, are in TensorStatistics.swift.
enum TensorReductions {
    static var builtins: [any TensorLibraryEntry] {
        typealias D = TensorDeclarations
        return [
            D.reduction("max", doc: "The largest element, over all or over axis=.",
                        example: "tensor([[1, 5], [3, 2]]).max(axis=1)", role: .method) { try $0.max(axes: $1, keepdims: $2) },
            D.reduction("min", doc: "The smallest element, over all or over axis=.",
                        example: "tensor([[1, 5], [3, 2]]).min(axis=1)", role: .method) { try $0.min(axes: $1, keepdims: $2) },
            D.reduction("prod", doc: "The product of the elements, over all or over axis=.",
                        example: "prod(tensor([1, 2, 3, 4]))") { try $0.prod(axes: $1, keepdims: $2) },
            D.reduction("all", doc: "True when every element is non-zero, over all or over axis=.",
                        example: "all(tensor([1, 2]) > 0)") { try $0.all(axes: $1, keepdims: $2) },
            D.reduction("any", doc: "True when some element is non-zero, over all or over axis=.",
                        example: "any(tensor([1, 2]) > 1)") { try $0.any(axes: $1, keepdims: $2) },
            argReduction("argmax", doc: "The index of the largest element, in the flattened tensor or along axis= (int64 results).") {
                try $0.argmax(axis: $1, keepdims: $2)
            },
            argReduction("argmin", doc: "The index of the smallest element, in the flattened tensor or along axis= (int64 results).") {
                try $0.argmin(axis: $1, keepdims: $2)
            },
            D.op("cumsum", [.optional("axis", defaultText: "nil")], doc: "Running sums, of the flattened tensor or along axis=.",
                 example: "cumsum(tensor([1, 2, 3]))") { x, a, _ in
                .tensor(try x.cumsum(axis: try a[1].map { try TensorConversion.axis($0, function: "cumsum") }))
            },
        ]
    }

    static func argReduction(_ name: String, doc: String, _ f: @escaping (Tensor, Int?, Bool) throws -> Tensor) -> TensorOperation {
        TensorDeclarations.op(name, [.optional("axis", defaultText: "nil"), .optional("keepdims", defaultText: "false")], doc: doc,
                              example: "\(name)(tensor([[1, 9], [8, 2]]), axis=1)") { x, a, _ in
            let axis = try a[1].map { try TensorConversion.axis($0, function: name) }
            return .tensor(try f(x, axis, try a.bool(2, default: false)))
        }
    }
}
