import MNLRuntime
import MNLSyntax
import TensorKit

/// NumPy's statistics: the reductions with extra keywords (`dtype=` on sum and mean, `ddof=`
/// on std and var), order statistics (median, percentile, quantile), the NaN-ignoring
/// reductions, weighted average, ptp, and the running and differencing ops (cumprod, diff).
enum TensorStatistics {
    typealias Reduce = (Tensor, [Int]?, Bool, Arguments) throws -> Tensor

    static var builtins: [any TensorLibraryEntry] {
        [
            reduction("sum", [dtypeParameter], role: .method,
                      doc: "The sum of the elements, over all or over axis= (an int or a list; negative counts from the end); dtype= sums in that dtype.",
                      example: "tensor([[1, 2], [3, 4]]).sum(axis=0)\ntensor([250, 10], dtype=\"u8\").sum(dtype=\"u8\")",
                      whole: { try $0.sum(axes: nil, keepdims: false) }) { x, axes, keep, a in
                // Summing in the dtype means wrapping in it too (NumPy's uint8 sum with dtype="u8").
                guard let dtype = try TensorConversion.dtype(a[3], function: "sum") else { return try x.sum(axes: axes, keepdims: keep) }
                return try x.cast(to: dtype).sum(axes: axes, keepdims: keep).cast(to: dtype)
            },
            reduction("mean", [dtypeParameter],
                      doc: "The arithmetic mean, over all or over axis= (keepdims= keeps reduced axes as size 1); dtype= computes in that dtype.",
                      example: "mean(tensor([1, 2, 3, 4]))\nmean(tensor([1, 2]), dtype=\"f64\")",
                      whole: { try $0.mean(axes: nil, keepdims: false) }) { x, axes, keep, a in
                try cast(x, a, 3).mean(axes: axes, keepdims: keep)
            },
            reduction("std", [ddofParameter], doc: "The standard deviation over all or over axis=, dividing by n − ddof (ddof=0 by default, as NumPy; ddof=1 for the sample estimate).",
                      example: "std(tensor([1, 2, 3, 4]))\nstd(tensor([1, 2, 3, 4]), ddof=1)",
                      whole: { try $0.std(axes: nil, keepdims: false) }) { x, axes, keep, a in
                try x.std(axes: axes, keepdims: keep, ddof: try a.int(3, default: 0))
            },
            reduction("var", [ddofParameter], doc: "The variance over all or over axis=, dividing by n − ddof (ddof=0 by default, as NumPy).",
                      example: "var(tensor([1, 2, 3, 4]))\nvar(tensor([1, 2, 3, 4]), ddof=1)",
                      whole: { try $0.variance(axes: nil, keepdims: false) }) { x, axes, keep, a in
                try x.variance(axes: axes, keepdims: keep, ddof: try a.int(3, default: 0))
            },
            reduction("median", doc: "The median over all or over axis= (the mean of the two middle values for an even count; NaN if any value is NaN).",
                      example: "median(tensor([3, 1, 4, 1]))\nmedian(tensor([[1, 5, 2], [8, 3, 4]]), axis=1)") { x, axes, keep, _ in
                try x.median(axes: axes, keepdims: keep)
            },
            quantile("quantile", scale: 1, doc: "The q-th quantile (q in [0, 1], a number or a tensor of them) over all or over axis=, interpolating linearly between the sorted values (NumPy's default method).",
                     example: "quantile(tensor([1, 2, 3, 4]), 0.25)\nquantile(arange(10), [0.1, 0.9])"),
            quantile("percentile", scale: 100, doc: "The q-th percentile (q in [0, 100], a number or a tensor of them) over all or over axis=, interpolating linearly (NumPy's default method).",
                     example: "percentile(tensor([1, 2, 3, 4]), 50)\npercentile(arange(101), [5, 95])"),
            reduction("nansum", doc: "The sum over all or over axis=, counting NaNs as zero.",
                      example: "nansum(tensor([1, nan, 2]))") { x, axes, keep, _ in try x.nansum(axes: axes, keepdims: keep) },
            reduction("nanmean", doc: "The mean of the values that are not NaN, over all or over axis= (NaN where all are NaN).",
                      example: "nanmean(tensor([[1, nan], [3, 5]]), axis=1)") { x, axes, keep, _ in try x.nanmean(axes: axes, keepdims: keep) },
            reduction("ptp", doc: "Peak to peak: the maximum minus the minimum, over all or over axis=.",
                      example: "ptp(tensor([[4, 9, 2], [1, 1, 1]]), axis=1)") { x, axes, keep, _ in try x.ptp(axes: axes, keepdims: keep) },
            average,
            TensorDeclarations.op("cumprod", [.optional("axis", defaultText: "nil")], doc: "Running products, of the flattened tensor or along axis= (integers give int64).",
                                  example: "cumprod(tensor([1, 2, 3, 4]))") { x, a, _ in
                .tensor(try x.cumprod(axis: try a[1].map { try TensorConversion.axis($0, function: "cumprod") }))
            },
            TensorDeclarations.op("diff", [.optional("n", defaultText: "1"), .optional("axis", defaultText: "-1")],
                                  doc: "The n-th discrete difference along axis= (the last by default): x[1:] - x[:-1], n times; bool tensors give x[1:] != x[:-1].",
                                  example: "diff(tensor([1, 4, 9, 16]))\ndiff(tensor([1, 4, 9, 16]), n=2)") { x, a, _ in
                .tensor(try x.diff(n: try a.int(1, default: 1), axis: try a[2].map { try TensorConversion.axis($0, function: "diff") } ?? -1))
            },
        ]
    }

    static var dtypeParameter: BuiltinParameter { .optional("dtype", defaultText: "nil") }
    static var ddofParameter: BuiltinParameter { .optional("ddof", defaultText: "0") }

    /// A reduction `name(x, axis=nil, keepdims=false, extra...)`; with only x it is the whole-tensor reduction.
    /// `whole`, when given, is the call with only x (the fast entry; the hot ones are sum and mean).
    static func reduction(_ name: String, _ extra: [BuiltinParameter] = [], role: TensorOperation.Role = .functionAndMethod,
                          doc: String, example: String, whole: ((Tensor) throws -> Tensor)? = nil,
                          _ reduce: @escaping Reduce) -> TensorOperation {
        TensorDeclarations.op(name, [.optional("axis", defaultText: "nil"), .optional("keepdims", defaultText: "false")] + extra,
                              role: role, doc: doc, example: example, fast1: whole.map { f in { .tensor(try f($0)) } }) { x, a, _ in
            let axes = try TensorConversion.axes(a[1], function: name)
            return .tensor(try reduce(x, axes, try a.bool(2, default: false), a))
        }
    }

    /// `quantile(x, q, axis=nil, keepdims=false)`, with q given in units of 1/scale.
    static func quantile(_ name: String, scale: Double, doc: String, example: String) -> TensorOperation {
        TensorDeclarations.op(name, [.required("q"), .optional("axis", defaultText: "nil"), .optional("keepdims", defaultText: "false")],
                              doc: doc, example: example) { x, a, _ in
            let q = try Tensor.binary(.divide, try a.tensor(1, dtype: .float64), scale)
            let axes = try TensorConversion.axes(a[2], function: name)
            return .tensor(try x.quantile(q, axes: axes, keepdims: try a.bool(3, default: false), op: name))
        }
    }

    static var average: TensorOperation {
        TensorDeclarations.op("average", [.optional("axis", defaultText: "nil"), .optional("weights", defaultText: "nil"),
                                          .optional("keepdims", defaultText: "false")],
                              doc: "The weighted mean sum(w * x) / sum(w) over all or over axis=; weights= has x's shape, or is 1-D along the one axis. Without weights it is mean.",
                              example: "average(tensor([1, 2, 3]), weights=[3, 1, 0])\naverage(tensor([[1, 2], [3, 4]]), axis=1, weights=[1, 3])") { x, a, _ in
            let keep = try a.bool(3, default: false)
            guard a[2] != nil else { return .tensor(try x.mean(axes: try TensorConversion.axes(a[1], function: "average"), keepdims: keep)) }
            let axis = try a[1].map { try TensorConversion.axis($0, function: "average") }
            return .tensor(try x.average(weights: try a.tensor(2), axis: axis, keepdims: keep))
        }
    }

    /// x cast to the dtype= of argument i, if given.
    static func cast(_ x: Tensor, _ a: Arguments, _ i: Int) throws -> Tensor {
        guard let dtype = try TensorConversion.dtype(a[i], function: a.function) else { return x }
        return try x.cast(to: dtype)
    }
}
