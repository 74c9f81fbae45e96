import MNLSyntax

/// The session's global variables: a fixed block of slots, so compiled code can hold a
/// pointer to a slot, plus a `defined` flag per slot (reading a global that no executed code
/// has assigned yet is an "undefined variable" error). Builtins occupy the first slots.
public final class GlobalTable {
    public static let capacity = 1 << 16
    let values: UnsafeMutablePointer<Value>
    let defined: UnsafeMutablePointer<Bool>
    private(set) var names: [String] = []
    private var index: [String: Int] = [:]
    /// Set when a program asked for more globals than `capacity`; the session reports it.
    var overflowed = false

    init() {
        values = .allocate(capacity: GlobalTable.capacity)
        defined = .allocate(capacity: GlobalTable.capacity)
        defined.initialize(repeating: false, count: GlobalTable.capacity)
    }

    deinit {
        values.deinitialize(count: names.count)
        values.deallocate()
        defined.deallocate()
    }

    var count: Int { names.count }

    /// The slot for `name`, created (holding nil, not yet defined) when new.
    func slot(for name: String) -> Int {
        if let i = index[name] { return i }
        guard names.count < GlobalTable.capacity - 1 else {
            overflowed = true
            return GlobalTable.capacity - 1
        }
        let i = names.count
        (values + i).initialize(to: .null)
        names.append(name)
        index[name] = i
        return i
    }

    func existingSlot(for name: String) -> Int? { index[name] }

    /// Names that currently hold a value.
    var definedNames: [String] { names.indices.filter { defined[$0] }.map { names[$0] } }

    public subscript(name: String) -> Value? {
        guard let i = index[name], defined[i] else { return nil }
        return values[i]
    }

    func set(_ name: String, _ value: Value) {
        let i = slot(for: name)
        values[i] = value
        defined[i] = true
    }

    /// Forgets every value (`:reset`); the slots stay, undefined, so compiled code stays valid.
    func clear() {
        for i in names.indices {
            values[i] = .null
            defined[i] = false
        }
    }
}
