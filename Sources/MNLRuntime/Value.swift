import MNLSyntax

/// A language value. Numbers are doubles (integral ones print without `.0`); lists and
/// records are references (as in Python); tuples are immutable; tensors, models and other
/// library objects arrive as `.native` objects registered by the binding layer.
///
/// Every class that holds values (the boxes, `Cell`, `Closure`, `BuiltinFunction`) releases
/// them through `ValueRelease`, so a list nested a million deep is freed without deep
/// recursion; see ValueRelease.swift for the rule a new value-holding class must follow.
public enum Value {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case list(ListBox)
    case record(RecordBox)
    case tuple(TupleBox)
    case range(RangeBox)
    case closure(Closure)
    case builtin(BuiltinFunction)
    case native(NativeObject)
    // MARK: classes (Classes/ClassType.swift)
    case instance(Instance)
    case classType(ClassType)
    case boundMethod(BoundMethod)

    /// The name programs see from `type(x)` and in error messages.
    public var typeName: String {
        switch self {
        case .null: "nil"
        case .bool: "bool"
        case .number: "number"
        case .string: "string"
        case .list: "list"
        case .record: "record"
        case .tuple: "tuple"
        case .range: "range"
        case .closure, .builtin: "function"
        case .native(let o): o.typeName
        case .instance(let i): i.cls.name
        case .classType: "class"
        case .boundMethod: "method"
        }
    }

    /// Python-like truth: nil, false, 0, "" and empty collections are false.
    public func truthValue() throws -> Bool {
        switch self {
        case .null: false
        case .bool(let b): b
        case .number(let n): n != 0
        case .string(let s): !s.isEmpty
        case .list(let l): !l.items.isEmpty
        case .record(let r): !r.keys.isEmpty
        case .tuple(let t): !t.items.isEmpty
        case .range(let r): r.count > 0
        case .closure, .builtin: true
        case .native(let o): try o.truthValue()
        case .instance, .classType, .boundMethod: true
        }
    }

    public static func list(_ items: [Value]) -> Value { .list(ListBox(items)) }
    public static func tuple(_ items: [Value]) -> Value { .tuple(TupleBox(items)) }
}

/// A mutable list shared by reference.
public final class ListBox {
    /// Unchecked exclusivity: every element read in a loop would otherwise pay for a
    /// dynamic access check. The interpreter is single-threaded, and no language operation
    /// holds an access to `items` across a call back into the language.
    @exclusivity(unchecked) public var items: [Value]
    public init(_ items: [Value]) { self.items = items }
    deinit { ValueRelease.release(&items) }
}

/// The elements of a tuple. Tuples are immutable to programs; the box exists so that a
/// tuple nested in a tuple a million times is released without deep recursion (an array
/// inside the enum would have no deinit to hook that on).
public final class TupleBox {
    /// Only `ValueRelease` writes it, emptying a box that is being freed.
    @exclusivity(unchecked) public internal(set) var items: [Value]
    public init(_ items: [Value]) { self.items = items }
    deinit { ValueRelease.release(&items) }
}

/// `range(start, stop, step)` or `a..b`: a lazy sequence of integers.
public final class RangeBox {
    public let start: Int, stop: Int, step: Int

    public init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    public var count: Int { RangeBox.count(start: start, stop: stop, step: step) }

    /// How many integers `range(start, stop, step)` yields (step is not zero).
    public static func count(start: Int, stop: Int, step: Int) -> Int {
        if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0
    }

    public func element(_ i: Int) -> Int { start + i * step }
}
