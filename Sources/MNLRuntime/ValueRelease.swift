/// Frees nested values without deep recursion.
///
/// Left to Swift, freeing `x` after `for i in range(100000) { x = [x] }` recurses once per
/// level (the list's deinit frees its array, which frees the inner list, whose deinit...)
/// and overflows even a 512 MB stack; on the main thread's 8 MB (values still alive when a
/// session ends) it takes far fewer levels. So every class that holds values calls
/// `release` from its deinit, and `release` takes the nesting apart with an explicit work
/// list: a value-holding object that is about to be freed (uniquely referenced) first gives
/// its contents to the work list, so by the time it is freed it holds nothing deep.
///
/// Only values that hold values which themselves hold values go on the work list; a list
/// of numbers, or a list of small tuples of numbers, is freed directly, since that recurses
/// one level at most. So ordinary values cost one scan more than before.
///
/// The rule for a new class that holds `Value`s (a native object keeping language values,
/// say): give it a deinit that passes them to `release`, and teach `surrender` to empty it.
enum ValueRelease {
    /// How many values a container may hold and still be looked through cheaply to decide
    /// whether freeing it directly could recurse deeply; bigger ones go on the work list.
    static let quickLookLimit = 16

    /// Frees `values` (emptying the array).
    static func release(_ values: inout [Value]) {
        guard values.contains(where: \.holdsNestedValues) else { return }
        var pending: [Value] = []
        for v in values where v.holdsNestedValues { pending.append(v) }
        values = []
        drain(&pending)
    }

    static func release(_ value: inout Value) {
        guard value.holdsNestedValues else { return }
        var pending = [value]
        value = .null
        drain(&pending)
    }

    /// True when freeing a container of `items` directly could recurse more than a level.
    static func nests(_ items: [Value]) -> Bool {
        items.count > quickLookLimit || items.contains(where: \.ownsValues)
    }

    /// Takes one value at a time off the work list; if nothing else holds it, its contents
    /// join the list before it is freed, so its own deinit finds nothing left to do.
    private static func drain(_ pending: inout [Value]) {
        while !pending.isEmpty {
            let (object, kind) = heldObject(pending.removeLast())
            surrender(object, kind, into: &pending)
        }
    }
}

extension Value {
    /// True for values that hold other values.
    var ownsValues: Bool {
        switch self {
        case .list, .record, .tuple, .closure, .instance, .boundMethod: true
        case .builtin(let b): b.receiver != nil
        default: false
        }
    }

    /// True when this value holds a value that holds values (or holds too many values to
    /// check cheaply): freeing it directly might recurse deeply.
    var holdsNestedValues: Bool {
        switch self {
        case .list(let l): ValueRelease.nests(l.items)
        case .tuple(let t): ValueRelease.nests(t.items)
        case .record(let r): r.holdsNestedValues
        case .closure(let c): c.capturesNestedValues
        case .builtin(let b): b.receiver?.ownsValues ?? false
        case .instance(let i): i.holdsNestedValues
        case .boundMethod: true
        default: false
        }
    }
}

extension ValueRelease {
    private enum Kind { case list, tuple, record, closure, builtin, instance, boundMethod, none }

    /// The object a value holds, as the only reference the caller keeps. A separate function
    /// because the uniqueness check must see no other copy: a `switch` over the value in the
    /// caller keeps one alive in unoptimised builds, and every check would then fail.
    private static func heldObject(_ value: consuming Value) -> (AnyObject?, Kind) {
        switch value {
        case .list(let box): (box, .list)
        case .tuple(let box): (box, .tuple)
        case .record(let box): (box, .record)
        case .closure(let closure): (closure, .closure)
        case .builtin(let function): (function, .builtin)
        case .instance(let instance): (instance, .instance)
        case .boundMethod(let method): (method, .boundMethod)
        default: (nil, .none)
        }
    }

    /// Lets go of `object`; if this was the only reference to it, first moves its deeply
    /// nested values to `pending` (the rest are freed with it, a level deep at most). A
    /// shared object is only released (it stays alive).
    private static func surrender(_ object: consuming AnyObject?, _ kind: Kind, into pending: inout [Value]) {
        var object = object
        guard isKnownUniquelyReferenced(&object), let held = object else { return }
        switch kind {
        case .list:
            let box = unsafeDowncast(held, to: ListBox.self)
            for v in box.items where v.holdsNestedValues { pending.append(v) }
            box.items = []
        case .tuple:
            let box = unsafeDowncast(held, to: TupleBox.self)
            for v in box.items where v.holdsNestedValues { pending.append(v) }
            box.items = []
        case .record:
            unsafeDowncast(held, to: RecordBox.self).surrenderValues(into: &pending)
        case .closure:
            unsafeDowncast(held, to: Closure.self).surrenderCells(into: &pending)
        case .builtin:
            let function = unsafeDowncast(held, to: BuiltinFunction.self)
            guard let receiver = function.receiver else { return }
            function.receiver = nil
            if receiver.holdsNestedValues { pending.append(receiver) }
        case .instance:
            unsafeDowncast(held, to: Instance.self).surrenderFields(into: &pending)
        case .boundMethod:
            pending.append(.instance(unsafeDowncast(held, to: BoundMethod.self).receiver))
        case .none:
            return
        }
    }
}
