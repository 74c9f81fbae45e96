import MNLSyntax

/// A library object exposed to the language (a tensor, a table, a model, a dataset). The
/// binding layer subclasses it, holding the library value, and declares the class once as a
/// `NativeClass` (see NativeClass.swift for how). The runtime never knows what is inside: it
/// asks the class, and reports what the class does not declare as unsupported.
open class NativeObject {
    /// The declaration shared by every object of this class.
    public final let nativeClass: NativeClass

    public init(_ nativeClass: NativeClass) { self.nativeClass = nativeClass }

    /// The name programs see from `type(x)`.
    public final var typeName: String { nativeClass.name }

    /// How `print`, `str` and interpolation show the object, and how it appears inside a
    /// list: its value alone.
    public final func render() -> String { nativeClass.hooks.render?(self) ?? "<\(typeName)>" }
    /// How the REPL echoes the object at the top level: `render()` plus whatever helps at the
    /// prompt (a tensor's `shape (…) dtype` line).
    public final func echo() -> String { nativeClass.hooks.echo?(self) ?? render() }
    /// The number a scalar object stands for (a 0-d tensor), so that it indexes, sizes,
    /// formats and compares like a number; nil for every other object.
    public final var scalarNumber: Double? { nativeClass.hooks.scalarNumber?(self) }
    /// A one-line description for `:vars` (shape, dtype, size...).
    public final func summary() -> String { nativeClass.hooks.summary?(self) ?? typeName }
    /// `len(self)`; nil when unsupported.
    public final var length: Int? { nativeClass.hooks.length?(self) }

    final func binary(_ op: BinaryOperator, _ other: Value, reversed: Bool, _ ctx: CallContext) throws -> Value? {
        try nativeClass.hooks.binary?(self, op, other, reversed, ctx)
    }
    final func inPlace(_ op: BinaryOperator, _ other: Value, _ ctx: CallContext) throws -> Bool {
        try nativeClass.hooks.inPlace?(self, op, other, ctx) ?? false
    }
    final func compare(_ op: CompareOperator, _ other: Value, reversed: Bool, _ ctx: CallContext) throws -> Value? {
        try nativeClass.hooks.compare?(self, op, other, reversed, ctx)
    }
    /// The truth of `self op other` (or reversed) when the class can give it without making
    /// the result value; nil to take the general path.
    final func compareTruth(_ op: CompareOperator, _ other: Value, reversed: Bool) -> Bool? {
        nativeClass.hooks.compareTruth?(self, op, other, reversed)
    }
    final func negate(_ ctx: CallContext) throws -> Value? { try nativeClass.hooks.negate?(self, ctx) }
    /// `~self`; nil when unsupported.
    final func invert(_ ctx: CallContext) throws -> Value? { try nativeClass.hooks.invert?(self, ctx) }
    /// `element in self`; nil when unsupported (a tensor answers as NumPy's `__contains__`).
    final func contains(_ element: Value, _ ctx: CallContext) throws -> Bool? { try nativeClass.hooks.contains?(self, element, ctx) }
    final func truthValue() throws -> Bool { try nativeClass.hooks.truth?(self) ?? true }
    final func number() throws -> Double? { try nativeClass.hooks.number?(self) }

    final func index(_ items: [IndexArgument], _ ctx: CallContext) throws -> Value {
        guard let f = nativeClass.hooks.index else { throw Diagnostic(.notIndexable(type: typeName), at: nil) }
        return try f(self, items, ctx)
    }
    final func setIndex(_ items: [IndexArgument], to value: Value, _ ctx: CallContext) throws {
        guard let f = nativeClass.hooks.setIndex else { throw Diagnostic(.notAssignable(type: typeName), at: nil) }
        try f(self, items, value, ctx)
    }
    @inline(__always) final func index(_ a: Value) -> Value? { element(a) }
    @inline(__always) final func index(_ a: Value, _ b: Value) -> Value? { element(a, b) }
    @inline(__always) final func setIndex(_ a: Value, to value: Value) -> Bool { setElement(a, to: value) }
    @inline(__always) final func setIndex(_ a: Value, _ b: Value, to value: Value) -> Bool { setElement(a, b, to: value) }

    // The element fast paths: `x[a]`, `x[a, b]` and their stores without an index array.
    // They are overridable methods rather than hooks because element loops run through them
    // (one method call instead of two closure calls). A read returns nil and a store false to
    // hand the case to the class's `index`/`setIndex` hooks, which also report every error;
    // a fast path never throws and must agree with the general path whenever it answers.
    open func element(_ a: Value) -> Value? { nil }
    open func element(_ a: Value, _ b: Value) -> Value? { nil }
    open func setElement(_ a: Value, to value: Value) -> Bool { false }
    open func setElement(_ a: Value, _ b: Value, to value: Value) -> Bool { false }

    final func iterate(_ ctx: CallContext) throws -> ValueIterator {
        guard let f = nativeClass.hooks.iterate else { throw Diagnostic(.notIterable(type: typeName), at: nil) }
        return try f(self, ctx)
    }
    /// `self(args)`; nil when the object is not callable.
    final func call(_ args: Arguments, _ ctx: CallContext) throws -> Value? { try nativeClass.hooks.call?(self, args, ctx) }
    final var isCallable: Bool { nativeClass.hooks.call != nil }

    /// `self.name`: a property's value or a method bound to self.
    final func member(_ m: NativeMember) throws -> Value {
        switch m {
        case .property(let p): try p.get(self)
        case .method(let b): .builtin(BuiltinFunction(b, receiver: .native(self)))
        }
    }

    /// `self.name = value` through a settable property, type-checked.
    final func setMember(_ name: String, to value: Value) throws {
        guard case .property(let p)? = nativeClass.member(name, of: self) else {
            if nativeClass.member(name, of: self) != nil { throw Diagnostic(.readOnlyMember(type: typeName, name: name), at: nil) }
            throw Diagnostic(.noSuchMember(type: typeName, name: name,
                                           suggestion: closestName(to: name, among: nativeClass.memberNames(of: self))), at: nil)
        }
        guard let set = p.set else { throw Diagnostic(.readOnlyMember(type: typeName, name: name), at: nil) }
        guard p.type.accepts(value) else {
            throw Diagnostic(.badMemberValue(type: typeName, name: name, expected: p.type.expected, got: value.typeName), at: nil)
        }
        try set(self, value)
    }
}

/// One index item after evaluation: `x[3]`, `x[1:5:2]`, `x[:, mask]`.
public enum IndexArgument {
    case value(Value)
    case slice(start: Int?, stop: Int?, step: Int?)
    /// `...`: the axes the other items leave (issue 10; only tensors take it).
    case ellipsis
}
