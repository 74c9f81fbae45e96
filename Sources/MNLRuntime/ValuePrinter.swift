/// Writes nested lists, records and tuples as text without recursion, so any depth prints
/// (`x = [x]` a million times gives two million brackets, not a stack overflow), and a
/// list or record met again inside itself prints as Python prints it: `[[...]]`, `{a: {...}}`.
///
/// An explicit stack of open containers replaces recursion. To spot a cycle the printer asks
/// whether a list or record is already open: a scan of the open containers while they are
/// few (ordinary values), and a set once the nesting gets deep, so neither case costs much.
struct ValuePrinter {
    private(set) var text = ""
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
    }

    mutating func write(_ root: Value) {
        start(root)
        while !open.isEmpty {
            let top = open.count - 1
            let i = open[top].next
            guard i < open[top].items.count else {
                text += open[top].close
                close()
                continue
            }
            if i > 0 { text += ", " }
            if let keys = open[top].keys { text += keys[i] + ": " }
            open[top].next = i + 1
            start(open[top].items[i])
        }
    }

    /// Writes a leaf, or opens a container (whose elements the loop in `write` then writes).
    private mutating func start(_ v: Value) {
        switch v {
        case .list(let l):
            let id = ObjectIdentifier(l)
            if isOpen(id) { text += "[...]"; return }
            text += "["
            push(OpenContainer(items: l.items, keys: nil, close: "]", identity: id))
        case .record(let r):
            let id = ObjectIdentifier(r)
            if isOpen(id) { text += "{...}"; return }
            text += "{"
            let entries = r.entries
            push(OpenContainer(items: entries.map(\.1), keys: entries.map(\.0.text), close: "}", identity: id))
        case .tuple(let t):
            text += "("
            push(OpenContainer(items: t.items, keys: nil, close: t.items.count == 1 ? ",)" : ")", identity: nil))
        default:
            text += v.leafRepr()
        }
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
