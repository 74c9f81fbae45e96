extension Parser {
    /// expression = orExpr
    /// Also refuses a tree taller than `maxTreeDepth` (code in an `if`, `try` or function
    /// literal is checked here; chains check each link).
    mutating func parseExpression() throws(Diagnostic) -> Expr {
        let e = try nested { (p: inout Parser) throws(Diagnostic) -> Expr in try p.parseOr() }
        return try limited(e, at: e.range)
    }

    /// orExpr = andExpr { "or" andExpr }
    mutating func parseOr() throws(Diagnostic) -> Expr {
        var lhs = try parseAnd()
        while check(.or) {
            let op = advance().range
            let rhs = try parseAnd()
            lhs = try limited(Expr(.or(lhs, rhs), lhs.range.to(rhs.range)), at: op)
        }
        return lhs
    }

    /// andExpr = notExpr { "and" notExpr }
    mutating func parseAnd() throws(Diagnostic) -> Expr {
        var lhs = try parseNot()
        while check(.and) {
            let op = advance().range
            let rhs = try parseNot()
            lhs = try limited(Expr(.and(lhs, rhs), lhs.range.to(rhs.range)), at: op)
        }
        return lhs
    }

    /// notExpr = "not" notExpr | comparison
    mutating func parseNot() throws(Diagnostic) -> Expr {
        guard check(.not) else { return try parseComparison() }
        let start = advance().range
        let operand = try nested { (p: inout Parser) throws(Diagnostic) -> Expr in try p.parseNot() }
        return Expr(.not(operand), start.to(operand.range))
    }

    /// comparison = bitOr { ("==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not" "in") bitOr }
    /// A chain of comparisons is one node however long (later stages loop over it).
    mutating func parseComparison() throws(Diagnostic) -> Expr {
        let first = try parseBitOr()
        var rest: [(CompareOperator, Expr)] = []
        var tallest = first.height
        while let c = comparisonOperator() {
            let place = current.range
            _ = advance()
            if c == .notContains { _ = advance() }
            let operand = try parseBitOr()
            tallest = Swift.max(tallest, operand.height)
            if tallest >= Parser.maxTreeDepth { throw Diagnostic(.expressionTooDeep(limit: Parser.maxTreeDepth), at: place) }
            rest.append((c, operand))
        }
        guard let last = rest.last else { return first }
        return Expr(.comparison(first: first, rest: rest), first.range.to(last.1.range))
    }

    /// The comparison operator at the current token (`not` counts only when `in` follows).
    func comparisonOperator() -> CompareOperator? {
        switch current.kind {
        case .op(let op): return CompareOperator(rawValue: op.rawValue)
        case .keyword(.in): return .contains
        case .keyword(.not) where tokens[Swift.min(index + 1, tokens.count - 1)].kind == .keyword(.in): return .notContains
        default: return nil
        }
    }

    /// bitOr = bitXor { "|" bitXor } ;  bitXor = bitAnd { "^" bitAnd } ;  bitAnd = rangeExpr { "&" rangeExpr }
    /// Python's levels: looser than arithmetic, tighter than comparisons, so `a > 0 & b > 0`
    /// means `a > (0 & b) > 0` there and here; masks are written `(a > 0) & (b > 0)`.
    mutating func parseBitOr() throws(Diagnostic) -> Expr {
        try parseBitwise(.pipe, .bitOr) { (p: inout Parser) throws(Diagnostic) -> Expr in
            try p.parseBitwise(.caret, .bitXor) { (q: inout Parser) throws(Diagnostic) -> Expr in
                try q.parseBitwise(.ampersand, .bitAnd) { (r: inout Parser) throws(Diagnostic) -> Expr in try r.parseRange() }
            }
        }
    }

    /// One left-associative level of a bitwise operator over `operand`.
    mutating func parseBitwise(_ token: Operator, _ op: BinaryOperator,
                               _ operand: (inout Parser) throws(Diagnostic) -> Expr) throws(Diagnostic) -> Expr {
        var lhs = try operand(&self)
        while check(token) {
            let place = advance().range
            let rhs = try operand(&self)
            lhs = try limited(Expr(.binary(op, lhs, rhs), lhs.range.to(rhs.range)), at: place)
        }
        return lhs
    }

    /// rangeExpr = additive [ ".." additive ]
    mutating func parseRange() throws(Diagnostic) -> Expr {
        let lhs = try parseAdditive()
        guard check(.dotDot) else { return lhs }
        let op = advance().range
        let rhs = try parseAdditive()
        return try limited(Expr(.range(lhs, rhs), lhs.range.to(rhs.range)), at: op)
    }

    /// additive = multiplicative { ("+" | "-") multiplicative }
    mutating func parseAdditive() throws(Diagnostic) -> Expr {
        var lhs = try parseMultiplicative()
        while case .op(let op) = current.kind, op == .plus || op == .minus {
            let place = advance().range
            let rhs = try parseMultiplicative()
            lhs = try limited(Expr(.binary(op == .plus ? .add : .subtract, lhs, rhs), lhs.range.to(rhs.range)), at: place)
        }
        return lhs
    }

    /// multiplicative = unary { ("*" | "/" | "//" | "%" | "@") unary }
    mutating func parseMultiplicative() throws(Diagnostic) -> Expr {
        let table: [Operator: BinaryOperator] = [.star: .multiply, .slash: .divide, .slashSlash: .floorDivide,
                                                 .percent: .modulo, .at: .matmul]
        var lhs = try parseUnary()
        while case .op(let op) = current.kind, let binary = table[op] {
            let place = advance().range
            let rhs = try parseUnary()
            lhs = try limited(Expr(.binary(binary, lhs, rhs), lhs.range.to(rhs.range)), at: place)
        }
        return lhs
    }

    /// unary = ("-" | "+" | "~") unary | power
    mutating func parseUnary() throws(Diagnostic) -> Expr {
        let unaries: [Operator: UnaryOperator] = [.minus: .negate, .plus: .plus, .tilde: .invert]
        guard case .op(let o) = current.kind, let unary = unaries[o] else { return try parsePower() }
        let op = advance()
        let operand = try nested { (p: inout Parser) throws(Diagnostic) -> Expr in try p.parseUnary() }
        return Expr(.unary(unary, operand), op.range.to(operand.range))
    }

    /// power = postfix [ "**" unary ]   (right-associative; `-2 ** 2` is -4 as in Python)
    mutating func parsePower() throws(Diagnostic) -> Expr {
        let base = try parsePostfix()
        guard match(.starStar) else { return base }
        let exponent = try nested { (p: inout Parser) throws(Diagnostic) -> Expr in try p.parseUnary() }
        return Expr(.binary(.power, base, exponent), base.range.to(exponent.range))
    }

    /// postfix = primary { "(" [ arguments ] ")" | "[" indexItems "]" | "." name }
    mutating func parsePostfix() throws(Diagnostic) -> Expr {
        var e = try parsePrimary()
        while true {
            let place = current.range
            if match(.leftParen) {
                let args = try parseArguments()
                e = try limited(Expr(.call(callee: e, arguments: args), range(from: e.range)), at: place)
            } else if match(.leftBracket) {
                let items = try parseIndexItems()
                e = try limited(Expr(.index(e, items), range(from: e.range)), at: place)
            } else if match(.dot) {
                let (name, r) = try expectIdentifier("a property or method name after '.'")
                e = try limited(Expr(.member(e, name: name, nameRange: r), e.range.to(r)), at: place)
            } else {
                return e
            }
        }
    }

    /// arguments = argument { "," argument } [ "," ] ;  argument = [ name "=" ] expression
    mutating func parseArguments() throws(Diagnostic) -> [Argument] {
        var args: [Argument] = []
        while !check(.rightParen) {
            var label: String?
            if case .identifier(let name) = current.kind, tokens[index + 1].kind == .op(.equal) {
                label = name
                _ = advance(); _ = advance()
            } else if args.last?.label != nil {
                throw Diagnostic(.positionalAfterKeyword, at: current.range)
            }
            args.append(Argument(label: label, value: try parseExpression()))
            if !match(.comma) { break }
        }
        _ = try expect(.rightParen, "')' or ','")
        return args
    }

    /// indexItems = indexItem { "," indexItem } ;  indexItem = "..." | expression | [expression] ":" [expression] [":" [expression]]
    mutating func parseIndexItems() throws(Diagnostic) -> [IndexItem] {
        var items: [IndexItem] = []
        repeat {
            let start = current.range
            if match(.ellipsis) {
                items.append(.ellipsis(start))
                continue
            }
            let first = check(.colon) ? nil : try parseExpression()
            if match(.colon) {
                let stop = check(.colon) || check(.comma) || check(.rightBracket) ? nil : try parseExpression()
                var step: Expr?
                if match(.colon), !check(.comma), !check(.rightBracket) { step = try parseExpression() }
                items.append(.slice(start: first, stop: stop, step: step, range: range(from: start)))
            } else if let first {
                items.append(.single(first))
            }
        } while match(.comma) && !check(.rightBracket)
        _ = try expect(.rightBracket, "']'")
        return items
    }
}
