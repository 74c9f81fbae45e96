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
        case .identifier(let name): _ = advance(); return Expr(.name(name), t.range)
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
    ///      | "[" expression "for" target "in" expression [ "if" expression ] "]"
    mutating func parseList() throws(Diagnostic) -> Expr {
        let start = advance().range
        var items: [Expr] = []
        while !check(.rightBracket) {
            let item = try parseExpression()
            if items.isEmpty, match(.for) {
                let target = try parseForTarget()
                guard match(.in) else { throw unexpected("'in'") }
                let iterable = try parseExpression()
                let condition = match(.if) ? try parseExpression() : nil
                _ = try expect(.rightBracket, "']'")
                return Expr(.comprehension(element: item, pattern: target, iterable: iterable, condition: condition),
                            range(from: start))
            }
            items.append(item)
            if !match(.comma) { break }
        }
        _ = try expect(.rightBracket, "']' or ','")
        return Expr(.list(items), range(from: start))
    }

    /// record = "{" [ field { "," field } [","] ] "}" ;  field = (name | string) ":" expression
    mutating func parseRecord() throws(Diagnostic) -> Expr {
        let start = advance().range
        var fields: [RecordField] = []
        skipNewlines()
        while !check(.rightBrace) {
            let key: String
            switch current.kind {
            case .identifier(let name): key = name
            case .string(let raw) where !raw.contains("{"): key = raw
            default: throw unexpected("a field name")
            }
            _ = advance()
            _ = try expect(.colon, "':' after the field name")
            skipNewlines()
            fields.append(RecordField(key: key, value: try parseExpression()))
            skipNewlines()
            if !match(.comma) { break }
            skipNewlines()
        }
        _ = try expect(.rightBrace, "'}' or ','")
        return Expr(.record(fields), range(from: start))
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
        while elseFollows() {
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

    /// `else` may start the next line after a closing brace.
    mutating func elseFollows() -> Bool {
        var i = index
        while tokens[i].kind == .newline && i < tokens.count - 1 { i += 1 }
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
