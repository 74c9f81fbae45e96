import MNLSyntax

/// Decides, before anything runs, where every variable lives (see Grammar.md, "Scope"):
/// - top-level assignments create globals (session-wide slots);
/// - inside a function, a name that the function assigns is local to it (as in Python), so
///   a function's temporaries never overwrite a top-level variable; `global x` opts out;
/// - a name that an enclosing *function* defines is captured (closures share the variable);
/// - any other name is a global or a builtin; a name defined nowhere is an error here.
struct Resolver {
    let globals: GlobalTable
    var resolution = Resolution()
    var scope: FunctionScope
    var loopDepth = 0
    /// The method being resolved, for `super` (see Resolver+Classes.swift).
    var method: MethodContext?

    init(globals: GlobalTable) {
        self.globals = globals
        self.scope = FunctionScope(decl: nil, parent: nil)
    }

    /// Resolves a program against the session's globals (new top-level names get new slots).
    static func resolve(_ program: Program, globals: GlobalTable) -> Resolution {
        var r = Resolver(globals: globals)
        for name in AssignedNames.collect(program.statements) { _ = globals.slot(for: name) }
        for name in AssignedNames.declaredGlobal(program.statements) { _ = globals.slot(for: name) }
        r.statements(program.statements)
        return r.resolution
    }

    mutating func report(_ kind: DiagnosticKind, _ range: SourceRange) {
        resolution.diagnostics.append(Diagnostic(kind, at: range))
    }

    /// Where a name read refers to; reports it when it is defined nowhere.
    mutating func lookup(_ name: String, _ range: SourceRange) -> VariableRef? {
        if let ref = reference(name, in: scope) { return ref }
        if let habit = PythonHabits.undefinedName(name) { report(habit, range); return nil }
        report(.undefinedVariable(name: name, suggestion: suggestion(for: name)), range)
        return nil
    }

    mutating func reference(_ name: String, in s: FunctionScope) -> VariableRef? {
        if !s.isTopLevel {
            if let v = s.locals[name] { return .local(v) }
            if !s.declaredGlobal.contains(name), let i = capture(name, into: s) { return .captured(i) }
        }
        return globals.existingSlot(for: name).map { .global($0) }
    }

    /// Finds `name` in the functions enclosing `s`, threading the capture through each
    /// function in between. Returns its index in `s.captures`.
    func capture(_ name: String, into s: FunctionScope) -> Int? {
        if let i = s.captureIndex[name] { return i }
        guard let parent = s.parent, !parent.isTopLevel else { return nil }
        let source: VariableRef
        if let v = parent.locals[name] {
            v.isCaptured = true
            source = .local(v)
        } else if !parent.declaredGlobal.contains(name), let j = capture(name, into: parent) {
            source = .captured(j)
        } else {
            return nil
        }
        s.captures.append((name, source))
        s.captureIndex[name] = s.captures.count - 1
        return s.captures.count - 1
    }

    /// Where an assignment to `name` goes.
    mutating func assignmentTarget(_ name: String) -> VariableRef {
        if scope.isTopLevel || scope.declaredGlobal.contains(name) { return .global(globals.slot(for: name)) }
        if let v = scope.locals[name] { return .local(v) }
        if let i = capture(name, into: scope) { return .captured(i) }
        return .local(scope.declareLocal(name))
    }

    func suggestion(for name: String) -> String? {
        var visible = Set(globals.names)
        var s: FunctionScope? = scope
        while let f = s { visible.formUnion(f.locals.keys); s = f.parent }
        return closestVariable(to: name, among: visible)
    }

    /// Resolves a function body in a new scope; its own assignments are hoisted first.
    mutating func function(_ decl: FunctionDecl) {
        let inner = FunctionScope(decl: decl, parent: scope)
        for p in decl.parameters { inner.declareLocal(p.name, isParameter: true) }
        inner.declaredGlobal = AssignedNames.declaredGlobal(decl.body.statements)
        for name in AssignedNames.collect(decl.body.statements)
            where !inner.declaredGlobal.contains(name) && inner.locals[name] == nil && !enclosingFunctionDefines(name) {
            inner.declareLocal(name)
        }
        // Defaults are evaluated in the function's own frame, after the parameters before them.
        let saved = (scope, loopDepth)
        scope = inner
        loopDepth = 0
        for p in decl.parameters { if let d = p.defaultValue { expression(d) } }
        block(decl.body)
        inner.layout()
        (scope, loopDepth) = saved
        resolution.functions[ObjectIdentifier(decl)] = inner
    }

    /// True when a function enclosing the one being created defines `name` as a local.
    func enclosingFunctionDefines(_ name: String) -> Bool {
        var s: FunctionScope? = scope
        while let f = s, !f.isTopLevel {
            if f.declaredGlobal.contains(name) { return false }
            if f.locals[name] != nil { return true }
            s = f.parent
        }
        return false
    }
}
