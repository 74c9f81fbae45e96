import MNLSyntax

/// The optional behaviour of a native class. A nil hook means the operation is unsupported,
/// and the runtime reports it with the class's name.
struct NativeHooks {
    typealias Object = NativeObject
    /// `self op other` (or `other op self` when reversed); nil when unsupported for `other`.
    var binary: ((Object, BinaryOperator, Value, Bool, CallContext) throws -> Value?)?
    /// `self op= other` in place; false lets the runtime fall back to `self = self op other`.
    var inPlace: ((Object, BinaryOperator, Value, CallContext) throws -> Bool)?
    var compare: ((Object, CompareOperator, Value, Bool, CallContext) throws -> Value?)?
    /// The truth of a comparison without its result value (conditions); nil to decline.
    var compareTruth: ((Object, CompareOperator, Value, Bool) -> Bool?)?
    var negate: ((Object, CallContext) throws -> Value)?
    /// `~self`.
    var invert: ((Object, CallContext) throws -> Value)?
    /// `element in self`.
    var contains: ((Object, Value, CallContext) throws -> Bool)?
    var truth: ((Object) throws -> Bool)?
    /// `float(x)`, `int(x)`: the object as one number, or nil when it is not one.
    var number: ((Object) throws -> Double?)?
    var index: ((Object, [IndexArgument], CallContext) throws -> Value)?
    var setIndex: ((Object, [IndexArgument], Value, CallContext) throws -> Void)?
    // The element fast paths are overridable methods of NativeObject (`element`, `setElement`).
    var iterate: ((Object, CallContext) throws -> ValueIterator)?
    var length: ((Object) -> Int)?
    var call: ((Object, Arguments, CallContext) throws -> Value)?
    var render: ((Object) -> String)?
    /// The REPL's echo when it differs from `render` (default: `render`).
    var echo: ((Object) -> String)?
    /// The number a 0-d object stands for wherever the language takes a number.
    var scalarNumber: ((Object) -> Double?)?
    var summary: ((Object) -> String)?
}

extension NativeClass {
    /// Declares a class whose instances are `Object`s; `declare` adds its members and hooks.
    /// Hooks and members receive the object already typed.
    public convenience init<Object: NativeObject>(name: String, of: Object.Type, doc: String, constructor: Builtin? = nil,
                                                 _ declare: (inout Declaration<Object>) -> Void) {
        var d = Declaration<Object>(className: name)
        declare(&d)
        self.init(name: name, doc: doc, constructor: constructor, members: d.members, hooks: d.hooks,
                  dynamicMember: d.dynamicMember, dynamicNames: d.dynamicNames)
    }

    /// What a class declaration collects. Each function adds one member or sets one hook.
    public struct Declaration<Object: NativeObject> {
        let className: String
        var members: [NativeMember] = []
        var hooks = NativeHooks()
        var dynamicMember: ((NativeObject, String) -> NativeMember?)?
        var dynamicNames: ((NativeObject) -> [String])?

        /// The object as its own class: every object of a class is built with that class's
        /// declaration (`NativeObject.init`), so the cast always holds.
        @inline(__always)
        static func typed(_ o: NativeObject) -> Object { unsafeDowncast(o, to: Object.self) }

        /// `v` as this class's object, if it is one (an exact class check, no dynamic cast).
        @inline(__always)
        static func receiver(_ v: Value) -> Object? {
            guard case .native(let o) = v, ObjectIdentifier(type(of: o)) == ObjectIdentifier(Object.self) else { return nil }
            return typed(o)
        }

        /// A read-only property.
        public mutating func property(_ name: String, doc: String, _ get: @escaping (Object) throws -> Value) {
            members.append(.property(NativeProperty(name: name, doc: doc, type: .any, get: { try get(Self.typed($0)) }, set: nil)))
        }

        /// A settable property; values of another type are refused before `set` runs.
        public mutating func property(_ name: String, doc: String, type: PropertyType, get: @escaping (Object) throws -> Value,
                                      set: @escaping (Object, Value) throws -> Void) {
            members.append(.property(NativeProperty(name: name, doc: doc, type: type, get: { try get(Self.typed($0)) },
                                                    set: { try set(Self.typed($0), $1) })))
        }

        /// A method: `body` receives the object and the other arguments, bound to `parameters`
        /// (the receiver is not among them). `fast0`, when given, is the whole method for a
        /// call with no arguments (`x.item()`); nil from it means "take `body`".
        public mutating func method(_ name: String, _ parameters: [BuiltinParameter] = [], doc: String, example: String,
                                    fast0: ((Object) throws -> Value?)? = nil,
                                    _ body: @escaping (Object, Arguments, CallContext) throws -> Value) {
            let typeName = className
            let fast1: Builtin.Fast1? = fast0.map { run in
                { v, _ in if let x = Self.receiver(v) { try run(x) } else { nil } }
            }
            members.append(.method(Builtin(name, [.required("self")] + parameters, topic: "methods", doc: doc, example: example,
                                           fast1: fast1) { a, ctx in
                guard let x = Self.receiver(try a.value(0)) else { throw a.bad(0, expected: typeName, got: try a.value(0)) }
                return try body(x, a, ctx)
            }))
        }

        /// A builtin that is also a method: its first parameter is the receiver
        /// (`sum(x, axis=nil)` declared once serves `x.sum(axis=1)`).
        public mutating func method(_ builtin: Builtin) { members.append(.method(builtin)) }

        /// Members found by name on each object (a table's columns), after the declared ones.
        public mutating func dynamicMembers(_ lookup: @escaping (Object, String) -> NativeProperty?,
                                            names: @escaping (Object) -> [String]) {
            dynamicMember = { o, name in lookup(Self.typed(o), name).map { .property($0) } }
            dynamicNames = { names(Self.typed($0)) }
        }

        public mutating func binary(_ f: @escaping (Object, BinaryOperator, Value, _ reversed: Bool, CallContext) throws -> Value?) {
            hooks.binary = { try f(Self.typed($0), $1, $2, $3, $4) }
        }
        public mutating func inPlace(_ f: @escaping (Object, BinaryOperator, Value, CallContext) throws -> Bool) {
            hooks.inPlace = { try f(Self.typed($0), $1, $2, $3) }
        }
        public mutating func compare(_ f: @escaping (Object, CompareOperator, Value, _ reversed: Bool, CallContext) throws -> Value?) {
            hooks.compare = { try f(Self.typed($0), $1, $2, $3, $4) }
        }
        /// `if x < y` asked as a Bool, for classes that can answer without making a value.
        public mutating func compareTruth(_ f: @escaping (Object, CompareOperator, Value, Bool) -> Bool?) {
            hooks.compareTruth = { f(Self.typed($0), $1, $2, $3) }
        }
        public mutating func negate(_ f: @escaping (Object, CallContext) throws -> Value) { hooks.negate = { try f(Self.typed($0), $1) } }
        public mutating func truth(_ f: @escaping (Object) throws -> Bool) { hooks.truth = { try f(Self.typed($0)) } }
        public mutating func invert(_ f: @escaping (Object, CallContext) throws -> Value) { hooks.invert = { try f(Self.typed($0), $1) } }
        public mutating func contains(_ f: @escaping (Object, Value, CallContext) throws -> Bool) {
            hooks.contains = { try f(Self.typed($0), $1, $2) }
        }
        public mutating func number(_ f: @escaping (Object) throws -> Double?) { hooks.number = { try f(Self.typed($0)) } }
        public mutating func index(_ f: @escaping (Object, [IndexArgument], CallContext) throws -> Value) {
            hooks.index = { try f(Self.typed($0), $1, $2) }
        }
        public mutating func setIndex(_ f: @escaping (Object, [IndexArgument], Value, CallContext) throws -> Void) {
            hooks.setIndex = { try f(Self.typed($0), $1, $2, $3) }
        }

        /// `for v in x`; the iterator may throw between values.
        public mutating func iterate(_ f: @escaping (Object, CallContext) throws -> ValueIterator) {
            hooks.iterate = { try f(Self.typed($0), $1) }
        }
        public mutating func length(_ f: @escaping (Object) -> Int) { hooks.length = { f(Self.typed($0)) } }
        public mutating func call(_ f: @escaping (Object, Arguments, CallContext) throws -> Value) {
            hooks.call = { try f(Self.typed($0), $1, $2) }
        }
        /// How `print` and the REPL show the object (default `<name>`).
        public mutating func render(_ f: @escaping (Object) -> String) { hooks.render = { f(Self.typed($0)) } }
        /// What the REPL echoes at the top level (default: `render`).
        public mutating func echo(_ f: @escaping (Object) -> String) { hooks.echo = { f(Self.typed($0)) } }
        /// The number a scalar object stands for (a 0-d tensor); nil for others of the class.
        public mutating func scalarNumber(_ f: @escaping (Object) -> Double?) { hooks.scalarNumber = { f(Self.typed($0)) } }
        /// The one-line description `:vars` shows (default: the class name).
        public mutating func summary(_ f: @escaping (Object) -> String) { hooks.summary = { f(Self.typed($0)) } }
    }
}
