import MNLSyntax
import Testing

/// Issue 8 (#7): flat text that builds a deep tree. Chains (each operator, call, index or `.`
/// adds a level) are refused past `Parser.maxTreeDepth`, at the link that crossed it; nesting
/// (brackets, blocks, prefix operators, `**`) past `Parser.maxDepth`. Either way the parser
/// stops building, so even 10⁵ links end in one clean error.
@Suite struct TreeDepthTests {
    static let limit = Parser.maxTreeDepth

    func parse(_ text: String) -> (Program, [Diagnostic]) { Parser.parse(SourceFile(name: "t", text: text)) }

    /// `first`, then `link` repeated so that the chain has `count` operands.
    static func chain(_ first: String, _ link: String, operands count: Int) -> String {
        first + String(repeating: link, count: count - 1)
    }

    /// The only error of `text`, with its line and column.
    func onlyError(_ text: String) throws -> (DiagnosticKind, line: Int, column: Int) {
        let (_, errors) = parse(text)
        #expect(errors.count == 1, "\(errors.count) errors")
        let error = try #require(errors.first)
        let range = try #require(error.range)
        let at = range.file.location(of: range.start)
        return (error.kind, at.line, at.column)
    }

    static let links: [(first: String, link: String)] = [
        ("1", " + 1"), ("1", " - 1"), ("1", " * 1"), ("x", " @ x"), ("\"a\"", " + \"a\""),
        ("true", " and true"), ("false", " or false"),
        ("x", "[0]"), ("x", ".a"), ("f", "()"), ("x", "[0:1]"), ("f", "(1)"),
    ]

    @Test(arguments: links)
    func theLongestAcceptedChainParses(first: String, link: String) throws {
        let (program, errors) = parse("y = " + Self.chain(first, link, operands: Self.limit))
        #expect(errors.isEmpty, "\(errors.first?.kind.message ?? "")")
        guard case .assign(_, let value)? = program.statements.first?.kind else { Issue.record("no assignment"); return }
        #expect(value.height <= Self.limit)
    }

    @Test(arguments: links)
    func oneMoreLinkIsRefusedWhereItCrossesTheLimit(first: String, link: String) throws {
        let (kind, line, column) = try onlyError("y = " + Self.chain(first, link, operands: Self.limit + 1))
        #expect(kind == .expressionTooDeep(limit: Self.limit))
        // The operator (or bracket or dot) of the last link.
        let linkStart = link.firstIndex { $0 != " " }.map { link.distance(from: link.startIndex, to: $0) } ?? 0
        #expect(line == 1 && column == 5 + first.count + (Self.limit - 1) * link.count + linkStart)
    }

    @Test(arguments: links)
    func tenThousandLinksEndInOneError(first: String, link: String) throws {
        let (kind, _, _) = try onlyError("y = " + Self.chain(first, link, operands: 10_000))
        #expect(kind == .expressionTooDeep(limit: Self.limit))
    }

    @Test func aHundredThousandTermsEndInOneError() throws {
        let (kind, _, column) = try onlyError("y = " + Self.chain("1", " + 1", operands: 100_000))
        #expect(kind == .expressionTooDeep(limit: Self.limit) && column == 5 + 1 + (Self.limit - 1) * 4 + 1)
    }

    @Test func chainsInsideChainsAddUp() throws {
        // Each parenthesised chain is 500 deep; the outer chain puts two of them 500 + 501 deep.
        let inner = "(" + Self.chain("1", " + 1", operands: 500) + ")"
        let (kind, _, _) = try onlyError("y = " + Self.chain(inner, " + 1", operands: 502))
        #expect(kind == .expressionTooDeep(limit: Self.limit))
        #expect(parse("y = " + Self.chain(inner, " + 1", operands: 500)).1.isEmpty)
    }

    @Test func deepCodeUnderABlockCounts() throws {
        // A chain under nested `if`s: each `if` adds its block, statement and expression.
        let body = Self.chain("1", " + 1", operands: Self.limit - 20)
        let source = String(repeating: "if true { ", count: 10) + "y = " + body + String(repeating: " }", count: 10)
        let (kind, _, _) = try onlyError(source)
        #expect(kind == .expressionTooDeep(limit: Self.limit))
    }

    @Test func aComparisonChainIsOneNodeHoweverLong() throws {
        let source = "y = " + (0..<20_000).map(String.init).joined(separator: " < ")
        let (program, errors) = parse(source)
        #expect(errors.isEmpty)
        guard case .assign(_, let value)? = program.statements.first?.kind else { Issue.record("no assignment"); return }
        #expect(value.height == 2)
    }

    @Test func anElseIfChainIsOneNodeHoweverLong() throws {
        let source = "y = if x == 0 { 0 }" + (1..<20_000).map { " else if x == \($0) { \($0) }" }.joined() + " else { -1 }"
        let (program, errors) = parse(source)
        #expect(errors.isEmpty)
        #expect((program.statements.first?.height ?? 0) < 10)
    }

    static let nestings: [(open: String, close: String)] = [
        ("(", ")"), ("[", "]"), ("-", ""), ("+", ""), ("not ", ""), ("2 ** ", ""), ("f(", ")"), ("x[", "]"),
        ("{a: ", "}"), ("fn() { ", " }"), ("if true { ", " }"), ("try { ", " } catch { 0 }"),
    ]

    @Test(arguments: nestings)
    func deepNestingIsRefused(open: String, close: String) throws {
        let n = 10_000
        let (kind, _, _) = try onlyError("y = " + String(repeating: open, count: n) + "1" + String(repeating: close, count: n))
        #expect(kind == .nestingTooDeep(limit: Parser.maxDepth))
    }

    @Test func deepStatementNestingIsRefused() throws {
        for (open, close) in [("while true { ", " }"), ("fn g() { ", " }"), ("for i in x { ", " }")] {
            let n = 10_000
            let (kind, _, _) = try onlyError(String(repeating: open, count: n) + "1" + String(repeating: close, count: n))
            #expect(kind == .nestingTooDeep(limit: Parser.maxDepth), "\(open)")
        }
        let (kind, _, _) = try onlyError("for " + String(repeating: "(", count: 10_000) + "a" + " in x { }")
        #expect(kind == .nestingTooDeep(limit: Parser.maxDepth))
    }

    @Test func aHundredThousandParametersParseInLinearTime() throws {
        let names = (0..<100_000).map { "p\($0)" }
        let clock = ContinuousClock()
        let start = clock.now
        let (program, errors) = parse("fn f(\(names.joined(separator: ", "))) { p0 }")
        #expect(errors.isEmpty)
        #expect(clock.now - start < .seconds(5))
        guard case .function(let decl)? = program.statements.first?.kind else { Issue.record("no function"); return }
        #expect(decl.parameters.count == 100_000)
        let (kind, _, _) = try onlyError("fn f(\(names.joined(separator: ", ")), p99999) { p0 }")
        #expect(kind == .duplicateParameter("p99999"))
    }
}
