/// NumPy's `linalg.norm(x, ord, axis, keepdims)`: vector norms over one axis and matrix
/// norms over two, composed from reductions (and the SVD for the spectral and nuclear
/// norms), so their dtypes are those of float math (integers give float32 here).

/// A norm order: a number (`inf`, `-inf`, 0, 1, 2, any p) or one of the matrix names.
public enum NormOrder: Equatable, Sendable {
    case p(Double)
    case frobenius
    case nuclear

    /// The order as the user wrote it, for errors.
    var text: String {
        switch self {
        case .p(let p): p == .infinity ? "inf" : (p == -.infinity ? "-inf" : (p == p.rounded() && Swift.abs(p) < 1e15 ? String(Int(p)) : "\(p)"))
        case .frobenius: "\"fro\""
        case .nuclear: "\"nuc\""
        }
    }
}

extension Tensor {
    /// The norm of order `ord` (nil: the 2-norm of a vector, Frobenius of a matrix) over
    /// `axes`: one axis gives vector norms, two give matrix norms; nil takes all axes when
    /// `ord` is nil, else a 1-D tensor as a vector and a 2-D one as a matrix (as NumPy).
    public func norm(ord: NormOrder?, axes: [Int]?, keepdims: Bool = false) throws -> Tensor {
        // Without ord, the 2-norm over any axes is also the Frobenius norm over two.
        guard let ord else { return try norm(axes: axes, keepdims: keepdims) }
        let chosen = try axes ?? {
            guard ndim == 1 || ndim == 2 else {
                throw TensorError.invalidArgument(op: "norm", message: "ord= without axis= needs a 1-D or 2-D tensor, got shape \(TensorError.shape(shape))")
            }
            return Array(0..<ndim)
        }()
        switch chosen.count {
        case 1: return try vectorNorm(ord, axis: chosen[0], keepdims: keepdims)
        case 2: return try matrixNorm(ord, chosen, keepdims: keepdims)
        default:
            throw TensorError.invalidArgument(op: "norm", message: "axis= must name one axis (vector norms) or two (matrix norms), got \(chosen.count)")
        }
    }

    /// `sum(|x|^p)^(1/p)` along `axis`, with the limits inf (max |x|), -inf (min |x|) and
    /// 0 (the count of non-zero elements).
    func vectorNorm(_ ord: NormOrder, axis: Int, keepdims: Bool) throws -> Tensor {
        let a = [try Tensor.normalizeAxis(axis, ndim: ndim)]
        guard case .p(let p) = ord else { throw TensorError.invalidNormOrder(ord: ord.text, matrix: false) }
        let x = try cast(to: Promotion.floatResult(dtype))
        switch p {
        case 2: return try x.norm(axes: a, keepdims: keepdims)
        case .infinity: return try x.unary(.abs).max(axes: a, keepdims: keepdims)
        case -.infinity: return try x.unary(.abs).min(axes: a, keepdims: keepdims)
        case 0: return try Tensor.binary(.notEqual, x, 0).sum(axes: a, keepdims: keepdims).cast(to: x.dtype)
        case 1: return try x.unary(.abs).sum(axes: a, keepdims: keepdims)
        default:
            guard !p.isNaN else { throw TensorError.invalidNormOrder(ord: "nan", matrix: false) }
            return try x.unary(.abs).pow(p).sum(axes: a, keepdims: keepdims).pow(1 / p)
        }
    }

    /// A matrix norm over the two `axes` (rows, columns).
    func matrixNorm(_ ord: NormOrder, _ axes: [Int], keepdims: Bool) throws -> Tensor {
        let r = try Tensor.normalizeAxis(axes[0], ndim: ndim), c = try Tensor.normalizeAxis(axes[1], ndim: ndim)
        guard r != c else { throw TensorError.invalidArgument(op: "norm", message: "axis= names axis \(r) twice") }
        let x = try cast(to: Promotion.floatResult(dtype))
        let result: Tensor
        // After reducing one axis, the other's index drops by one if it came later.
        let cAfterR = c > r ? c - 1 : c, rAfterC = r > c ? r - 1 : r
        switch ord {
        case .frobenius: result = try x.norm(axes: [r, c])
        case .nuclear: result = try x.singularValues(r, c).sum(axes: [-1])
        case .p(2): result = try x.singularValues(r, c).max(axes: [-1])
        case .p(-2): result = try x.singularValues(r, c).min(axes: [-1])
        case .p(1): result = try x.unary(.abs).sum(axes: [r]).max(axes: [cAfterR])
        case .p(-1): result = try x.unary(.abs).sum(axes: [r]).min(axes: [cAfterR])
        case .p(.infinity): result = try x.unary(.abs).sum(axes: [c]).max(axes: [rAfterC])
        case .p(-.infinity): result = try x.unary(.abs).sum(axes: [c]).min(axes: [rAfterC])
        default: throw TensorError.invalidNormOrder(ord: ord.text, matrix: true)
        }
        guard keepdims else { return result }
        var shape = self.shape
        shape[r] = 1
        shape[c] = 1
        return try result.reshape(shape)
    }

    /// The singular values of the matrices over axes (r, c), batched over the other axes
    /// (kept in order), in the last axis.
    func singularValues(_ r: Int, _ c: Int) throws -> Tensor {
        let others = (0..<ndim).filter { $0 != r && $0 != c }
        return try transpose(others + [r, c]).svd(computeUV: false, op: "norm").s
    }
}
