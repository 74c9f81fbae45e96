/// Tree heights, computed once as each node is built, so that the parser can refuse a tree
/// deeper than the later stages (resolver, compiler, evaluation, release) can recurse through
/// safely. Only `Pattern` computes its height on demand: patterns are rare and shallow.

/// The largest `height(element)` in `items`, 0 when there are none.
func tallest<S: Sequence>(_ items: S, _ height: (S.Element) -> Int) -> Int {
    items.reduce(0) { Swift.max($0, height($1)) }
}

extension ExprKind {
    /// The height of the tallest child; 0 for a leaf.
    var childHeight: Int {
        switch self {
        case .number, .string, .bool, .nilLiteral, .name, .superMember: 0
        case .interpolated(let parts):
            tallest(parts) { if case .expression(let e, _) = $0 { e.height } else { 0 } }
        case .list(let items), .tuple(let items): tallest(items, \.height)
        case .comprehension(let element, let clauses): Swift.max(element.height, tallest(clauses, \.height))
        case .record(let fields): tallest(fields) { Swift.max($0.key.height, $0.value.height) }
        case .unary(_, let x), .not(let x): x.height
        case .binary(_, let a, let b), .and(let a, let b), .or(let a, let b), .range(let a, let b):
            Swift.max(a.height, b.height)
        case .comparison(let first, let rest): Swift.max(first.height, tallest(rest, \.1.height))
        case .call(let callee, let arguments): Swift.max(callee.height, tallest(arguments, \.value.height))
        case .index(let base, let items): Swift.max(base.height, items.height)
        case .member(let base, _, _): base.height
        case .function(let decl): decl.height
        case .conditional(let branches, let otherwise):
            Swift.max(tallest(branches) { Swift.max($0.condition.height, $0.body.height) }, otherwise?.height ?? 0)
        case .tryCatch(let body, _, _, let handler): Swift.max(body.height, handler.height)
        }
    }
}

extension StmtKind {
    /// The height of the tallest child; 0 for a statement without any.
    var childHeight: Int {
        switch self {
        case .expression(let e): e.height
        case .assign(let p, let e), .compoundAssign(_, let p, let e): Swift.max(p.height, e.height)
        case .function(let decl): decl.height
        case .classDecl(let decl): decl.height
        case .forLoop(let p, let e, let body): Swift.max(p.height, e.height, body.height)
        case .whileLoop(let e, let body): Swift.max(e.height, body.height)
        case .returnValue(let e): e?.height ?? 0
        case .assert(let condition, let message): Swift.max(condition.height, message?.height ?? 0)
        case .breakLoop, .continueLoop, .importFile, .global: 0
        case .delete(let p): p.height
        }
    }
}

extension Pattern {
    /// Levels of tree down to the deepest leaf (see `Expr.height`).
    public var height: Int {
        switch self {
        case .name: 1
        case .index(let base, let items, _): Swift.max(base.height, items.height) + 1
        case .member(let base, _, _): base.height + 1
        case .tuple(let parts, _): tallest(parts, \.height) + 1
        }
    }
}

extension Array<IndexItem> {
    /// The height of the tallest expression among the items.
    var height: Int {
        tallest(self) { item in
            switch item {
            case .single(let e): e.height
            case .slice(let a, let b, let c, _): Swift.max(a?.height ?? 0, b?.height ?? 0, c?.height ?? 0)
            case .ellipsis: 0
            }
        }
    }
}
