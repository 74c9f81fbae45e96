import Foundation
import MNLSyntax
import Testing

/// Each Python habit is one error: the golden scripts in `python_habits/` check its text
/// and line; this checks that nothing follows it (no cascade from the lines after it).
@Suite struct PythonHabitTests {
    @Test(arguments: ScriptHarness.goldenScripts().filter { $0.hasPrefix("python_habits/") })
    func oneErrorAndNoCascade(_ relativePath: String) throws {
        let url = ScriptHarness.scriptsFolder.appendingPathComponent(relativePath)
        let outcome = ScriptHarness.run(try String(contentsOf: url, encoding: .utf8), name: url.path)
        #expect(outcome.errors.count <= 1, "\(outcome.errors.map { DiagnosticRenderer().render($0) })")
    }

    @Test func aNameThatIsAPythonWordIsFineOnceDefined() {
        let outcome = ScriptHarness.run("True = 1\nlambda = 2\nprint(True + lambda)", name: "t.mnl")
        #expect(outcome.errors.isEmpty)
        #expect(outcome.lines == ["3"])
    }

    /// A `"` string ends on its line; the error points at the opening quote (issue 9).
    @Test func anUnclosedStringIsOneErrorAtItsQuote() throws {
        let outcome = ScriptHarness.run("x = 1\ns = \"no end\nprint(s)\n", name: "t.mnl")
        let error = try #require(outcome.errors.first)
        #expect(outcome.errors.count == 1)
        #expect(error.kind == .unterminatedString)
        #expect(error.kind.message == "unterminated string (missing closing '\"' on this line; text over several lines goes in \"\"\"...\"\"\")")
        #expect(error.range.map { $0.file.location(of: $0.start) } .map { [$0.line, $0.column] } == [2, 5])
        #expect(!error.isIncompleteInput)
    }
}
