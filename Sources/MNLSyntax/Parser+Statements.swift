extension Parser {
    /// statement = fnDecl | classDecl | forStmt | whileStmt | "break" | "continue" | returnStmt
    ///           | importStmt | assertStmt | globalStmt | delStmt | simpleStmt
    mutating func parseStatement() throws(Diagnostic) -> Stmt {
        let start = current.range
        switch current.kind {
        case .keyword(.fn) where tokens[Swift.min(index + 1, tokens.count - 1)].kind != .op(.leftParen):
            let decl = try parseFunction(named: true)
            return Stmt(.function(decl), decl.range)
        case .keyword(.for): return try parseFor()
        case .keyword(.class): return try parseClass()
        case .keyword(.while):
            _ = advance()
            let condition = try parseExpression()
            let body = try parseBlock()
            return Stmt(.whileLoop(condition, body), range(from: start))
        case .keyword(.break): _ = advance(); return Stmt(.breakLoop, start)
        case .keyword(.continue): _ = advance(); return Stmt(.continueLoop, start)
        case .keyword(.return):
            _ = advance()
            let atStatementEnd = current.kind == .newline || check(.rightBrace) || check(.semicolon) || atEnd
            let value = atStatementEnd ? nil : try parseExpression()
            return Stmt(.returnValue(value), range(from: start))
        case .keyword(.import):
            _ = advance()
            if case .identifier(let module) = current.kind { throw Diagnostic(.pythonImport(module: module), at: current.range) }
            guard case .string(let path) = current.kind else { throw unexpected("a file name in quotes") }
            _ = advance()
            return Stmt(.importFile(path), range(from: start))
        case .keyword(.assert):
            _ = advance()
            let condition = try parseExpression()
            let message = match(.comma) ? try parseExpression() : nil
            return Stmt(.assert(condition, message: message), range(from: start))
        case .keyword(.global):
            _ = advance()
            var names = [try expectIdentifier("a variable name").0]
            while match(.comma) { names.append(try expectIdentifier("a variable name").0) }
            return Stmt(.global(names), range(from: start))
        case .keyword(.del):
            _ = advance()
            let target = try parseExpression()
            let p = try pattern(from: target)
            switch p {
            case .index, .member: return Stmt(.delete(p), range(from: start))
            default: throw Diagnostic(.invalidDeleteTarget, at: target.range)
            }
        default:
            return try parseSimpleStatement()
        }
    }

    /// simpleStmt = expression [ ("=" | "+=" | "-=" | "*=" | "/=" | "//=" | "%=" | "**=" | "@="
    ///                            | "&=" | "|=" | "^=") expression ]
    mutating func parseSimpleStatement() throws(Diagnostic) -> Stmt {
        let start = current.range
        try rejectPythonStatement()
        let lhs = try parseExpression()
        let compound: [Operator: BinaryOperator] = [.plusEqual: .add, .minusEqual: .subtract,
                                                     .starEqual: .multiply, .slashEqual: .divide,
                                                     .slashSlashEqual: .floorDivide, .percentEqual: .modulo,
                                                     .starStarEqual: .power, .atEqual: .matmul,
                                                     .ampersandEqual: .bitAnd, .pipeEqual: .bitOr, .caretEqual: .bitXor]
        if match(.equal) {
            let target = try pattern(from: lhs)
            skipNewlines()
            let value = try parseExpression()
            return Stmt(.assign(target, value), range(from: start))
        }
        if case .op(let op) = current.kind, let binary = compound[op] {
            _ = advance()
            let target = try pattern(from: lhs)
            if case .tuple = target { throw Diagnostic(.invalidAssignmentTarget, at: lhs.range) }
            skipNewlines()
            let value = try parseExpression()
            return Stmt(.compoundAssign(binary, target, value), range(from: start))
        }
        return Stmt(.expression(lhs), lhs.range)
    }

    /// Turns a parsed expression into an assignment target, or reports why it cannot be one.
    func pattern(from e: Expr) throws(Diagnostic) -> Pattern {
        switch e.kind {
        case .name(let n): return .name(n, e.range)
        case .index(let base, let items): return .index(base, items, e.range)
        case .member(let base, let name, _): return .member(base, name: name, e.range)
        case .tuple(let items), .list(let items):
            var parts: [Pattern] = []
            for item in items { parts.append(try pattern(from: item)) }
            return .tuple(parts, e.range)
        default: throw Diagnostic(.invalidAssignmentTarget, at: e.range)
        }
    }

    /// forStmt = "for" target "in" expression block
    mutating func parseFor() throws(Diagnostic) -> Stmt {
        let start = advance().range
        let target = try parseForTarget()
        guard match(.in) else { throw unexpected("'in'") }
        let iterable = try parseExpression()
        let body = try parseBlock()
        return Stmt(.forLoop(target, iterable, body), range(from: start))
    }

    /// target = targetItem { "," targetItem } ;  targetItem = name | "(" target ")"
    mutating func parseForTarget(nested: Bool = false) throws(Diagnostic) -> Pattern {
        let start = current.range
        if match(.leftParen) {
            return try self.nested { (p: inout Parser) throws(Diagnostic) -> Pattern in
                var parts = [try p.parseForTarget(nested: true)]
                while p.match(.comma) { parts.append(try p.parseForTarget(nested: true)) }
                _ = try p.expect(.rightParen, "')'")
                return .tuple(parts, p.range(from: start))
            }
        }
        let (name, r) = try expectIdentifier("a loop variable")
        guard !nested, check(.comma) else { return .name(name, r) }
        var parts: [Pattern] = [.name(name, r)]
        while match(.comma) {
            let (n, nr) = try expectIdentifier("a loop variable")
            parts.append(.name(n, nr))
        }
        return .tuple(parts, range(from: start))
    }

    /// block = "{" { statement terminator } "}"
    mutating func parseBlock() throws(Diagnostic) -> Block {
        let open = try expect(.leftBrace, "'{'")
        return try nested { (p: inout Parser) throws(Diagnostic) -> Block in
            var statements: [Stmt] = []
            p.skipSeparators()
            while !p.check(.rightBrace) {
                if p.atEnd { throw p.unexpected("'}'") }
                statements.append(try p.parseStatement())
                try p.expectTerminator()
                p.skipSeparators()
            }
            let close = p.advance()
            let block = Block(statements: statements, range: open.range.to(close.range))
            guard block.height <= Parser.maxTreeDepth else {
                throw Diagnostic(.expressionTooDeep(limit: Parser.maxTreeDepth), at: open.range)
            }
            return block
        }
    }

    /// fnDecl = "fn" name "(" [ params ] ")" block ;  lambda = "fn" "(" [ params ] ")" block
    /// params = param { "," param } [ "," ] ;  param = name [ "=" expression ]
    mutating func parseFunction(named: Bool) throws(Diagnostic) -> FunctionDecl {
        let start = advance().range
        let name = named ? try expectIdentifier("a function name").0 : nil
        _ = try expect(.leftParen, "'('")
        var parameters: [Parameter] = []
        var seen: Set<String> = []   // a set keeps a long parameter list linear
        while !check(.rightParen) {
            let (p, r) = try expectIdentifier("a parameter name")
            guard seen.insert(p).inserted else { throw Diagnostic(.duplicateParameter(p), at: r) }
            let value = match(.equal) ? try parseExpression() : nil
            if value == nil, parameters.last?.defaultValue != nil {
                throw Diagnostic(.unexpectedToken(found: "parameter '\(p)' without a default",
                                                  expected: "a default value after parameters that have one"), at: r)
            }
            parameters.append(Parameter(name: p, defaultValue: value, range: r))
            if !match(.comma) { break }
        }
        _ = try expect(.rightParen, "')'")
        let body = try parseBlock()
        return FunctionDecl(name: name, parameters: parameters, body: body, range: range(from: start))
    }
}
