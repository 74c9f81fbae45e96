/// Writes nested lists, records and tuples as text without recursion, so any depth prints
/// (`x = [x]` a million times gives two million brackets, not a stack overflow), and a
/// list or record met again inside itself prints as Python prints it: `[[...]]`, `{a: {...}}`.
///
/// An explicit stack of open containers replaces recursion. To spot a cycle the printer asks
/// whether a list or record is already open: a scan of the open containers while they are
/// few (ordinary values), and a set once the nesting gets deep, so neither case costs much.
///
/// With `limits` (the REPL's echo), a list longer than `limits.items` shows its first and
/// last few items and its length, as NumPy summarises arrays: `[0, 1, 2, ..., 99999]
/// (100000 items)`; a string longer than `limits.characters` is cut the same way.
struct ValuePrinter {
    private(set) var text = ""
    var limits: SummaryLimits?
    private var open: [OpenContainer] = []
    /// The identities of the open lists and records, kept only once nesting is deep.
    private var deepOpen: Set<ObjectIdentifier>?
    private static let scanLimit = 32

    /// A list, record or tuple being written: its elements and how far the printer got.
    private struct OpenContainer {
        let items: [Value]
        /// The printed keys of a record (nil for lists and tuples).
        let keys: [String]?
        let close: String
        /// The list or record object (nil for tuples, which cannot contain themselves).
        let identity: ObjectIdentifier?
        var next = 0
        /// The index before which `..., ` stands for the items left out (summaries only).
        var gap: Int? = nil
    }

    /// Writes `root`; `instance` gives the text of each class instance met (its `__repr__`).
    mutating func write(_ root: Value, instance: (Instance) throws -> String) rethrows {
        try start(root, instance)
        while !open.isEmpty {
            let top = open.count - 1
            let i = open[top].next
            guard i < open[top].items.count else {
                text += open[top].close
                close()
                continue
            }
            if i > 0 { text += ", " }
            if i == open[top].gap { text += "..., " }
            if let keys = open[top].keys { text += keys[i] + ": " }
            open[top].next = i + 1
            try start(open[top].items[i], instance)
        }
    }

    /// Writes a leaf, or opens a container (whose elements the loop in `write` then writes).
    private mutating func start(_ v: Value, _ instance: (Instance) throws -> String) rethrows {
        switch v {
        case .list(let l):
            let id = ObjectIdentifier(l)
            if isOpen(id) { text += "[...]"; return }
            text += "["
            if let limits, l.items.count > limits.items {
                let edge = limits.edgeItems
                push(OpenContainer(items: Array(l.items.prefix(edge) + l.items.suffix(edge)), keys: nil,
                                   close: "] (\(l.items.count) items)", identity: id, gap: edge))
            } else {
                push(OpenContainer(items: l.items, keys: nil, close: "]", identity: id))
            }
        case .record(let r):
            let id = ObjectIdentifier(r)
            if isOpen(id) { text += "{...}"; return }
            text += "{"
            let entries = r.entries
            push(OpenContainer(items: entries.map(\.1), keys: entries.map(\.0.text), close: "}", identity: id))
        case .tuple(let t):
            text += "("
            push(OpenContainer(items: t.items, keys: nil, close: t.items.count == 1 ? ",)" : ")", identity: nil))
        case .string(let s) where limits.map { s.count > $0.characters } ?? false:
            text += Self.summarised(s, edge: limits?.edgeCharacters ?? 0)
        case .instance(let i):
            text += try instance(i)
        default:
            text += v.leafRepr()
        }
    }

    /// `"first...last" (12345 characters)`.
    static func summarised(_ s: String, edge: Int) -> String {
        let head = Formatting.quoted(String(s.prefix(edge))).dropLast()
        let tail = Formatting.quoted(String(s.suffix(edge))).dropFirst()
        return head + "..." + tail + " (\(s.count) characters)"
    }

    private func isOpen(_ id: ObjectIdentifier) -> Bool {
        if let deepOpen { return deepOpen.contains(id) }
        return open.contains { $0.identity == id }
    }

    private mutating func push(_ container: OpenContainer) {
        open.append(container)
        if deepOpen == nil, open.count > ValuePrinter.scanLimit {
            deepOpen = Set(open.compactMap(\.identity))
        } else if let id = container.identity {
            deepOpen?.insert(id)
        }
    }

    private mutating func close() {
        if let id = open.removeLast().identity { deepOpen?.remove(id) }
    }
}
