import MNLSyntax

/// A user-defined class: its methods (own and inherited, flattened when the class is made, so
/// a call finds a method in one table) and its field layout (the `self.NAME = ...` of its
/// methods and of its bases, base fields first so that a base's indices hold in a subclass).
public final class ClassType {
    public let name: String
    public let base: ClassType?
    public let doc: String?
    /// Every method an instance answers to, with the class that defined it.
    let methods: [String: Closure]
    /// The methods this class itself declares, in declaration order (for `help`).
    let ownMethodNames: [String]
    let fieldNames: [String]
    let fieldIndex: [String: Int]
    /// How many classes are above this one (0 for a class without a base).
    let depth: Int
    let initializer: Closure?
    let strMethod: Closure?
    let reprMethod: Closure?

    /// Deeper hierarchies are refused: every instance check walks the chain.
    static let maxDepth = 1000

    init(name: String, base: ClassType?, doc: String?, methods own: [(String, Closure)], fields ownFields: [String]) {
        self.name = name
        self.base = base
        self.doc = doc
        var methods = base?.methods ?? [:]
        for (n, m) in own { methods[n] = m }
        self.methods = methods
        self.ownMethodNames = own.map(\.0)
        var fields = base?.fieldNames ?? []
        var index = base?.fieldIndex ?? [:]
        for f in ownFields where index[f] == nil {
            index[f] = fields.count
            fields.append(f)
        }
        self.fieldNames = fields
        self.fieldIndex = index
        self.depth = base.map { $0.depth + 1 } ?? 0
        self.initializer = methods["init"]
        self.strMethod = methods["__str__"]
        self.reprMethod = methods["__repr__"]
    }

    /// True when this class is `other` or inherits from it.
    func isSubclass(of other: ClassType) -> Bool {
        var k: ClassType? = self
        while let c = k {
            if c === other { return true }
            k = c.base
        }
        return false
    }

    /// `Dense(layer)` or `Dense` when it has no base: how a class value prints.
    var signature: String {
        let params = initializer.map { $0.function.parameters.dropFirst().joined(separator: ", ") } ?? ""
        return "\(name)(\(params))"
    }

    deinit {
        // Methods may capture deeply nested values; free them without recursion.
        var held = methods.values.map(Value.closure)
        ValueRelease.release(&held)
    }
}

/// An instance of a user class: one slot per field of the class's layout (nil until the
/// field is first assigned), plus a record for fields added from outside the methods.
public final class Instance {
    public let cls: ClassType
    @exclusivity(unchecked) var fields: [Value?]
    /// Fields the class's methods never assign (`d.extra = 1`), in order of creation.
    var extra: RecordBox?

    init(cls: ClassType) {
        self.cls = cls
        self.fields = Array(repeating: nil, count: cls.fieldNames.count)
    }

    /// The value of field `name`, if it has been assigned.
    public func field(_ name: String) -> Value? {
        if let i = cls.fieldIndex[name], let v = fields[i] { return v }
        return extra?[name]
    }

    public func setField(_ name: String, _ value: Value) {
        if let i = cls.fieldIndex[name] {
            fields[i] = value
        } else {
            if extra == nil { extra = RecordBox() }
            extra?[name] = value
        }
    }

    /// The assigned fields in layout order, then those added from outside.
    public var assignedFields: [(String, Value)] {
        var out: [(String, Value)] = []
        for (i, v) in fields.enumerated() { if let v { out.append((cls.fieldNames[i], v)) } }
        return out + (extra?.entries.map { ($0.0.text, $0.1) } ?? [])
    }

    /// The method `name` bound to this instance (`d.forward`), if the class has one.
    public func boundMethod(_ name: String) -> Value? {
        cls.methods[name].map { .boundMethod(BoundMethod(receiver: self, method: $0)) }
    }

    /// Moves the field values that hold further values to `pending` and empties the instance
    /// (`ValueRelease` calls it on an instance that is being freed).
    func surrenderFields(into pending: inout [Value]) {
        for case let v? in fields where v.holdsNestedValues { pending.append(v) }
        fields = []
        if let extra { pending.append(.record(extra)) }
        extra = nil
    }

    /// See `Value.holdsNestedValues`.
    var holdsNestedValues: Bool {
        extra != nil || fields.count > ValueRelease.quickLookLimit || fields.contains { $0?.ownsValues ?? false }
    }

    deinit {
        guard holdsNestedValues else { return }
        var pending: [Value] = []
        surrenderFields(into: &pending)
        ValueRelease.release(&pending)
    }
}

/// `d.forward` taken without a call: the method with its instance.
public final class BoundMethod {
    let receiver: Instance
    let method: Closure

    init(receiver: Instance, method: Closure) {
        self.receiver = receiver
        self.method = method
    }
}
