/// One-sentence English messages, in the style the renderer shows:
/// `cannot broadcast (60000, 784) with (10, 785) in '-'`.
extension TensorError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .shapeMismatch(let op, let lhs, let rhs):
            if op == "@" {
                return "cannot multiply matrices of shapes \(TensorError.shape(lhs)) and \(TensorError.shape(rhs)) in '@'"
            }
            return "cannot broadcast \(TensorError.shape(lhs)) with \(TensorError.shape(rhs)) in '\(op)'"
        case .indexOutOfRange(let index, let axis, let size):
            return "index \(index) is out of bounds for axis \(axis) with size \(size)"
        case .axisOutOfRange(let axis, let ndim):
            return "axis \(axis) is out of bounds for a tensor of dimension \(ndim)"
        case .badReshape(let from, let to):
            return "cannot reshape a tensor of shape \(TensorError.shape(from)) into shape \(TensorError.shape(to))"
        case .unsupportedDType(let op, let dtype):
            return "'\(op)' does not support \(dtype) tensors"
        case .outOfMemory(let bytes):
            return bytes == Int.max ? "the requested tensor is too large" : "cannot allocate \(bytes) bytes for a tensor"
        case .invalidArgument(let op, let message):
            return "\(op): \(message)"
        case .interrupted:
            return "interrupted"
        }
    }

    /// The message for a shape with a negative dimension: `negative dimension -1`.
    public static func negativeDimension(_ shape: [Int]) -> String {
        "negative dimension \(shape.first { $0 < 0 } ?? 0)"
    }

    /// Python's spelling of a shape: `(2, 3)`, `(5,)`, `()`.
    static func shape(_ s: [Int]) -> String {
        s.count == 1 ? "(\(s[0]),)" : "(" + s.map(String.init).joined(separator: ", ") + ")"
    }
}
