import MNLSyntax

/// A record, the language's dictionary (`{lr: 0.1, 3: "x", (1, 2): y}`): keys in insertion
/// order, shared by reference. Records keep `.field` access for string keys, so a record of
/// settings and a table from numbers to tensors are one type, as in Python.
public final class RecordBox {
    public private(set) var keys: [RecordKey] = []
    public private(set) var values: [RecordKey: Value] = [:]

    public init(_ fields: [(String, Value)] = []) {
        for (k, v) in fields { self[.string(k)] = v }
    }

    public init(entries: [(RecordKey, Value)]) {
        for (k, v) in entries { self[k] = v }
    }

    public subscript(key: String) -> Value? {
        get { values[.string(key)] }
        set { self[.string(key)] = newValue }
    }

    /// Setting nil removes the key. Removal is linear in the number of keys (the order is an
    /// array); records are settings and lookup tables, rarely shrunk in a hot loop.
    public subscript(key: RecordKey) -> Value? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if values.removeValue(forKey: key) != nil, let i = keys.firstIndex(of: key) {
                keys.remove(at: i)
            }
        }
    }

    public var count: Int { keys.count }

    /// The (key, value) pairs in insertion order.
    public var entries: [(RecordKey, Value)] { keys.compactMap { k in values[k].map { (k, $0) } } }

    /// The keys that are strings (field names), for suggestions and completion.
    public var stringKeys: [String] { keys.compactMap { if case .string(let s) = $0 { s } else { nil } } }

    /// Moves the values that own further values to `pending` and empties the record
    /// (`ValueRelease` calls it on a record that is being freed).
    func surrenderValues(into pending: inout [Value]) {
        for v in values.values where v.holdsNestedValues { pending.append(v) }
        values = [:]
        keys = []
    }

    /// See `Value.holdsNestedValues`.
    var holdsNestedValues: Bool {
        values.count > ValueRelease.quickLookLimit || values.values.contains(where: \.ownsValues)
    }

    deinit {
        guard values.values.contains(where: \.holdsNestedValues) else { return }
        var pending: [Value] = []
        surrenderValues(into: &pending)
        ValueRelease.release(&pending)
    }
}

/// A value that can be a record key: a number, string, bool or tuple of those. Keys compare
/// as the language's `==` does: `1` and `1.0` are one key (numbers are doubles), and `true`
/// and `1` are two keys, because `true == 1` is false here (Python says true and merges them).
public enum RecordKey: Hashable, Sendable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case tuple([RecordKey])

    /// How deep a tuple key may nest (hashing and printing a key recurse).
    static let depthLimit = 1000

    /// The key for `v`, or an error naming its type when it cannot be one.
    public init(_ v: Value) throws { try self.init(v, depth: 0) }

    private init(_ v: Value, depth: Int) throws {
        switch v {
        case .string(let s): self = .string(s)
        case .bool(let b): self = .bool(b)
        case .number(let n):
            guard !n.isNaN else { throw Diagnostic(.unhashableKey(type: "nan"), at: nil) }
            self = .number(n + 0.0)  // -0.0 and 0.0 are one key; keep the one that prints as 0
        case .tuple(let t):
            guard depth < RecordKey.depthLimit else {
                throw Diagnostic(.valueTooDeep(operation: "use as a key", limit: RecordKey.depthLimit), at: nil)
            }
            self = .tuple(try t.items.map { try RecordKey($0, depth: depth + 1) })
        case .native(let o) where o.scalarNumber != nil:
            // A scalar from a tensor (`d[argmax(p)]`) is the number it holds, as NumPy's
            // scalars hash equal to Python's numbers.
            try self.init(.number(o.scalarNumber ?? 0), depth: depth)
        default: throw Diagnostic(.unhashableKey(type: v.typeName), at: nil)
        }
    }

    /// The key as a language value.
    public var value: Value {
        switch self {
        case .string(let s): .string(s)
        case .number(let n): .number(n)
        case .bool(let b): .bool(b)
        case .tuple(let t): .tuple(t.map(\.value))
        }
    }

    /// How a record prints the key: a name bare (`lr`), other strings quoted, the rest as values.
    public var text: String {
        if case .string(let s) = self { return Formatting.key(s) }
        return value.repr()
    }

    /// How an error names the key: `'lr'`, `3`, `(1, 2)`.
    public var quotedText: String {
        if case .string(let s) = self { return "'\(s)'" }
        return value.repr()
    }
}
