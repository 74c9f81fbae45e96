import MNLSyntax

// How to add a native class (a model, an optimizer, a figure...)
// ---------------------------------------------------------------
// 1. Subclass `NativeObject` with the library value inside, and pass the class declaration
//    to `super.init`.
// 2. Declare the class once, as a static constant, with `NativeClass(name:of:doc:)`; the
//    closure lists its properties, methods and hooks, each typed with your subclass:
//
//        final class SGDObject: NativeObject {
//            var rule: SGD
//            init(_ rule: SGD) { self.rule = rule; super.init(SGDObject.declaration) }
//
//            static let declaration = NativeClass(name: "optimizer", of: SGDObject.self,
//                                                 doc: "Stochastic gradient descent.") { c in
//                // Settable: `opt.lr = 0.01`; `opt.lr = "x"` is refused before `set` runs.
//                c.property("lr", doc: "The learning rate.", type: .number, get: { .number($0.rule.lr) },
//                           set: { o, v in if case .number(let n) = v { o.rule.lr = n } })
//                c.property("steps", doc: "Updates so far.") { .number(Double($0.rule.steps)) }
//                c.method("step", [.required("grads")], doc: "Applies one update.",
//                         example: "opt.step(g)") { o, a, ctx in ...; return .null }
//                c.render { o in "<SGD lr=\(o.rule.lr)>" }
//            }
//        }
//
// 3. A constructor is an ordinary `Builtin` (installed with the library's builtins) that
//    returns `.native(SGDObject(...))`; name it in `constructor:` so `help` shows it.
//    A builtin that should also be a method (its first parameter is the object) is added
//    with `c.method(builtin)`, as the tensor class does with its operations.
// Hooks exist for operators (`binary`, `inPlace`, `compare`, `negate`), `truth`, `number`
// (`float(x)`), indexing (`index`, `setIndex`; override `element`/`setElement` for the
// fast paths of x[i] and x[i, j]),
// `iterate` (may throw between values), `length`, `call`, `render` and `summary`.
// Library errors thrown from members stay typed: conform the library's error type to
// `LibraryError` (see MNLStdlib/LibraryErrors.swift) and throw `.library(...)` diagnostics.
// Everything not declared is reported as unsupported with the class's name: `x + 1` on a
// class without `binary` is "unsupported operand types for '+': optimizer and number".
// Members are looked up by name once per `x.name` site and class (see `MemberSite`).

/// One native class: its name, documentation, members and hooks, declared once and shared by
/// every instance. Immutable after declaration, so it may be shared across sessions.
public final class NativeClass: @unchecked Sendable {
    public let name: String
    public let doc: String
    /// The builtin that makes instances (`read_csv` for tables), when there is one.
    public let constructor: Builtin?
    /// Members in declaration order, and their positions by name (the interned ids).
    public let members: [NativeMember]
    let memberIndex: [String: Int]
    /// Members found by name on one object (a table's columns); never cached at a site.
    let dynamicMember: ((NativeObject, String) -> NativeMember?)?
    let dynamicNames: ((NativeObject) -> [String])?
    let hooks: NativeHooks

    init(name: String, doc: String, constructor: Builtin?, members: [NativeMember], hooks: NativeHooks,
         dynamicMember: ((NativeObject, String) -> NativeMember?)?, dynamicNames: ((NativeObject) -> [String])?) {
        self.name = name
        self.doc = doc
        self.constructor = constructor
        self.members = members
        var index: [String: Int] = [:]
        for (i, m) in members.enumerated() where index[m.name] == nil { index[m.name] = i }
        memberIndex = index
        self.hooks = hooks
        self.dynamicMember = dynamicMember
        self.dynamicNames = dynamicNames
    }

    /// The declared member called `name`, if any.
    public func member(_ name: String) -> NativeMember? { memberIndex[name].map { members[$0] } }

    /// The member `name` of `object`: declared first, then found by name.
    func member(_ name: String, of object: NativeObject) -> NativeMember? {
        member(name) ?? dynamicMember?(object, name)
    }

    /// Member names for completion and suggestions, sorted.
    func memberNames(of object: NativeObject) -> [String] {
        let declared = members.map(\.name)
        let found = (dynamicNames?(object) ?? []).filter { memberIndex[$0] == nil }
        return (declared + found).sorted()
    }

    public var methods: [Builtin] { members.compactMap { if case .method(let b) = $0 { b } else { nil } } }
    public var properties: [NativeProperty] { members.compactMap { if case .property(let p) = $0 { p } else { nil } } }
}

/// A property or a method of a native class.
public enum NativeMember {
    case property(NativeProperty)
    /// A builtin whose first parameter is the receiver (`x.sum(axis=1)` binds x first).
    case method(Builtin)

    public var name: String {
        switch self {
        case .property(let p): p.name
        case .method(let b): b.name
        }
    }
}

/// A typed property: read-only when `set` is nil; a settable one checks the type of what is
/// stored (`opt.lr = "fast"` is an error naming `lr`) before `set` runs.
public struct NativeProperty {
    public let name: String
    public let doc: String
    public let type: PropertyType
    let get: (NativeObject) throws -> Value
    let set: ((NativeObject, Value) throws -> Void)?

    public var isSettable: Bool { self.set != nil }

    /// A read-only property of `Object`s, for members found by name (`dynamicMembers`).
    public init<Object: NativeObject>(readOnly name: String, doc: String, of: Object.Type, _ get: @escaping (Object) throws -> Value) {
        self.init(name: name, doc: doc, type: .any, get: { try get(unsafeDowncast($0, to: Object.self)) }, set: nil)
    }

    init(name: String, doc: String, type: PropertyType, get: @escaping (NativeObject) throws -> Value,
         set: ((NativeObject, Value) throws -> Void)?) {
        self.name = name
        self.doc = doc
        self.type = type
        self.get = get
        self.set = set
    }
}

/// What a settable property accepts.
public enum PropertyType: Sendable {
    case any, number, integer, bool, string

    var expected: String {
        switch self {
        case .any: "value"
        case .number: "number"
        case .integer: "integer"
        case .bool: "bool"
        case .string: "string"
        }
    }

    func accepts(_ v: Value) -> Bool {
        switch (self, v) {
        case (.any, _), (.number, .number), (.bool, .bool), (.string, .string): true
        case (.integer, .number(let n)): IntegerConversion.exact(n) != nil
        default: false
        }
    }
}
