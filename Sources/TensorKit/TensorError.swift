/// Every way a tensor operation can fail on user input. Callers render these;
/// TensorKit never prints and never traps on bad input.
public enum TensorError: Error, Equatable, Sendable {
    /// Two shapes that do not broadcast (or do not fit) in operation `op`.
    case shapeMismatch(op: String, lhs: [Int], rhs: [Int])
    /// A matrix product whose inner dimensions differ: the left operand's last dimension
    /// (`left`) against the right's second-to-last, or its only one for a vector (`right`).
    /// `op` is what the user wrote: `@`, `matmul` or `dot`.
    case innerDimensionMismatch(op: String, lhs: [Int], rhs: [Int], left: Int, right: Int)
    /// A batched matrix product whose leading (batch) dimensions do not broadcast.
    case batchMismatch(op: String, lhs: [Int], rhs: [Int])
    /// `concat` or `stack` of tensor number `index` (from 1), whose shape does not fit the
    /// first tensor's: for concat every dimension but `axis` must agree, for stack all.
    case joinMismatch(op: String, index: Int, first: [Int], other: [Int], axis: Int)
    /// A boolean mask whose shape differs from the axes it covers, starting at `firstAxis`.
    case maskMismatch(mask: [Int], covered: [Int], firstAxis: Int)
    /// An index outside `0..<size` on `axis`.
    case indexOutOfRange(index: Int, axis: Int, size: Int)
    /// An axis argument outside `-ndim..<ndim`.
    case axisOutOfRange(axis: Int, ndim: Int)
    /// A reshape whose element count does not match.
    case badReshape(from: [Int], to: [Int])
    /// An operation that does not accept this dtype.
    case unsupportedDType(op: String, dtype: DType)
    /// A request for more memory than the machine can give.
    case outOfMemory(bytes: Int)
    /// A value that makes no sense for the operation (message is one sentence).
    case invalidArgument(op: String, message: String)
    /// The computation was cancelled (Ctrl-C) between two chunks of work.
    case interrupted

    // MARK: issue 10, NumPy semantics
    /// An integer raised to a negative integer power (NumPy's ValueError).
    case negativeIntegerPower
    /// A number stored into an integer dtype that cannot hold it (NumPy 2's OverflowError).
    case valueOutOfRange(op: String, value: Double, dtype: DType)
    /// A float or other non-integer tensor used as indices (NumPy's IndexError).
    case nonIntegerIndices(dtype: DType)

    // MARK: linear algebra
    /// A linear-algebra function given fewer than 2 dimensions.
    case notAMatrix(op: String, shape: [Int])
    /// A linear-algebra function that needs square matrices (the last two axes equal).
    case notSquare(op: String, shape: [Int])
    /// A numerical failure of a linear-algebra function (singular, not positive definite...).
    case linalg(op: String, problem: LinalgProblem)

    // MARK: contractions
    /// An einsum label bound to two sizes: the shapes of the operands it labels (the first
    /// operand that bound it, and the one that disagrees), with the subscripts.
    case einsumMismatch(subscripts: String, label: String, lhs: [Int], rhs: [Int])
    /// A `norm` order that is not defined for vectors (`matrix` false) or matrices; `ord` as written.
    case invalidNormOrder(ord: String, matrix: Bool)
    // MARK: indexing helpers (issue 10, section 3.6)
    /// `pad` given widths (of shape `shape`) that are not one number, one (before, after)
    /// pair or one pair per axis of a tensor with `ndim` axes.
    case badPadWidth(ndim: Int, shape: [Int])
    /// `pad` given a negative width.
    case negativePadWidth(Int)
    /// `pad` asked to extend an empty axis by copying its elements (every mode but constant).
    case padEmptyAxis(axis: Int, mode: String)
    /// `partition`/`argpartition` with a kth outside an axis of `size` elements.
    case kthOutOfRange(op: String, kth: Int, size: Int)
    // MARK: counting and binning
    /// A negative value where counts are indexed by value (`bincount`).
    case negativeCount(op: String, value: Int64)
    /// Bin edges that are not sorted: increasing (histogram), or either way (`orDecreasing`, digitize).
    case notMonotonic(op: String, orDecreasing: Bool)
}

// MARK: linear algebra
extension TensorError {
    /// Shorthands for the linear-algebra failures, which all name the function.
    static func singular(_ op: String) -> TensorError { .linalg(op: op, problem: .singular) }
}

/// Why a linear-algebra function refused its input or failed.
public enum LinalgProblem: Equatable, Sendable {
    /// The matrix has no inverse (an exactly zero pivot in its LU factorisation).
    case singular
    /// Cholesky found a leading minor that is not positive.
    case notPositiveDefinite
    /// An iterative decomposition (eigenvalues, SVD) did not converge.
    case noConvergence
    /// `eig` of a matrix with `count` eigenvalues that are not real (there is no complex dtype).
    case complexEigenvalues(count: Int)
    /// Input holding inf or NaN, which LAPACK's iterations cannot take (NumPy refuses it too).
    case notFinite
}
