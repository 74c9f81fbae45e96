import Foundation
import MNLSyntax
import Testing

/// Each golden script prints what its `# expect:` lines say, and fails exactly where its
/// `# expect error:` line says, with that message.
@Suite struct GoldenScriptTests {
    @Test(arguments: ScriptHarness.goldenScripts())
    func goldenScript(_ relativePath: String) throws {
        let url = ScriptHarness.scriptsFolder.appendingPathComponent(relativePath)
        let source = try String(contentsOf: url, encoding: .utf8)
        let expected = ScriptHarness.expectations(in: source)
        #expect(!expected.output.isEmpty || expected.error != nil, "\(relativePath) expects nothing")
        let outcome = ScriptHarness.run(source, name: url.path)
        #expect(outcome.lines == expected.output)
        if let (line, message) = expected.error {
            let error = try #require(outcome.errors.first, "\(relativePath) should fail with: \(message)")
            #expect(error.kind.message == message)
            #expect(error.range.map { $0.file.location(of: $0.start).line } == line)
        } else {
            #expect(outcome.errors.isEmpty, "\(outcome.errors.map { DiagnosticRenderer().render($0) })")
        }
    }

    @Test func thereAreGoldenScriptsInEveryFolder() {
        let folders = Set(ScriptHarness.goldenScripts().map { $0.split(separator: "/").first.map(String.init) ?? "" })
        #expect(folders.isSuperset(of: ["language", "builtins", "errors", "limits", "regression"]))
    }
}
