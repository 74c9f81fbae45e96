import MNLSyntax
import Testing

/// Issue 8 (#7, #12): generated scripts whose trees are as deep as the parser allows run to
/// the right result (resolve, compile, evaluation and release all recurse through them), one
/// level more is a positioned error, and long parameter lists cost linear time.
@Suite struct LongChainTests {
    static let limit = Parser.maxTreeDepth

    /// `first` then `link` repeated, `count` operands in all.
    static func chain(_ first: String, _ link: String, operands count: Int) -> String {
        first + String(repeating: link, count: count - 1)
    }

    /// What `source` prints, failing the test on any error.
    func printed(_ source: String) -> [String] {
        let outcome = ScriptHarness.run(source, name: "chain.mnl")
        #expect(outcome.errors.isEmpty, "\(outcome.errors.first?.kind.message ?? "")")
        return outcome.lines
    }

    /// The first error of `source` with its line and column.
    func firstError(_ source: String) throws -> (DiagnosticKind, line: Int, column: Int) {
        let outcome = ScriptHarness.run(source, name: "chain.mnl")
        let error = try #require(outcome.errors.first, "the script should fail")
        let range = try #require(error.range, "the error has no position")
        let at = range.file.location(of: range.start)
        return (error.kind, at.line, at.column)
    }

    /// A chain of each kind, `limit` operands (as deep as the parser allows), assigned to `x`;
    /// `check` prints something about `x`. Named so that a failure does not print the chain.
    struct Deepest: CustomTestStringConvertible, Sendable {
        let name: String, setup: String, first: String, link: String, check: String, expected: String
        var testDescription: String { name }
        var source: String { setup + "\nx = " + LongChainTests.chain(first, link, operands: limit) + "\nprint(\(check))" }
    }

    static let deepest: [Deepest] = [
        Deepest(name: "sum", setup: "", first: "1", link: " + 1", check: "x", expected: "\(limit)"),
        Deepest(name: "difference", setup: "a = 2", first: "a", link: " - 1", check: "x", expected: "\(2 - (limit - 1))"),
        Deepest(name: "product", setup: "a = 1", first: "a", link: " * a", check: "x", expected: "1"),
        Deepest(name: "string sum", setup: "", first: "\"ab\"", link: " + \"ab\"", check: "len(x)", expected: "\(2 * limit)"),
        Deepest(name: "and", setup: "", first: "true", link: " and true", check: "x", expected: "true"),
        Deepest(name: "or", setup: "", first: "false", link: " or false", check: "x", expected: "false"),
        Deepest(name: "matmul", setup: "m = eye(2)", first: "m", link: " @ m", check: "sum(x)", expected: "2"),
        Deepest(name: "index", setup: "xs = [1]\nxs[0] = xs", first: "xs", link: "[0]", check: "x == xs", expected: "true"),
        Deepest(name: "call", setup: "fn f() { return f }", first: "f", link: "()", check: "x == f", expected: "true"),
        Deepest(name: "member", setup: "r = {a: 1}\nr.a = r", first: "r", link: ".a", check: "x == r", expected: "true"),
        Deepest(name: "comparison", setup: "", first: "0", link: " < 1", check: "x", expected: "false"),
    ]

    @Test(arguments: deepest)
    func theDeepestAcceptedChainRunsCorrectly(_ c: Deepest) {
        #expect(printed(c.source) == [c.expected])
    }

    @Test func aLongComparisonChainIsOneLevel() {
        #expect(printed("print(" + (0..<5_000).map(String.init).joined(separator: " < ") + ")") == ["true"])
    }

    @Test func aThousandTermSumInsideAFunctionAndALoop() {
        let body = Self.chain("i", " + 1", operands: Self.limit - 10)
        let source = "fn f(n) {\n  t = 0\n  for i in range(n) {\n    t = t + (\(body))\n  }\n  return t\n}\nprint(f(3))"
        // (0 + 989) + (1 + 989) + (2 + 989)
        #expect(printed(source) == ["\(3 * (Self.limit - 11) + 3)"])
    }

    @Test func oneLevelMoreIsAPositionedError() throws {
        let source = "x = 1\ny = " + Self.chain("1", " + 1", operands: Self.limit + 1)
        let (kind, line, column) = try firstError(source)
        #expect(kind == .expressionTooDeep(limit: Self.limit))
        #expect(line == 2 && column == 5 + 1 + (Self.limit - 1) * 4 + 1)
        let rendered = DiagnosticRenderer().render(ScriptHarness.run(source, name: "chain.mnl").errors[0])
        #expect(rendered.hasPrefix("chain.mnl:2:\(column): error: expression too deep"))
    }

    @Test func aHundredThousandTermsFailCleanly() throws {
        // The issue's reproductions: 10⁵ terms of a sum, 10⁴ of the other chains.
        let chains = [("1", " + 1", 100_000), ("x", "[0]", 10_000), ("f", "()", 10_000), ("x", ".a", 10_000),
                      ("x", " @ x", 10_000), ("a", " and a", 10_000), ("a", " or a", 10_000), ("\"s\"", " + \"s\"", 10_000)]
        for (first, link, count) in chains {
            let (kind, line, _) = try firstError("y = " + Self.chain(first, link, operands: count))
            #expect(kind == .expressionTooDeep(limit: Self.limit) && line == 1, "\(link)")
        }
    }

    @Test func deepNestingAroundAChainRuns() {
        // Parentheses make no node; 150 of them around a sum leave it as deep as it was.
        let sum = Self.chain("1", " + 1", operands: Self.limit - 10)
        let source = "print(" + String(repeating: "(", count: 150) + sum + String(repeating: ")", count: 150) + ")"
        #expect(printed(source) == ["\(Self.limit - 10)"])
        let blocks = String(repeating: "if true { ", count: 90) + "x = " + Self.chain("1", " + 1", operands: 500)
            + String(repeating: " }", count: 90)
        #expect(printed("x = 0\n" + blocks + "\nprint(x)") == ["500"])
    }

    @Test func recursionUnderALongChainIsAnErrorNotACrash() throws {
        // Each call sits under 900 additions: the native stack runs out long before 10,000 calls.
        let source = "fn f(n) {\n  if n == 0 { return 0 }\n  return f(n - 1)" + String(repeating: " + 1", count: 900)
            + "\n}\nprint(f(9999))"
        let (kind, line, column) = try firstError(source)
        guard case .stackExhausted(let depth) = kind else { Issue.record("\(kind.message)"); return }
        #expect(depth > 100 && depth < 9999)
        #expect(line == 3 && column == 10)
        // The error is catchable, and the session works afterwards.
        let caught = "fn f(n) {\n  if n == 0 { return 0 }\n  return f(n - 1)" + String(repeating: " + 1", count: 900)
            + "\n}\ny = try { f(9999) } catch e { \"caught\" }\nprint(y)\nprint(f(10))"
        #expect(printed(caught) == ["caught", "9000"])
    }

    @Test func aFunctionWithAHundredThousandParametersIsCalledInLinearTime() {
        // 10⁵ arguments, the last 10⁴ by keyword: finding each keyword by a search through the
        // parameters took 10⁹ steps, and so did the parser's duplicate-parameter check.
        let n = 100_000, k = 10_000
        let parameters = (0..<n).map { "p\($0)" }.joined(separator: ", ")
        let arguments = (0..<(n - k)).map(String.init) + ((n - k)..<n).reversed().map { "p\($0)=\($0)" }
        let source = "fn f(\(parameters)) { return p0 + p1 + p\(n - 1) }\nprint(f(\(arguments.joined(separator: ", "))))"
        let clock = ContinuousClock()
        let start = clock.now
        #expect(printed(source) == ["\(n)"])
        // About 1.5 s in a debug build, mostly lexing; the quadratic steps took minutes.
        #expect(clock.now - start < .seconds(20))
    }
}
