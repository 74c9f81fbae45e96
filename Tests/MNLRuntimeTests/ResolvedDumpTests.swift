import MNLRuntime
import MNLSyntax
import Testing

/// `--dump-resolved`: where each variable lives and which fast forms the compiler picks.
@Suite struct ResolvedDumpTests {
    func dump(_ code: String) -> (text: String?, diagnostics: [Diagnostic]) {
        Session(output: { _ in }).dumpResolved(SourceFile(name: "t", text: code))
    }

    @Test func functionsShowSlotsCellsAndTheirFrame() throws {
        let text = try #require(dump("fn f(a, b) { c = a\n fn() { c } }").text)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("fn f@global") == true, "\(lines)")
        #expect(lines.first?.hasSuffix("(a@slot0, b@slot1) slots=2 cells=1") == true, "\(lines)")
        #expect(lines.contains("  c@cell0 = a@slot0"), "\(lines)")
        #expect(lines.contains("  fn fn() slots=0 cells=1 captures c@captured0"), "\(lines)")
        #expect(lines.contains("    c@captured0"), "\(lines)")
    }

    @Test func arithmeticTreesAndNumericConditionsAreMarked() throws {
        let text = try #require(dump("fn g(x, y, w) {\n e = w * x - y\n d = w * x\n if x + 1 < y { e } else { d } }").text)
        #expect(text.contains("e@slot3 = num(- (* w@slot2 x@slot0) y@slot1)"), "\(text)")
        // One operator on two leaves is already specialised: no numeric tree.
        #expect(text.contains("d@slot4 = (* w@slot2 x@slot0)"), "\(text)")
        #expect(text.contains("if num-test(< (+ x@slot0 1) y@slot1)"), "\(text)")
    }

    @Test func countedLoopsAndNonNumericOperandsAreShown() throws {
        let text = try #require(dump("s = \"a\"\nfor i in range(1, 3) { t = s + \"b\" * 2 }\nfor j in [1] { }").text)
        #expect(text.contains("for counted i@global"), "\(text)")
        #expect(text.contains("for j@global"), "\(text)")
        #expect(!text.contains("num("), "strings are not numeric: \(text)")
    }

    @Test func errorsAreReportedAndNothingRuns() throws {
        let (text, diagnostics) = dump("print(nope)")
        #expect(text == nil)
        #expect(diagnostics.count == 1)
        guard case .undefinedVariable(name: "nope", _)? = diagnostics.first?.kind else {
            Issue.record("expected undefined variable 'nope': \(diagnostics)")
            return
        }
        final class Sink { var text = "" }
        let sink = Sink()
        let session = Session(output: { sink.text += $0 })
        let shown = try #require(session.dumpResolved(SourceFile(name: "t", text: "print(42)")).text)
        #expect(shown.contains("(call print@global"), "\(shown)")
        #expect(sink.text.isEmpty, "the program must not run")
    }
}
