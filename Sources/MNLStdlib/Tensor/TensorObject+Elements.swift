import MNLRuntime
import TensorKit

/// The fast paths of `x[i]` and `x[i, j]` with integer indices and of their stores: the
/// element (or the row view) is found from the shape and strides with no index array.
/// Anything else (slices, tensors or lists as indices, out-of-range or non-integer
/// indices, a broadcast view) returns nil or false, and the general path in `TensorObject`
/// then runs and reports the error. A traced tensor (inside `grad`) always takes the
/// general path, which records the read or refuses the store. They read `base`: an object made by an element read
/// is 0-d, and every path here declines a 0-d tensor (ndim checks) before using it.
extension TensorObject {
    func readElement(_ a: Value) -> Value? {
        let t = base
        guard traced == nil, t.ndim >= 1, let p = offset(a, axis: 0) else { return nil }
        if t.ndim == 1 { return .native(TensorObject(element: t.scalarElement(at: t.offset + p))) }
        return .tensor(t.view(at: t.offset + p, droppingLeading: 1))
    }

    func readElement(_ a: Value, _ b: Value) -> Value? {
        let t = base
        guard traced == nil, t.ndim >= 2, let p = offset(a, axis: 0), let q = offset(b, axis: 1) else { return nil }
        if t.ndim == 2 { return .native(TensorObject(element: t.scalarElement(at: t.offset + p + q))) }
        return .tensor(t.view(at: t.offset + p + q, droppingLeading: 2))
    }

    func writeElement(_ a: Value, to value: Value) -> Bool {
        let t = base
        guard traced == nil, t.ndim == 1, let s = TensorConversion.scalar(value), let p = offset(a, axis: 0) else { return false }
        return (try? t.setElement(at: t.offset + p, to: s)) != nil
    }

    func writeElement(_ a: Value, _ b: Value, to value: Value) -> Bool {
        let t = base
        guard traced == nil, t.ndim == 2, let s = TensorConversion.scalar(value), let p = offset(a, axis: 0), let q = offset(b, axis: 1) else {
            return false
        }
        return (try? t.setElement(at: t.offset + p + q, to: s)) != nil
    }

    /// The storage offset along `axis` of an integral index in range (negative counts from
    /// the end); nil for anything else.
    @inline(__always)
    private func offset(_ v: Value, axis: Int) -> Int? {
        guard let n = v.numberValue else { return nil }
        let size = base.shape[axis]
        guard n >= -Double(size), n < Double(size) else { return nil }
        let i = Int(n)
        guard Double(i) == n else { return nil }
        return (i < 0 ? i + size : i) * base.strides[axis]
    }
}
