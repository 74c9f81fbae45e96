import MNLRuntime
import MNLStdlib
import MNLSyntax
import Testing

/// `?for` and its kin: every keyword and statement has help, and every example that can run
/// on its own runs without error (its output is what the REPL shows under it).
@Suite struct KeywordHelpTests {
    static let words = ["if", "else", "for", "while", "fn", "return", "break", "continue", "import", "assert",
                        "and", "or", "not", "in", "nil", "true", "false", "class", "super", "try", "catch", "global"]

    @Test(arguments: words) func keywordHasHelpAndItsExampleRuns(_ word: String) {
        let session = Stdlib.makeSession(output: { _ in })
        var ran: [String] = []
        let text = Help.text(forTopic: word, session: session, runExample: { code in
            ran.append(code)
            var printed = ""
            let scratch = Stdlib.makeSession(output: { printed += $0 })
            if case .failure(let d) = scratch.run(code, name: "<example of \(word)>") {
                return "error: " + d.map(\.kind.message).joined(separator: "; ")
            }
            return printed
        })
        guard let text else {
            Issue.record("no help for '\(word)'")
            return
        }
        #expect(text.contains("\n  Example:\n"), "\(text)")
        #expect(!text.contains("error:"), "\(text)")
        #expect(ran.count == (["import", "class", "super"].contains(word) ? 0 : 1))
    }

    @Test func everyKeywordOfTheLanguageHasHelp() {
        let session = Stdlib.makeSession(output: { _ in })
        for keyword in Keyword.allCases {
            #expect(Help.text(forTopic: keyword.rawValue, session: session) != nil, "\(keyword)")
        }
    }

    @Test func theExampleOutputStandsUnderTheExample() {
        let session = Stdlib.makeSession(output: { _ in })
        let text = Help.text(forTopic: "len", session: session, runExample: { _ in "3\n" })
        #expect(text?.hasSuffix("  Example:\n    len([1, 2, 3])\n  Output:\n    3") == true, "\(text ?? "")")
    }
}
