import MNLRuntime
import MNLSyntax
import TensorKit

/// Counting and binning (NumPy's bincount, histogram, searchsorted, digitize, unique) and
/// the covariance functions cov and corrcoef (TensorKit's Counting, Histogram, UniqueFull
/// and Covariance files).
enum TensorCounting {
    static var builtins: [any TensorLibraryEntry] { [bincount, histogram, searchsorted, digitize, unique, cov, corrcoef] }

    static let bincount = Builtin("bincount", [.required("x"), .optional("weights", defaultText: "nil"), .optional("minlength", defaultText: "0")],
        topic: "tensor",
        doc: "How often each of 0, 1, ..., max(x) occurs in the 1-D integer tensor (or list of whole numbers) x, as int64; with weights= (x's shape), the sum of the weights at each value, as float64. minlength= asks for at least that many bins. A negative value is an error; so is a float tensor (use .astype(\"i64\")).",
        example: "bincount([0, 1, 1, 3])\nbincount([0, 1, 1], weights=[0.5, 1, 2], minlength=4)") { a, _ in
        let x = try integerTensor(try a.value(0), function: "bincount")
        let weights = a[1] == nil ? nil : try a.tensor(1)
        let minlength = try a.int(2, default: 0)
        return try bridging { .tensor(try x.bincount(weights: weights, minlength: minlength)) }
    }

    static let histogram = Builtin("histogram", [.required("a"), .optional("bins", defaultText: "10"), .optional("range", defaultText: "nil"),
                                                 .optional("weights", defaultText: "nil"), .optional("density", defaultText: "false")],
        topic: "tensor",
        doc: "A tuple (hist, bin_edges) of the flattened a, as numpy.histogram. bins= is a number of equal-width bins over range= (a pair (min, max); by default a's min and max) or a 1-D tensor of increasing edges. Bin i holds edges[i] <= x < edges[i+1]; the last bin also holds its right edge; values outside are not counted. hist is int64, weights=' dtype with weights (a's shape), or float64 with density=true (a density: count / total / bin width).",
        example: "(hist, edges) = histogram(tensor([1, 2, 2, 3, 5]), bins=4)\nhistogram(tensor([0.5, 1.5, 2]), bins=[0, 1, 2])") { a, _ in
        let x = try a.tensor(0)
        let bins = try histogramBins(a)
        let weights = a[3] == nil ? nil : try a.tensor(3)
        let density = try a.bool(4, default: false)
        return try bridging {
            let (hist, edges) = try x.histogram(bins: bins, weights: weights, density: density)
            return .tuple([.tensor(hist), .tensor(edges)])
        }
    }

    static let searchsorted = TensorOperation(builtin: Builtin("searchsorted", [.required("a"), .required("v"), .optional("side", defaultText: "\"left\"")],
        topic: "tensor",
        doc: "Where each value of v would be inserted into the sorted 1-D a to keep it sorted: before equal elements with side=\"left\", after them with side=\"right\". An int64 tensor of v's shape (0-d for a number). Also a method, a.searchsorted(v).",
        example: "searchsorted(tensor([1, 2, 2, 3]), [2, 2.5, 9])\ntensor([1, 2, 2, 3]).searchsorted(2, side=\"right\")") { a, _ in
        let (x, v) = (try a.tensor(0), try a.tensor(1))
        let side = try a.string(2, default: "left")
        guard side == "left" || side == "right" else { throw a.invalid("side must be \"left\" or \"right\", got \"\(side)\"") }
        return try bridging { .tensor(try x.searchsorted(v, right: side == "right")) }
    }, role: .functionAndMethod)

    static let digitize = Builtin("digitize", [.required("x"), .required("bins"), .optional("right", defaultText: "false")],
        topic: "tensor",
        doc: "The index of the bin each value of x falls in, for 1-D bins that increase or decrease: with increasing bins, i such that bins[i-1] <= x < bins[i] (bins[i-1] < x <= bins[i] with right=true); 0 below the first edge and len(bins) past the last. An int64 tensor of x's shape.",
        example: "digitize(tensor([0.5, 1, 2.5, 9]), [1, 2, 3])\ndigitize(tensor([0.5, 2.5]), [3, 2, 1])") { a, _ in
        let (x, bins) = (try a.tensor(0), try a.tensor(1))
        let right = try a.bool(2, default: false)
        return try bridging { .tensor(try x.digitize(bins, right: right)) }
    }

    static let unique = TensorDeclarations.op("unique", [.optional("return_index", defaultText: "false"), .optional("return_inverse", defaultText: "false"),
                                                      .optional("return_counts", defaultText: "false"), .optional("axis", defaultText: "nil"),
                                                      .optional("counts", defaultText: "false")],
        doc: "The sorted distinct values of the flattened x, as numpy.unique; with axis=, the distinct slices along that axis. Each of return_index= (where each value first occurs), return_inverse= (each element's position in the values, with x's shape; 1-D with axis=) and return_counts= (how often each occurs; counts= is a short spelling) adds a result, in that order, and makes the result a tuple. NaNs count as one value.",
        example: "unique(tensor([3, 1, 3, 2]), return_counts=true)\n(values, inverse) = unique(tensor([[2, 1], [1, 2]]), return_inverse=true)\nunique(tensor([[1, 2], [0, 5], [1, 2]]), axis=0)") { x, a, _ in
        let (wantIndex, wantInverse) = (try a.bool(1, default: false), try a.bool(2, default: false))
        let wantCounts = try a.bool(3, default: false) || a.bool(5, default: false)
        let axis = try a[4].map { try TensorConversion.axis($0, function: "unique") }
        if axis == nil && !wantIndex && !wantInverse {
            let (values, counts) = try x.unique()
            return wantCounts ? .tuple([.tensor(values), .tensor(counts)]) : .tensor(values)
        }
        let r = try x.unique(axis: axis)
        let extras = [(wantIndex, r.index), (wantInverse, r.inverse), (wantCounts, r.counts)].filter(\.0).map { Value.tensor($0.1) }
        return extras.isEmpty ? .tensor(r.values) : .tuple([.tensor(r.values)] + extras)
    }

    static let cov = Builtin("cov", [.required("m"), .optional("y", defaultText: "nil"), .optional("rowvar", defaultText: "true"),
                                     .optional("bias", defaultText: "false"), .optional("ddof", defaultText: "nil")],
        topic: "tensor",
        doc: "The covariance matrix, as numpy.cov: each row of m is a variable and each column an observation (rowvar=false: the other way round); y= adds more variables. Divides by n - 1, or n with bias=true, or n - ddof. Always float64; one variable gives a 0-d tensor.",
        example: "cov(tensor([[0, 1, 2], [2, 1, 0]]))\ncov(tensor([[1, 2], [2, 4], [3, 7]]), rowvar=false)") { a, _ in
        let m = try a.tensor(0)
        let y = a[1] == nil ? nil : try a.tensor(1)
        let (rowvar, bias) = (try a.bool(2, default: true), try a.bool(3, default: false))
        let ddof = a[4] == nil ? nil : try a.int(4)
        return try bridging { .tensor(try Tensor.cov(m, y, rowvar: rowvar, bias: bias, ddof: ddof)) }
    }

    static let corrcoef = Builtin("corrcoef", [.required("x"), .optional("y", defaultText: "nil"), .optional("rowvar", defaultText: "true")],
        topic: "tensor",
        doc: "The Pearson correlation coefficients of the variables in x's rows (rowvar=false: its columns) and y's, as numpy.corrcoef: cov divided by the products of the standard deviations, in [-1, 1], float64. A constant variable gives NaN.",
        example: "corrcoef(tensor([[1, 2, 3, 4], [2, 4, 5, 9]]))\ncorrcoef(tensor([1, 2, 3]), tensor([3, 1, 2]))") { a, _ in
        let x = try a.tensor(0)
        let y = a[1] == nil ? nil : try a.tensor(1)
        let rowvar = try a.bool(2, default: true)
        return try bridging { .tensor(try Tensor.corrcoef(x, y, rowvar: rowvar)) }
    }

    /// bins= as a count (with range=) or as edges.
    private static func histogramBins(_ a: Arguments) throws -> HistogramBins {
        var range: (Double, Double)?
        if let r = a[2] {
            let items: [Value]
            switch r {
            case .tuple(let t): items = t.items
            case .list(let l): items = l.items
            default: throw a.bad(2, expected: "pair (min, max)", got: r)
            }
            guard items.count == 2, let low = items[0].numberValue, let high = items[1].numberValue else { throw a.bad(2, expected: "pair (min, max)", got: r) }
            range = (low, high)
        }
        guard let bins = a[1] else { return .count(10, range: range) }
        if case .number = bins { return .count(try a.int(1), range: range) }
        return .edges(try a.tensor(1))
    }

    /// A tensor of integers: integer and bool tensors as they are, and a list of whole
    /// numbers as int64 (the language has no separate int); a float tensor is refused, as
    /// NumPy refuses it.
    static func integerTensor(_ v: Value, function: String) throws -> Tensor {
        switch v {
        case .list, .tuple:
            // float64, so that whole numbers past float32's 2**24 stay exact.
            let t = try TensorConversion.tensor(v, argument: function, dtype: .float64)
            return try bridging {
                let whole = try t.cast(to: .int64)
                guard try Tensor.binary(.notEqual, whole.cast(to: t.dtype), t).any().item() == 0 else {
                    throw TensorError.unsupportedDType(op: function, dtype: t.dtype)
                }
                return whole
            }
        default:
            let t = try TensorConversion.tensor(v, argument: function)
            return try bridging {
                guard !t.dtype.isFloatingPoint else { throw TensorError.unsupportedDType(op: function, dtype: t.dtype) }
                return t
            }
        }
    }
}
