import MNLSyntax
import Testing

@Suite struct ParserTests {
    func parse(_ text: String) -> (Program, [Diagnostic]) { Parser.parse(SourceFile(name: "t", text: text)) }

    func expression(_ text: String) throws -> ExprKind {
        let (program, errors) = parse(text)
        #expect(errors.isEmpty)
        guard case .expression(let e)? = program.statements.first?.kind else {
            Issue.record("not an expression statement: \(text)")
            return .nilLiteral
        }
        return e.kind
    }

    @Test func precedenceFollowsPython() throws {
        guard case .binary(.add, _, let rhs) = try expression("1 + 2 * 3"), case .binary(.multiply, _, _) = rhs.kind else {
            Issue.record("* binds tighter than +"); return
        }
        guard case .unary(.negate, let operand) = try expression("-2 ** 2"), case .binary(.power, _, _) = operand.kind else {
            Issue.record("** binds tighter than unary -"); return
        }
        guard case .binary(.power, _, let exponent) = try expression("2 ** 3 ** 2"), case .binary(.power, _, _) = exponent.kind else {
            Issue.record("** is right-associative"); return
        }
        guard case .binary(.matmul, _, _) = try expression("a @ b") else { Issue.record("@"); return }
        guard case .comparison(_, let rest) = try expression("a < b <= c") else { Issue.record("chain"); return }
        #expect(rest.map(\.0) == [.less, .lessEqual])
        guard case .or(_, let right) = try expression("a or b and not c"), case .and(_, let last) = right.kind,
              case .not = last.kind else { Issue.record("or < and < not"); return }
    }

    @Test func statementsAndBlocks() {
        let (program, errors) = parse("""
        fn f(x, lr=0.1) { x * lr }
        for (a, b) in pairs { total += a }
        while n < 3 { n += 1 }
        w[:, 0] = 0
        cfg.lr = 0.01
        (a, b) = pair
        import "util.mnl"
        assert ok, "message"
        """)
        #expect(errors.isEmpty)
        #expect(program.statements.count == 8)
        guard case .function(let decl) = program.statements[0].kind else { Issue.record("fn"); return }
        #expect(decl.name == "f")
        #expect(decl.parameters.map(\.name) == ["x", "lr"])
        #expect(decl.parameters[1].defaultValue != nil)
        guard case .assign(.index(_, let items, _), _) = program.statements[3].kind, items.count == 2 else { Issue.record("index target"); return }
        guard case .assign(.tuple(let parts, _), _) = program.statements[5].kind else { Issue.record("tuple target"); return }
        #expect(parts.count == 2)
    }

    @Test func slicesCallsAndInterpolation() throws {
        guard case .index(_, let items) = try expression("x[1:5:2, :, ::-1]") else { Issue.record("slices"); return }
        #expect(items.count == 3)
        guard case .call(_, let args) = try expression("f(x, lr=0.1)") else { Issue.record("call"); return }
        #expect(args.map(\.label) == [nil, "lr"])
        guard case .interpolated(let parts) = try expression("\"a {b:.2f} c\"") else { Issue.record("interpolation"); return }
        #expect(parts.count == 3)
        if case .expression(_, let spec?) = parts[1] { #expect(spec.precision == 2 && spec.type == "f") } else { Issue.record("spec") }
    }

    /// Issue 10: `...` is an index item of its own (NumPy's Ellipsis); `nil` there is an
    /// ordinary expression (the tensor binding makes it a new axis). Outside an index `...`
    /// is no expression.
    @Test func ellipsisIsAnIndexItem() throws {
        guard case .index(_, let items) = try expression("x[..., nil, 0]") else { Issue.record("ellipsis"); return }
        #expect(items.count == 3)
        guard case .ellipsis(let r) = items[0] else { Issue.record("first item is '...'"); return }
        #expect(r.end - r.start == 3)
        guard case .single(let e) = items[1], case .nilLiteral = e.kind else { Issue.record("nil item"); return }
        #expect(!parse("x = ...").1.isEmpty)
    }

    @Test func recoveryReportsEveryError() {
        let (_, errors) = parse("x = 1 +\ny = 2 +\nz = 3")
        #expect(errors.count == 2)
        #expect(errors.map { $0.range.map { $0.file.location(of: $0.start).line } } == [1, 2])
    }

    @Test func incompleteInputAsksForMore() {
        // A `"` string ends on its line (issue 9): only an open triple-quoted one asks for more.
        for text in ["fn f(x) {", "[1, 2,", "f(1,", "if x {\n  y", "\"\"\"open {x", "s = \"\"\"\nline"] {
            let (_, errors) = parse(text)
            #expect(errors.contains { $0.isIncompleteInput }, "\(text)")
        }
        let (_, complete) = parse("x = 1")
        #expect(complete.isEmpty)
        let (_, wrong) = parse("x = )")
        #expect(!wrong.contains { $0.isIncompleteInput })
        let (_, unclosed) = parse("\"open {x")
        #expect(unclosed.map(\.kind) == [.unterminatedString])
    }

    @Test func errorKinds() {
        #expect(parse("1 = 2").1.first?.kind == .invalidAssignmentTarget)
        #expect(parse("f(a=1, 2)").1.first?.kind == .positionalAfterKeyword)
        #expect(parse("fn f(a, a) { }").1.first?.kind == .duplicateParameter("a"))
        #expect(parse("\"{x:zz}\"").1.first?.kind == .invalidFormatSpec("zz"))
        #expect(parse(String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300)).1.first?.kind
                == .nestingTooDeep(limit: Parser.maxDepth))
    }
}
