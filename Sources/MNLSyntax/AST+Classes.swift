/// `class Name(Base) { "doc" fn method(self, ...) { } ... }`: the declaration of a user type.
public final class ClassDecl: Sendable {
    public let name: String
    public let nameRange: SourceRange
    /// The parent class expression (`Layer` in `class Dense(Layer)`); nil without a base.
    public let base: Expr?
    /// The class's doc string: a string literal that opens the body, as in Python.
    public let doc: String?
    public let methods: [FunctionDecl]
    public let range: SourceRange
    public let height: Int

    public init(name: String, nameRange: SourceRange, base: Expr?, doc: String?, methods: [FunctionDecl], range: SourceRange) {
        self.name = name
        self.nameRange = nameRange
        self.base = base
        self.doc = doc
        self.methods = methods
        self.range = range
        self.height = Swift.max(base?.height ?? 0, tallest(methods, \.height)) + 1
    }

    /// The fields the methods create: every `self.NAME = ...` (also `+=` and inside tuples)
    /// where `self` is the method's first parameter, in order of first appearance. The runtime
    /// lays instances out from these names, so reading `self.W` needs no dictionary.
    public var assignedFields: [String] {
        var names: [String] = []
        var seen = Set<String>()
        for method in methods {
            guard let receiver = method.parameters.first?.name else { continue }
            FieldCollector(receiver: receiver) { if seen.insert($0).inserted { names.append($0) } }.walk(method.body.statements)
        }
        return names
    }
}

extension FunctionDecl {
    /// The doc string: a plain string literal as the first statement of the body (Python's rule).
    public var doc: String? {
        guard let first = body.statements.first, case .expression(let e) = first.kind, case .string(let s) = e.kind else { return nil }
        return s
    }
}

/// Finds `receiver.NAME = ...` assignments in a method body, looking into blocks but not into
/// nested functions (whose `self`, if any, is another variable).
private struct FieldCollector {
    let receiver: String
    let found: (String) -> Void

    func walk(_ statements: [Stmt]) {
        for s in statements {
            switch s.kind {
            case .assign(let p, let e): pattern(p); expression(e)
            case .compoundAssign(_, let p, let e): pattern(p); expression(e)
            case .forLoop(_, _, let body), .whileLoop(_, let body): walk(body.statements)
            case .expression(let e), .returnValue(let e?): expression(e)
            default: break
            }
        }
    }

    func pattern(_ p: Pattern) {
        switch p {
        case .member(let base, let name, _): if case .name(receiver) = base.kind { found(name) }
        case .tuple(let parts, _): parts.forEach(pattern)
        case .name, .index: break
        }
    }

    /// Blocks of `if` and `try` expressions hold statements too.
    func expression(_ e: Expr) {
        switch e.kind {
        case .conditional(let branches, let otherwise):
            for (_, body) in branches { walk(body.statements) }
            if let otherwise { walk(otherwise.statements) }
        case .tryCatch(let body, _, _, let handler):
            walk(body.statements)
            walk(handler.statements)
        default: break
        }
    }
}
