import MNLSyntax

/// What `super` needs from the method around it: whether its class has a base, and the name
/// of the method's first parameter (the instance), which `super` reads like any variable.
struct MethodContext {
    let className: String
    let hasBase: Bool
    let receiver: String
}

extension Resolver {
    /// A class declaration assigns its name like `fn` does; the base is read first. Methods are
    /// functions of the enclosing scope (they see its variables, not each other's names).
    mutating func classDeclaration(_ decl: ClassDecl) {
        if let base = decl.base { expression(base) }
        resolution.names[decl.nameRange.start] = assignmentTarget(decl.name)
        let saved = method
        for m in decl.methods {
            method = MethodContext(className: decl.name, hasBase: decl.base != nil, receiver: m.parameters.first?.name ?? "self")
            function(m)
        }
        method = saved
    }

    /// `super.name`: resolved as a read of the method's instance, keyed by the `super` token.
    /// Inside a lambda inside a method, the instance is captured like any other variable.
    mutating func superReference(_ range: SourceRange) {
        guard let method, !scope.isTopLevel else { return report(.classError(.superOutsideMethod), range) }
        guard method.hasBase else { return report(.classError(.superWithoutBase(className: method.className)), range) }
        if let ref = lookup(method.receiver, range) { resolution.names[range.start] = ref }
    }
}
