import MNLSyntax

extension Interpreter {
    /// `Dense(784, 10)`: a new instance, initialised by `init` (its own or inherited) with
    /// the arguments; the instance is the result, whatever `init` returns.
    func construct(_ k: ClassType, _ positional: [Value], _ keywords: [(String, Value)]) throws -> Value {
        let instance = Value.instance(Instance(cls: k))
        guard let initializer = k.initializer else {
            if let (name, _) = keywords.first { throw Diagnostic(.unknownKeyword(function: k.name, name: name), at: nil) }
            guard positional.isEmpty else { throw Diagnostic(.classError(.noInit(className: k.name, got: positional.count)), at: nil) }
            return instance
        }
        _ = try callMethod(initializer, instance, positional, keywords)
        return instance
    }

    /// A method with its instance first; too many arguments are counted as the caller wrote them.
    func callMethod(_ m: Closure, _ receiver: Value, _ positional: [Value], _ keywords: [(String, Value)]) throws -> Value {
        guard positional.count < m.function.parameters.count else {
            throw Diagnostic(MethodArity.tooMany(m.function, given: positional.count), at: nil)
        }
        return try callClosure(m, [receiver] + positional, keywords)
    }
}

/// Members of instances and classes, for the paths that have no cache (`Members.get`).
enum ClassMembers {
    /// `instance.name`: an assigned field, else a method bound to the instance.
    static func get(_ instance: Instance, _ name: String) throws -> Value {
        if let v = instance.field(name) { return v }
        if let m = instance.cls.methods[name] { return .boundMethod(BoundMethod(receiver: instance, method: m)) }
        throw Diagnostic(.noSuchMember(type: instance.cls.name, name: name, suggestion: closestName(to: name, among: names(of: instance))),
                         at: nil)
    }

    /// `Dense.forward`: the plain function (its first parameter is the instance).
    static func get(_ k: ClassType, _ name: String) throws -> Value {
        if let m = k.methods[name] { return .closure(m) }
        throw Diagnostic(.noSuchMember(type: "class \(k.name)", name: name, suggestion: closestName(to: name, among: k.methods.keys)),
                         at: nil)
    }

    /// Assigned fields, then methods (sorted), for completion and suggestions.
    static func names(of instance: Instance) -> [String] {
        instance.assignedFields.map(\.0) + instance.cls.methods.keys.sorted()
    }
}
