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
        case .innerDimensionMismatch(let op, _, _, _, _), .batchMismatch(let op, _, _), .joinMismatch(let op, _, _, _, _):
            return "\(op): \(shapeExplanation)"
        case .maskMismatch:
            return "boolean index: \(shapeExplanation)"
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
        case .negativeIntegerPower:
            return "**: \(TensorError.negativePowerText)"
        case .valueOutOfRange(let op, let value, let dtype):
            let limits = switch dtype {
            case .int64: "-2**63 to 2**63 - 1"
            case .int32: "-2**31 to 2**31 - 1"
            case .uint8: "0 to 255"
            case .float32, .float64, .float16, .bfloat16, .bool: "any number"  // never thrown: these hold every number
            }
            return "\(op): \(TensorError.number(value)) does not fit in \(dtype) (\(limits))"
        case .nonIntegerIndices(let dtype):
            return "[]: arrays used as indices must be of integer or boolean type, got \(dtype) (use .astype(\"i64\") or a list of whole numbers)"
        case .notAMatrix(let op, let shape):
            return "\(op): expected a matrix (at least 2 dimensions), got shape \(TensorError.shape(shape))"
        case .notSquare(let op, let shape):
            return "\(op): the last two dimensions must be square, got shape \(TensorError.shape(shape))"
        case .linalg(let op, let problem):
            return "\(op): \(problem.sentence)"
        case .einsumMismatch(let subscripts, let label, let lhs, let rhs):
            return "einsum: label '\(label)' in \"\(subscripts)\" has different sizes in operands of shapes \(TensorError.shape(lhs)) and \(TensorError.shape(rhs))"
        case .invalidNormOrder(let ord, let matrix):
            return matrix ? "norm: invalid order \(ord) for matrices (use nil, \"fro\", \"nuc\", 1, -1, 2, -2, inf or -inf)"
                : "norm: invalid order \(ord) for vectors (use a number, inf or -inf)"
        case .badPadWidth(let ndim, let shape):
            return "pad: pad_width of shape \(TensorError.shape(shape)) does not fit a \(ndim)-d tensor: give one number, one (before, after) pair or one pair per axis"
        case .negativePadWidth(let width):
            return "pad: pad widths cannot be negative, got \(width)"
        case .padEmptyAxis(let axis, let mode):
            return "pad: cannot extend the empty axis \(axis) with mode \"\(mode)\" (only \"constant\" can)"
        case .kthOutOfRange(let op, let kth, let size):
            return "\(op): kth \(kth) is out of bounds for an axis of size \(size)"
        case .negativeCount(let op, let value):
            return "\(op): the values must be non-negative, got \(value)"
        case .notMonotonic(let op, let orDecreasing):
            return "\(op): bins must be monotonically increasing\(orDecreasing ? " or decreasing" : "")"
        }
    }

    /// The message for a shape with a negative dimension: `negative dimension -1`.
    public static func negativeDimension(_ shape: [Int]) -> String {
        "negative dimension \(shape.first { $0 < 0 } ?? 0)"
    }

    /// The sentence after `op: ` for the shape errors that say which dimensions disagree.
    public var shapeExplanation: String {
        switch self {
        case .innerDimensionMismatch(_, let lhs, let rhs, let left, let right):
            let rightPart = rhs.count == 1 ? "the right operand's length" : "the right operand's second-to-last dimension"
            return "cannot multiply \(TensorError.shape(lhs)) by \(TensorError.shape(rhs)): "
                + "the left operand's last dimension (\(left)) must equal \(rightPart) (\(right))"
        case .batchMismatch(_, let lhs, let rhs):
            return "cannot multiply \(TensorError.shape(lhs)) by \(TensorError.shape(rhs)): the batch dimensions "
                + "\(TensorError.shape(Array(lhs.dropLast(2)))) and \(TensorError.shape(Array(rhs.dropLast(2)))) do not broadcast"
        case .joinMismatch(let op, let index, let first, let other, let axis):
            if first.count != other.count {
                return "tensor #\(index) has \(other.count) dimensions \(TensorError.shape(other)) but tensor #1 has \(first.count) \(TensorError.shape(first))"
            }
            if op == "stack" {
                return "every tensor must have the same shape, but tensor #1 is \(TensorError.shape(first)) and tensor #\(index) is \(TensorError.shape(other))"
            }
            let d = (0..<first.count).first { $0 != axis && first[$0] != other[$0] } ?? axis
            return "tensor #\(index) has shape \(TensorError.shape(other)) and tensor #1 \(TensorError.shape(first)): "
                + "every dimension except axis \(axis) must agree, but axis \(d) has \(other[d]) and \(first[d])"
        case .maskMismatch(let mask, let covered, let firstAxis):
            if covered.count == 1 {
                return "the mask has shape \(TensorError.shape(mask)) but axis \(firstAxis) of the tensor has size \(covered[0])"
            }
            return "the mask has shape \(TensorError.shape(mask)) but axes \(firstAxis) to \(firstAxis + covered.count - 1) of the tensor have shape \(TensorError.shape(covered))"
        default:
            return description
        }
    }

    /// Python's spelling of a shape: `(2, 3)`, `(5,)`, `()`.
    static func shape(_ s: [Int]) -> String {
        s.count == 1 ? "(\(s[0]),)" : "(" + s.map(String.init).joined(separator: ", ") + ")"
    }

    /// A number as the message shows it: integers without a fraction.
    static func number(_ v: Double) -> String {
        v.isFinite && v == v.rounded() && Swift.abs(v) < 9.2e18 ? String(Int64(v)) : "\(v)"
    }

    /// What `negativeIntegerPower` says after the operation's name.
    public static let negativePowerText = "integers to negative integer powers are not allowed (make the base float: x.astype(\"f32\"))"
}

extension LinalgProblem {
    var sentence: String {
        switch self {
        case .singular: "singular matrix"
        case .notPositiveDefinite: "matrix is not positive definite"
        case .noConvergence: "the decomposition did not converge"
        case .complexEigenvalues(let count):
            "\(count) eigenvalues are complex, and tensors have no complex dtype (for a symmetric matrix, eigh and eigvalsh give real ones)"
        case .notFinite: "the matrix must not contain inf or NaN"
        }
    }
}
