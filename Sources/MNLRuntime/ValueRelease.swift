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
/// The rule for a new class that holds `Value`s (a native object keeping language values,
/// say): give it a deinit that passes them to `release`, and teach `surrenderOwnedValues`
/// to empty it.
enum ValueRelease {
    /// Frees `values` (emptying the array). Values that own no further values (numbers,
    /// strings, tensors) are freed as before; only nested ones go through the work list, so
    /// freeing a list of a million numbers costs one extra scan.
    static func release(_ values: inout [Value]) {
        guard values.contains(where: \.ownsValues) else { return }
        var pending: [Value] = []
        for v in values where v.ownsValues { pending.append(v) }
        values = []
        drain(&pending)
    }

    static func release(_ value: inout Value) {
        guard value.ownsValues else { return }
        var pending = [value]
        value = .null
        drain(&pending)
    }

    /// Takes one value at a time off the work list; if nothing else holds it, its contents
    /// join the list before it is freed, so its own deinit finds nothing left to do.
    private static func drain(_ pending: inout [Value]) {
        while !pending.isEmpty {
            surrender(heldObject(pending.removeLast()), into: &pending)
        }
    }
}

extension Value {
    /// True for values that may hold other values (and so could nest deeply).
    var ownsValues: Bool {
        switch self {
        case .list, .record, .tuple, .closure: true
        case .builtin(let b): b.receiver != nil
        default: false
        }
    }
}

extension ValueRelease {
    /// The object a value holds, as the only reference the caller keeps. A separate function
    /// because the uniqueness check must see no other copy: a `switch` over the value in the
    /// caller keeps one alive in unoptimised builds, and every check would then fail.
    private static func heldObject(_ value: consuming Value) -> AnyObject? {
        switch value {
        case .list(let box): box
        case .tuple(let box): box
        case .record(let box): box
        case .closure(let closure): closure
        case .builtin(let function): function
        default: nil
        }
    }

    /// Lets go of `object`; if this was the only reference to it, first moves its nested
    /// values to `pending`. A shared object is only released (it stays alive).
    private static func surrender(_ object: consuming AnyObject?, into pending: inout [Value]) {
        var object = object
        guard isKnownUniquelyReferenced(&object) else { return }
        switch object {
        case let box as ListBox:
            for v in box.items where v.ownsValues { pending.append(v) }
            box.items = []
        case let box as TupleBox:
            for v in box.items where v.ownsValues { pending.append(v) }
            box.items = []
        case let box as RecordBox:
            box.surrenderValues(into: &pending)
        case let closure as Closure:
            closure.surrenderCells(into: &pending)
        case let function as BuiltinFunction:
            guard let receiver = function.receiver else { return }
            function.receiver = nil
            if receiver.ownsValues { pending.append(receiver) }
        default:
            return
        }
    }
}
