import MNLSyntax

/// `x[i]`, `x[a:b:s]` and `x[i] = v` for lists, strings, tuples, ranges and records;
/// native objects index themselves.
enum Indexing {
    static func get(_ base: Value, _ items: [IndexArgument], _ ctx: CallContext) throws -> Value {
        if case .native(let o) = base { return try o.index(items, ctx) }
        if case .record(let r) = base {
            let key = try recordKey(items)
            guard let v = r[key] else { throw missing(key, in: r) }
            return v
        }
        guard items.count == 1 else { throw Diagnostic(.notIndexable(type: "\(base.typeName) with \(items.count) indices"), at: nil) }
        if case .ellipsis = items[0] { throw ellipsisRefused(base) }
        switch (base, items[0]) {
        case (.list(let l), _): return try pick(l.items, items[0]) { .list(ListBox($0)) }
        case (.tuple(let t), _): return try pick(t.items, items[0]) { .tuple($0) }
        case (.string(let s), _):
            return try pick(s.map { Value.string(String($0)) }, items[0]) { chars in
                .string(chars.map { if case .string(let c) = $0 { c } else { "" } }.joined())
            }
        case (.range(let r), .value(let v)):
            let i = try position(v, count: r.count)
            return .number(Double(r.element(i)))
        default:
            throw Diagnostic(.notIndexable(type: base.typeName), at: nil)
        }
    }

    static func set(_ base: Value, _ items: [IndexArgument], _ value: Value, _ ctx: CallContext) throws {
        switch base {
        case .native(let o): try o.setIndex(items, to: value, ctx)
        case .record(let r): r[try recordKey(items)] = value
        case .list(let l):
            guard items.count == 1 else { throw Diagnostic(.notAssignable(type: "list with \(items.count) indices"), at: nil) }
            switch items[0] {
            case .value(let v): l.items[try position(v, count: l.items.count)] = value
            case .slice(let a, let b, let s):
                guard s == nil || s == 1 else { throw Diagnostic(.notAssignable(type: "list slice with a step"), at: nil) }
                let (start, stop, _) = sliceBounds(a, b, 1, count: l.items.count)
                l.items.replaceSubrange(start..<Swift.max(start, stop), with: try Iteration.values(value, ctx))
            case .ellipsis: throw ellipsisRefused(base)
            }
        default: throw Diagnostic(.notAssignable(type: base.typeName), at: nil)
        }
    }

    /// The key of `d[k]`: one value that can be a key (`d[1, 2]` is the tuple key `(1, 2)`,
    /// as in Python).
    static func recordKey(_ items: [IndexArgument]) throws -> RecordKey {
        var values: [Value] = []
        for item in items {
            guard case .value(let v) = item else {
                if case .ellipsis = item { throw Diagnostic(.unhashableKey(type: "'...'"), at: nil) }
                throw Diagnostic(.unhashableKey(type: "slice"), at: nil)
            }
            values.append(v)
        }
        if values.count == 1 { return try RecordKey(values[0]) }
        return try RecordKey(.tuple(values))
    }

    /// The error for a key that `r` lacks, with a suggestion among its string keys.
    static func missing(_ key: RecordKey, in r: RecordBox) -> Diagnostic {
        var suggestion: String?
        if case .string(let s) = key { suggestion = closestName(to: s, among: r.stringKeys) }
        return Diagnostic(.keyNotFound(key: key.quotedText, suggestion: suggestion), at: nil)
    }

    /// One element (negative counts from the end) or a slice of `items`.
    static func pick(_ items: [Value], _ index: IndexArgument, slice make: ([Value]) -> Value) throws -> Value {
        switch index {
        case .value(let v): return items[try position(v, count: items.count)]
        case .slice(let a, let b, let s):
            let (start, stop, step) = sliceBounds(a, b, s ?? 1, count: items.count)
            var out: [Value] = []
            var i = start
            while step > 0 ? i < stop : i > stop {
                out.append(items[i])
                i += step
            }
            return make(out)
        case .ellipsis: throw ellipsisRefused(.list(ListBox(items)))
        }
    }

    /// `xs[...]`: Ellipsis only means something for tensors (NumPy's), so lists, tuples and
    /// strings refuse it, as Python's do.
    static func ellipsisRefused(_ base: Value) -> Diagnostic {
        Diagnostic(.notIndexable(type: "\(base.typeName) with '...' (only tensors take it)"), at: nil)
    }

    /// A valid position for an integer index into `count` elements.
    static func position(_ v: Value, count: Int) throws -> Int {
        guard let n = v.numberValue else {
            throw Diagnostic(.badArgument(function: "[]", position: 1, name: "", expected: "integer index", got: v.typeName), at: nil)
        }
        guard let i = exactInt(n) else { throw Diagnostic(IntegerConversion.failure(n, what: "index"), at: nil) }
        let p = i < 0 ? i + count : i
        guard p >= 0, p < count else { throw Diagnostic(.indexOutOfRange(index: i, axis: nil, size: count), at: nil) }
        return p
    }

    /// Python's slice rules: clamps bounds, negative bounds count from the end.
    static func sliceBounds(_ a: Int?, _ b: Int?, _ step: Int, count: Int) -> (Int, Int, Int) {
        func clamp(_ x: Int?, _ dflt: Int, low: Int, high: Int) -> Int {
            guard let x else { return dflt }
            let y = x < 0 ? x + count : x
            return Swift.min(Swift.max(y, low), high)
        }
        if step > 0 { return (clamp(a, 0, low: 0, high: count), clamp(b, count, low: 0, high: count), step) }
        return (clamp(a, count - 1, low: -1, high: count - 1), clamp(b, -1, low: -1, high: count - 1), step)
    }
}
