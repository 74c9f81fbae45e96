import MNLSyntax
import Testing

/// Issue 8 (#11): a tensor of several elements used as a condition is an error at the
/// condition's position, in every construct that takes a truth value (it used to have none).
@Suite struct TruthPositionTests {
    static let cases: [(String, Int, Int)] = [  // source, line, column of the condition
        ("if zeros(2) { 1 }", 1, 4),
        ("while zeros(2) { 1 }", 1, 7),
        ("assert zeros(2)", 1, 8),
        ("y = not zeros(2)", 1, 9),
        ("y = zeros(2) and 1", 1, 5),
        ("y = zeros(2) or 1", 1, 5),
        ("y = [i for i in range(3) if zeros(2)]", 1, 29),
        ("y = if zeros(2) < 1 { 1 } else { 2 }", 1, 8),
        ("fn f(n) { if n < 2 { 1 } else { 2 } }\nf(zeros(3))", 1, 14),
        ("fn g(n) {\n  x = 0\n  if n < 2 { x = 1 }\n  x\n}\ng(zeros(3))", 3, 6),
        ("y = 1 < zeros(2) < 3", 1, 5),
    ]

    @Test(arguments: cases)
    func aTensorConditionErrorHasAPosition(source: String, line: Int, column: Int) throws {
        let outcome = ScriptHarness.run(source, name: "t.mnl")
        let error = try #require(outcome.errors.first, "\(source) should fail")
        #expect(error.kind.message.hasPrefix("truth value: a tensor of shape"), "\(error.kind.message)")
        let range = try #require(error.range, "\(source): the error has no position")
        let at = range.file.location(of: range.start)
        #expect(at.line == line && at.column == column, "\(source): at \(at)")
    }
}

/// Issue 8 (#12): a very long undefined name is reported without a "did you mean" search (the
/// search was quadratic in the name's length: 5.8 s for 10⁶ characters).
@Suite struct LongNameTests {
    @Test func aVeryLongUndefinedNameHasNoSuggestion() throws {
        let name = String(repeating: "a", count: 200_000)
        let outcome = ScriptHarness.run("ab = 1\nx = \(name)", name: "long.mnl")
        let error = try #require(outcome.errors.first)
        #expect(error.kind == .undefinedVariable(name: name, suggestion: nil))
    }

    @Test func shortNamesStillGetSuggestions() throws {
        let outcome = ScriptHarness.run("learning_rate = 1\nx = learning_rat", name: "near.mnl")
        let error = try #require(outcome.errors.first)
        #expect(error.kind == .undefinedVariable(name: "learning_rat", suggestion: "learning_rate"))
    }
}
