import MNLSyntax

/// The fast paths of `x[i]`, `x[i, j]` and their stores: one or two index values reach
/// lists and native objects without an `[IndexArgument]` array. Anything a fast path
/// does not take (slices, fancy indices, out-of-range or non-integer indices, other
/// types) goes to the general path, which reports the errors.
extension Indexing {
    /// `base[a]` (nil when no fast path applies).
    @inline(__always)
    static func element(_ base: Value, _ a: Value) -> Value? {
        switch base {
        case .list(let l):
            guard case .number(let n) = a, let i = listPosition(n, count: l.items.count) else { return nil }
            return l.items[i]
        case .native(let o): return o.index(a)
        default: return nil
        }
    }

    /// `base[a, b]` (nil when no fast path applies).
    @inline(__always)
    static func element(_ base: Value, _ a: Value, _ b: Value) -> Value? {
        guard case .native(let o) = base else { return nil }
        return o.index(a, b)
    }

    /// `base[a] = value`; false when nothing was stored.
    @inline(__always)
    static func setElement(_ base: Value, _ a: Value, to value: Value) -> Bool {
        switch base {
        case .list(let l):
            guard case .number(let n) = a, let i = listPosition(n, count: l.items.count) else { return false }
            l.items[i] = value
            return true
        case .native(let o): return o.setIndex(a, to: value)
        default: return false
        }
    }

    /// `base[a, b] = value`; false when nothing was stored.
    @inline(__always)
    static func setElement(_ base: Value, _ a: Value, _ b: Value, to value: Value) -> Bool {
        guard case .native(let o) = base else { return false }
        return o.setIndex(a, b, to: value)
    }

    /// The position of an integral index `n` into `count` elements, negative counting from
    /// the end; nil when `n` is not an integer or out of range.
    @inline(__always)
    static func listPosition(_ n: Double, count: Int) -> Int? {
        guard n >= -Double(count), n < Double(count) else { return nil }
        let i = Int(n)
        guard Double(i) == n else { return nil }
        return i < 0 ? i + count : i
    }
}

/// `x[i]` over statically typed loaders for the object and the index (no operand switch
/// per access): the element fast path, else the general path.
struct IndexReadBuilder: OperandPairBuilder {
    let range: SourceRange
    func build<L: OperandLoader, R: OperandLoader>(_ l: L, _ r: R) -> Code {
        let range = range
        return { f in
            let o = try l.load(f), i = try r.load(f)
            if let v = Indexing.element(o, i) { return v }
            return try located(range) { try Indexing.get(o, [.value(i)], CallContext(interp: f.interp)) }
        }
    }
}
