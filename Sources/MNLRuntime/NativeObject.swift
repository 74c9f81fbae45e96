import MNLSyntax

/// A library object exposed to the language (a tensor, a table, a model, a dataset).
/// The binding layer conforms its wrappers to this protocol; the runtime never knows what
/// is inside. Every requirement except `typeName` and `members` has a default that reports
/// the operation as unsupported.
public protocol NativeObject: AnyObject {
    /// The name programs see from `type(x)`.
    var typeName: String { get }
    /// Properties and methods, by name; built once per type and shared.
    var members: MemberTable { get }
    /// How `print` and the REPL show the object.
    func render() -> String
    /// A one-line description for `:vars` (shape, dtype, size...).
    func summary() -> String

    /// `self op other` (or `other op self` when `reversed`); nil when unsupported.
    func binary(_ op: BinaryOperator, _ other: Value, reversed: Bool, _ ctx: CallContext) throws -> Value?
    /// `self op= other` changing self in place; false when the object cannot (the runtime then
    /// falls back to `self = self op other`).
    func inPlace(_ op: BinaryOperator, _ other: Value, _ ctx: CallContext) throws -> Bool
    /// `self cmp other` (or reversed); nil when unsupported.
    func compare(_ op: CompareOperator, _ other: Value, reversed: Bool, _ ctx: CallContext) throws -> Value?
    /// `-self`
    func negate(_ ctx: CallContext) throws -> Value?
    /// `~self`; nil when unsupported.
    func invert(_ ctx: CallContext) throws -> Value?
    /// `element in self`; nil when unsupported (a tensor answers as NumPy's `__contains__`).
    func contains(_ element: Value, _ ctx: CallContext) throws -> Bool?
    func truthValue() throws -> Bool
    /// `self[items]`
    func index(_ items: [IndexArgument], _ ctx: CallContext) throws -> Value
    /// `self[items] = value`
    func setIndex(_ items: [IndexArgument], to value: Value, _ ctx: CallContext) throws
    /// `self[a]` and `self[a, b]` without an index array: the fast path of element reads.
    /// nil means "take the general path", which also reports every error; a fast path
    /// never throws and must give the general path's value whenever it gives one.
    func index(_ a: Value) -> Value?
    func index(_ a: Value, _ b: Value) -> Value?
    /// `self[a] = value` and `self[a, b] = value` without an index array; false means
    /// nothing was stored and the general path must run (and report any error).
    func setIndex(_ a: Value, to value: Value) -> Bool
    func setIndex(_ a: Value, _ b: Value, to value: Value) -> Bool
    /// `self.name = value`
    func setMember(_ name: String, to value: Value, _ ctx: CallContext) throws
    /// The values of `for x in self`.
    func iterate(_ ctx: CallContext) throws -> AnyIterator<Value>
    /// `len(self)`; nil when unsupported.
    var length: Int? { get }
    /// `self(args)`; nil when the object is not callable.
    func call(_ args: Arguments, _ ctx: CallContext) throws -> Value?
}

/// One index item after evaluation: `x[3]`, `x[1:5:2]`, `x[:, mask]`.
public enum IndexArgument {
    case value(Value)
    case slice(start: Int?, stop: Int?, step: Int?)
}

extension NativeObject {
    public func render() -> String { "<\(typeName)>" }
    public func summary() -> String { typeName }
    public func binary(_ op: BinaryOperator, _ other: Value, reversed: Bool, _ ctx: CallContext) throws -> Value? { nil }
    public func inPlace(_ op: BinaryOperator, _ other: Value, _ ctx: CallContext) throws -> Bool { false }
    public func compare(_ op: CompareOperator, _ other: Value, reversed: Bool, _ ctx: CallContext) throws -> Value? { nil }
    public func negate(_ ctx: CallContext) throws -> Value? { nil }
    public func invert(_ ctx: CallContext) throws -> Value? { nil }
    public func contains(_ element: Value, _ ctx: CallContext) throws -> Bool? { nil }
    public func truthValue() throws -> Bool { true }
    public func index(_ items: [IndexArgument], _ ctx: CallContext) throws -> Value {
        throw Diagnostic(.notIndexable(type: typeName), at: nil)
    }
    public func setIndex(_ items: [IndexArgument], to value: Value, _ ctx: CallContext) throws {
        throw Diagnostic(.notAssignable(type: typeName), at: nil)
    }
    public func index(_ a: Value) -> Value? { nil }
    public func index(_ a: Value, _ b: Value) -> Value? { nil }
    public func setIndex(_ a: Value, to value: Value) -> Bool { false }
    public func setIndex(_ a: Value, _ b: Value, to value: Value) -> Bool { false }
    public func setMember(_ name: String, to value: Value, _ ctx: CallContext) throws {
        throw Diagnostic(.notAssignable(type: typeName), at: nil)
    }
    public func iterate(_ ctx: CallContext) throws -> AnyIterator<Value> {
        throw Diagnostic(.notIterable(type: typeName), at: nil)
    }
    public var length: Int? { nil }
    public func call(_ args: Arguments, _ ctx: CallContext) throws -> Value? { nil }
}

/// The properties and methods of one native type. A property computes a value from the
/// object; a method is a builtin whose first argument is the object. Built once and never
/// changed, so it may be shared.
public struct MemberTable: @unchecked Sendable {
    public enum Member {
        case property(doc: String, get: (any NativeObject) throws -> Value)
        case method(Builtin)
    }
    public let members: [String: Member]
    /// Members found by name rather than listed (a table's columns, however many there are),
    /// and their names for completion.
    let lookup: ((String) -> Member?)?
    let lookupNames: () -> [String]

    public init(_ members: [String: Member], lookup: ((String) -> Member?)? = nil, lookupNames: @escaping () -> [String] = { [] }) {
        self.members = members
        self.lookup = lookup
        self.lookupNames = lookupNames
    }

    public subscript(name: String) -> Member? { members[name] ?? lookup?(name) }

    public var names: [String] { (members.keys + lookupNames().filter { members[$0] == nil }).sorted() }
}
