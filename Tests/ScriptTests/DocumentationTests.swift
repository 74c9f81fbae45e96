import Foundation
import MNLRuntime
import MNLStdlib
import MNLSyntax
import Testing

/// The documents cannot drift from the implementation: every fenced `mnl` block in
/// README.md and Grammar.md runs, printing what its `# expect:` lines say; every builtin has
/// a doc paragraph and an example that runs.
@Suite struct DocumentationTests {
    static func examples(_ document: String) -> [String] {
        let url = ScriptHarness.repositoryRoot.appendingPathComponent(document)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return ScriptHarness.fencedExamples(in: text).map { "\(document):\($0.line)\n\($0.code)" }
    }

    @Test(arguments: examples("README.md") + examples("Grammar.md"))
    func documentedExampleRuns(_ example: String) {
        let header = example.prefix { $0 != "\n" }
        let code = String(example.dropFirst(header.count + 1))
        let expected = ScriptHarness.expectations(in: code)
        let outcome = ScriptHarness.run(code, name: String(header))
        if let (_, message) = expected.error {
            #expect(outcome.errors.first?.kind.message == message, "\(header)")
        } else {
            #expect(outcome.errors.isEmpty, "\(header): \(outcome.errors.map { DiagnosticRenderer().render($0) })")
        }
        if !expected.output.isEmpty { #expect(outcome.lines == expected.output, "\(header)") }
    }

    @Test func bothDocumentsHaveExamples() {
        #expect(Self.examples("README.md").count >= 2)
        #expect(Self.examples("Grammar.md").count >= 10)
    }

    @Test(arguments: Stdlib.makeSession().builtins.values.map(\.name).sorted())
    func builtinIsDocumentedAndItsExampleRuns(_ name: String) throws {
        let builtin = try #require(Stdlib.makeSession().builtins[name])
        #expect(builtin.doc.count > 20, "\(name) needs a doc paragraph")
        #expect(!builtin.example.isEmpty, "\(name) needs an example")
        let outcome = ScriptHarness.run(builtin.example, name: "example of \(name)")
        #expect(outcome.errors.isEmpty, "\(name): \(outcome.errors.map { DiagnosticRenderer().render($0) })")
    }
}
