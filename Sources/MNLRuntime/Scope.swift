import MNLSyntax

/// A variable local to one function. Its storage is decided after the whole function has
/// been resolved: a frame slot, or a heap cell when an inner function captures it.
final class LocalVariable {
    let name: String
    let isParameter: Bool
    var isCaptured = false
    /// Frame slot (parameters keep theirs even when captured: the call writes them there).
    var slot = -1
    /// Index in the frame's cell table, when captured.
    var cell = -1

    init(name: String, isParameter: Bool) {
        self.name = name
        self.isParameter = isParameter
    }
}

/// Where a name refers to, decided before the program runs.
enum VariableRef {
    case local(LocalVariable)
    /// The i-th variable this function captured from enclosing functions.
    case captured(Int)
    case global(Int)
}

/// The resolver's record of one function (or of the top level, where `decl` is nil).
final class FunctionScope {
    let decl: FunctionDecl?
    let parent: FunctionScope?
    var locals: [String: LocalVariable] = [:]
    var localOrder: [LocalVariable] = []
    var declaredGlobal: Set<String> = []
    /// Captured variables, in capture order, with where the parent finds each one.
    var captures: [(name: String, source: VariableRef)] = []
    var captureIndex: [String: Int] = [:]
    var slotCount = 0
    var ownCellCount = 0

    init(decl: FunctionDecl?, parent: FunctionScope?) {
        self.decl = decl
        self.parent = parent
    }

    var isTopLevel: Bool { decl == nil }

    @discardableResult
    func declareLocal(_ name: String, isParameter: Bool = false) -> LocalVariable {
        if let v = locals[name] { return v }
        let v = LocalVariable(name: name, isParameter: isParameter)
        locals[name] = v
        localOrder.append(v)
        return v
    }

    /// Assigns slots and cells once every inner function has been resolved.
    func layout() {
        var slot = 0, cell = 0
        for v in localOrder {
            if v.isParameter || !v.isCaptured { v.slot = slot; slot += 1 }
            if v.isCaptured { v.cell = cell; cell += 1 }
        }
        slotCount = slot
        ownCellCount = cell
    }

    var cellCount: Int { ownCellCount + captures.count }
}

/// The resolved form: the AST plus, for every name occurrence, where it lives.
/// Name occurrences are keyed by the byte offset where they start in their file.
struct Resolution {
    var names: [Int: VariableRef] = [:]
    var functions: [ObjectIdentifier: FunctionScope] = [:]
    var diagnostics: [Diagnostic] = []

    func scope(of decl: FunctionDecl) -> FunctionScope? { functions[ObjectIdentifier(decl)] }
}
