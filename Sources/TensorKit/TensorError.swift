/// Every way a tensor operation can fail on user input. Callers render these;
/// TensorKit never prints and never traps on bad input.
public enum TensorError: Error, Equatable, Sendable {
    /// Two shapes that do not broadcast (or do not fit) in operation `op`.
    case shapeMismatch(op: String, lhs: [Int], rhs: [Int])
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
}
