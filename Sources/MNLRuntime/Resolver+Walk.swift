import MNLSyntax

extension Resolver {
    mutating func statements(_ list: [Stmt]) {
        for s in list { statement(s) }
    }

    mutating func block(_ b: Block) { statements(b.statements) }

    mutating func statement(_ s: Stmt) {
        switch s.kind {
        case .expression(let e): expression(e)
        case .assign(let target, let value):
            expression(value)
            pattern(target)
        case .compoundAssign(_, let target, let value):
            expression(value)
            if case .name(let n, let r) = target { _ = lookup(n, r) }
            pattern(target)
        case .function(let decl):
            if let name = decl.name { resolution.names[decl.range.start] = assignmentTarget(name) }
            function(decl)
        case .forLoop(let target, let iterable, let body):
            expression(iterable)
            pattern(target)
            loopDepth += 1
            block(body)
            loopDepth -= 1
        case .whileLoop(let condition, let body):
            expression(condition)
            loopDepth += 1
            block(body)
            loopDepth -= 1
        case .breakLoop: if loopDepth == 0 { report(.outsideLoop(keyword: "break"), s.range) }
        case .continueLoop: if loopDepth == 0 { report(.outsideLoop(keyword: "continue"), s.range) }
        case .returnValue(let value):
            if scope.isTopLevel { report(.returnOutsideFunction, s.range) }
            if let value { expression(value) }
        case .importFile: break
        case .assert(let condition, let message):
            expression(condition)
            if let message { expression(message) }
        case .delete(let target): pattern(target)
        case .global:
            if scope.isTopLevel { report(.globalOutsideFunction, s.range) }
        case .classDecl(let decl): classDeclaration(decl)
        }
    }

    mutating func pattern(_ p: Pattern) {
        switch p {
        case .name(let n, let r): resolution.names[r.start] = assignmentTarget(n)
        case .index(let base, let items, _):
            expression(base)
            indexItems(items)
        case .member(let base, _, _): expression(base)
        case .tuple(let parts, _): for part in parts { pattern(part) }
        }
    }

    mutating func indexItems(_ items: [IndexItem]) {
        for item in items {
            switch item {
            case .single(let e): expression(e)
            case .slice(let a, let b, let c, _): for e in [a, b, c].compactMap({ $0 }) { expression(e) }
            case .ellipsis: break
            }
        }
    }

    mutating func expression(_ e: Expr) {
        switch e.kind {
        case .number, .string, .bool, .nilLiteral: break
        case .interpolated(let parts):
            for case .expression(let inner, _) in parts { expression(inner) }
        case .name(let n):
            if let ref = lookup(n, e.range) { resolution.names[e.range.start] = ref }
        case .list(let items), .tuple(let items): for i in items { expression(i) }
        case .comprehension(let element, let clauses):
            for c in clauses {
                expression(c.iterable)
                pattern(c.pattern)
                for condition in c.conditions { expression(condition) }
            }
            expression(element)
        case .record(let fields):
            for f in fields {
                expression(f.key)
                expression(f.value)
            }
        case .unary(_, let x), .not(let x): expression(x)
        case .binary(_, let a, let b), .and(let a, let b), .or(let a, let b), .range(let a, let b):
            expression(a)
            expression(b)
        case .comparison(let first, let rest):
            expression(first)
            for (_, x) in rest { expression(x) }
        case .call(let callee, let args):
            expression(callee)
            for a in args { expression(a.value) }
        case .index(let base, let items):
            expression(base)
            indexItems(items)
        case .member(let base, _, _): expression(base)
        case .function(let decl): function(decl)
        case .conditional(let branches, let otherwise):
            for (c, b) in branches { expression(c); block(b) }
            if let otherwise { block(otherwise) }
        case .tryCatch(let body, let name, let nameRange, let handler):
            block(body)
            if let name, let nameRange { resolution.names[nameRange.start] = assignmentTarget(name) }
            block(handler)
        case .superMember: superReference(e.range)
        }
    }
}

/// The names a list of statements assigns, not looking inside nested function bodies
/// (a nested `fn name` declaration does assign `name`).
enum AssignedNames {
    static func collect(_ statements: [Stmt]) -> [String] {
        var names: [String] = []
        var seen = Set<String>()
        func add(_ n: String) { if seen.insert(n).inserted { names.append(n) } }
        func pattern(_ p: Pattern) {
            switch p {
            case .name(let n, _): add(n)
            case .tuple(let parts, _): parts.forEach(pattern)
            case .index, .member: break
            }
        }
        func expr(_ e: Expr) {
            switch e.kind {
            case .conditional(let branches, let otherwise):
                for (c, b) in branches { expr(c); walk(b.statements) }
                if let otherwise { walk(otherwise.statements) }
            case .tryCatch(let body, let name, _, let handler):
                walk(body.statements)
                if let name { add(name) }
                walk(handler.statements)
            case .comprehension(_, let clauses): for c in clauses { pattern(c.pattern) }
            default: break
            }
        }
        func walk(_ list: [Stmt]) {
            for s in list {
                switch s.kind {
                case .assign(let p, let v): pattern(p); expr(v)
                case .compoundAssign(_, let p, _): pattern(p)
                case .function(let d): if let n = d.name { add(n) }
                case .classDecl(let d): add(d.name)
                case .forLoop(let p, _, let body): pattern(p); walk(body.statements)
                case .whileLoop(_, let body): walk(body.statements)
                case .expression(let e): expr(e)
                default: break
                }
            }
        }
        walk(statements)
        return names
    }

    /// Names listed in `global` statements directly in this body.
    static func declaredGlobal(_ statements: [Stmt]) -> Set<String> {
        var result = Set<String>()
        func walk(_ list: [Stmt]) {
            for s in list {
                switch s.kind {
                case .global(let names): result.formUnion(names)
                case .forLoop(_, _, let b), .whileLoop(_, let b): walk(b.statements)
                default: break
                }
            }
        }
        walk(statements)
        return result
    }
}

/// The visible name closest to a misspelt one, if any is close enough to suggest.
/// Names longer than `maxSuggestedLength` get no suggestion (nobody mistypes one that long, and
/// the search would take time quadratic in it); candidates whose length alone puts them out of
/// reach are skipped without computing a distance.
func closestName(to name: String, among candidates: some Sequence<String>) -> String? {
    let maxSuggestedLength = 64
    let letters = Array(name)
    guard letters.count <= maxSuggestedLength else { return nil }
    var best: (String, Int)?
    let limit = Swift.max(1, letters.count / 3)
    for c in candidates where c != name {
        let other = Array(c)
        guard Swift.abs(other.count - letters.count) <= limit else { continue }
        let d = editDistance(letters, other)
        guard d <= limit else { continue }
        if let (name, distance) = best, d > distance || (d == distance && c >= name) { continue }
        best = (c, d)
    }
    return best?.0
}

/// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
/// two neighbouring letters each cost one, so the common typo `rnadn` is one edit from `randn`.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    var before = [Int](repeating: 0, count: b.count + 1)   // row i - 2
    var previous = Array(0...b.count)                        // row i - 1
    var row = previous
    for i in 1...a.count {
        row[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            row[j] = Swift.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { row[j] = Swift.min(row[j], before[j - 2] + 1) }
        }
        (before, previous) = (previous, row)
    }
    return row[b.count]
}
