extension Parser {
    /// primary = number | string | "true" | "false" | "nil" | name | list | record | paren
    ///         | lambda | ifExpr | tryExpr | superExpr
    mutating func parsePrimary() throws(Diagnostic) -> Expr {
        let t = current
        switch t.kind {
        case .number(let n): _ = advance(); return Expr(.number(n), t.range)
        case .string: _ = advance(); return try parseStringLiteral(t)
        case .keyword(.true): _ = advance(); return Expr(.bool(true), t.range)
        case .keyword(.false): _ = advance(); return Expr(.bool(false), t.range)
        case .keyword(.nil): _ = advance(); return Expr(.nilLiteral, t.range)
        case .identifier(let name):
            try rejectPythonExpression(name)
            _ = advance(); return Expr(.name(name), t.range)
        case .op(.leftBracket): return try parseList()
        case .op(.leftBrace): return try parseRecord()
        case .op(.leftParen): return try parseParenthesised()
        case .keyword(.fn):
            let decl = try parseFunction(named: false)
            return Expr(.function(decl), decl.range)
        case .keyword(.if): return try parseIf()
        case .keyword(.try): return try parseTry()
        case .keyword(.super): return try parseSuper()
        default: throw unexpected("an expression")
        }
    }

    /// list = "[" [ expression { "," expression } [","] ] "]"
    ///      | "[" expression clause { clause } "]" ;  clause = "for" target "in" orExpr { "if" orExpr }
    mutating func parseList() throws(Diagnostic) -> Expr {
        let start = advance().range
        var items: [Expr] = []
        while !check(.rightBracket) {
            let item = try parseExpression()
            if items.isEmpty, check(.for) {
                var clauses: [ComprehensionClause] = []
                while match(.for) {
                    let target = try parseForTarget()
                    guard match(.in) else { throw unexpected("'in'") }
                    let iterable = try parseComprehensionPart()
                    var conditions: [Expr] = []
                    while match(.if) { conditions.append(try parseComprehensionPart()) }
                    clauses.append(ComprehensionClause(pattern: target, iterable: iterable, conditions: conditions))
                }
                _ = try expect(.rightBracket, "']', 'for' or 'if'")
                let e = Expr(.comprehension(element: item, clauses: clauses), range(from: start))
                return try limited(e, at: e.range)
            }
            items.append(item)
            if !match(.comma) { break }
        }
        _ = try expect(.rightBracket, "']' or ','")
        return Expr(.list(items), range(from: start))
    }

    /// A comprehension's iterable or condition: an expression that stops before `if` and
    /// `for` (an `if` there starts a filter, not an `if` expression).
    mutating func parseComprehensionPart() throws(Diagnostic) -> Expr {
        let e = try nested { (p: inout Parser) throws(Diagnostic) -> Expr in try p.parseOr() }
        return try limited(e, at: e.range)
    }

    /// record = "{" [ field { "," field } [","] ] "}" ;  field = key ":" expression
    /// key = NAME | STRING | [ "-" ] NUMBER | "true" | "false" | "(" expression ")"
    mutating func parseRecord() throws(Diagnostic) -> Expr {
        let start = advance().range
        var fields: [RecordField] = []
        skipNewlines()
        while !check(.rightBrace) {
            let key = try parseRecordKey()
            _ = try expect(.colon, "':' after the key")
            skipNewlines()
            fields.append(RecordField(key: key, value: try parseExpression()))
            skipNewlines()
            if !match(.comma) { break }
            skipNewlines()
        }
        _ = try expect(.rightBrace, "'}' or ','")
        return Expr(.record(fields), range(from: start))
    }

    /// A record key: a name is the string of its spelling (`{lr: 0.1}`), literals are
    /// themselves, and a parenthesised expression is evaluated (`{(k): v}`).
    mutating func parseRecordKey() throws(Diagnostic) -> Expr {
        let t = current
        switch t.kind {
        case .identifier(let name): _ = advance(); return Expr(.string(name), t.range)
        case .string: _ = advance(); return try parseStringLiteral(t)
        case .number(let n): _ = advance(); return Expr(.number(n), t.range)
        case .keyword(.true), .keyword(.false): _ = advance(); return Expr(.bool(t.kind == .keyword(.true)), t.range)
        case .op(.minus):
            guard case .number(let n) = tokens[Swift.min(index + 1, tokens.count - 1)].kind else { break }
            _ = advance()
            return Expr(.number(-n), t.range.to(advance().range))
        case .op(.leftParen): return try parseParenthesised()
        default: break
        }
        throw unexpected("a key (a name, a string, a number or a parenthesised expression)")
    }

    /// paren = "(" ")" | "(" expression ")" | "(" expression "," [ expression { "," expression } [","] ] ")"
    mutating func parseParenthesised() throws(Diagnostic) -> Expr {
        let start = advance().range
        if match(.rightParen) { return Expr(.tuple([]), range(from: start)) }
        let first = try parseExpression()
        if match(.rightParen) { return Expr(first.kind, range(from: start)) }
        var items = [first]
        _ = try expect(.comma, "')' or ','")
        while !check(.rightParen) {
            items.append(try parseExpression())
            if !match(.comma) { break }
        }
        _ = try expect(.rightParen, "')' or ','")
        return Expr(.tuple(items), range(from: start))
    }

    /// ifExpr = "if" expression block { "else" "if" expression block } [ "else" block ]
    mutating func parseIf() throws(Diagnostic) -> Expr {
        let start = advance().range
        var branches: [(condition: Expr, body: Block)] = []
        var otherwise: Block?
        branches.append((try parseExpression(), try parseBlock()))
        while try elseFollows() {
            _ = advance()
            if match(.if) {
                branches.append((try parseExpression(), try parseBlock()))
            } else {
                otherwise = try parseBlock()
                break
            }
        }
        return Expr(.conditional(branches: branches, otherwise: otherwise), range(from: start))
    }

    /// `else` may start the next line after a closing brace. Python's `elif` there is an error.
    mutating func elseFollows() throws(Diagnostic) -> Bool {
        var i = index
        while tokens[i].kind == .newline && i < tokens.count - 1 { i += 1 }
        if tokens[i].kind == .identifier("elif") { throw Diagnostic(.pythonSpelling(python: "elif", mnl: "else if"), at: tokens[i].range) }
        guard tokens[i].kind == .keyword(.else) else { return false }
        index = i
        return true
    }

    /// tryExpr = "try" block "catch" [ name ] block
    mutating func parseTry() throws(Diagnostic) -> Expr {
        let start = advance().range
        let body = try parseBlock()
        skipNewlines()
        guard match(.catch) else { throw unexpected("'catch'") }
        var name: String?, nameRange: SourceRange?
        if case .identifier(let n) = current.kind { name = n; nameRange = advance().range }
        let handler = try parseBlock()
        return Expr(.tryCatch(body: body, name: name, nameRange: nameRange, handler: handler), range(from: start))
    }
}
