extension Parser {
    /// classDecl = "class" NAME [ "(" expression ")" ] classBody
    /// classBody = "{" [ STRING terminator ] { fnDecl terminator } "}"
    mutating func parseClass() throws(Diagnostic) -> Stmt {
        let start = advance().range
        let (name, nameRange) = try expectIdentifier("a class name")
        var base: Expr?
        if match(.leftParen) {
            base = try parseExpression()
            _ = try expect(.rightParen, "')' after the base class")
        }
        let open = try expect(.leftBrace, "'{'")
        let (doc, methods) = try nested { (p: inout Parser) throws(Diagnostic) -> (String?, [FunctionDecl]) in
            try p.parseClassBodyRecovering()
        }
        let decl = ClassDecl(name: name, nameRange: nameRange, base: base, doc: doc, methods: methods, range: range(from: start))
        guard decl.height <= Parser.maxTreeDepth else { throw Diagnostic(.expressionTooDeep(limit: Parser.maxTreeDepth), at: open.range) }
        return Stmt(.classDecl(decl), decl.range)
    }

    /// The body; after an error inside it, the parser moves past the class's closing brace
    /// before reporting it, so that the rest of the body is not read as top-level statements
    /// (one error, not a cascade). At the end of input it stays put: the prompt asks for more.
    mutating func parseClassBodyRecovering() throws(Diagnostic) -> (String?, [FunctionDecl]) {
        let start = index
        do {
            return try parseClassBody()
        } catch {
            if case .unexpectedEndOfInput = error.kind { throw error }
            if error.kind.isDepthLimit { throw error }
            skipToClosingBrace(from: start)
            throw error
        }
    }

    /// Moves past the `}` that closes the block whose body starts at token `start`.
    mutating func skipToClosingBrace(from start: Int) {
        index = start
        var open = 1
        while !atEnd {
            let t = advance()
            if t.kind == .op(.leftBrace) { open += 1 }
            if t.kind == .op(.rightBrace) { open -= 1; if open == 0 { return } }
        }
    }

    /// The body after its `{`, up to and including the `}`: an optional doc string, then methods.
    mutating func parseClassBody() throws(Diagnostic) -> (String?, [FunctionDecl]) {
        skipSeparators()
        var doc: String?
        if case .string = current.kind {
            let literal = try parseStringLiteral(advance())
            guard case .string(let text) = literal.kind else { throw Diagnostic(.classError(.notAMethod), at: literal.range) }
            doc = text
            try expectTerminator()
            skipSeparators()
        }
        var methods: [FunctionDecl] = []
        var seen: Set<String> = []
        while !match(.rightBrace) {
            if atEnd { throw unexpected("'}'") }
            guard check(.fn) else { throw Diagnostic(.classError(.notAMethod), at: current.range) }
            let method = try parseFunction(named: true)
            let name = method.name ?? ""
            guard !method.parameters.isEmpty else { throw Diagnostic(.classError(.methodWithoutSelf(method: name)), at: method.range) }
            guard seen.insert(name).inserted else { throw Diagnostic(.classError(.duplicateMethod(name)), at: method.range) }
            methods.append(method)
            try expectTerminator()
            skipSeparators()
        }
        return (doc, methods)
    }

    /// superExpr = "super" [ "(" ")" ] "." NAME   (`super()` is accepted for Python habits)
    mutating func parseSuper() throws(Diagnostic) -> Expr {
        let start = advance().range
        if match(.leftParen) { _ = try expect(.rightParen, "')' (super takes no arguments)") }
        _ = try expect(.dot, "'.' and a method name after 'super'")
        let (name, r) = try expectIdentifier("a method name after 'super.'")
        return Expr(.superMember(name: name, nameRange: r), start.to(r))
    }
}
