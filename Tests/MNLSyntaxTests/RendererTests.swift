import MNLSyntax
import Testing

@Suite struct RendererTests {
    @Test func rendersFileLineColumnSourceAndCaret() {
        let file = SourceFile(name: "train.mnl", text: "w = 1\nw -= lr * g\n")
        let d = Diagnostic(.undefinedVariable(name: "lr", suggestion: "lr0"), at: SourceRange(file: file, start: 11, end: 13),
                           trace: [TraceEntry(function: "train", callSite: SourceRange(file: file, start: 0, end: 1))])
        #expect(DiagnosticRenderer().render(d) == """
        train.mnl:2:6: error: undefined variable 'lr' (did you mean 'lr0'?)
            2 | w -= lr * g
              |      ^^
          in train() called at train.mnl:1:1
        """)
    }

    @Test func shapeErrorsNameTheOperationAndBothShapes() {
        #expect(DiagnosticKind.shapeMismatch(op: "-", lhs: [60000, 784], rhs: [10, 785]).message
                == "cannot broadcast (60000, 784) with (10, 785) in '-'")
        #expect(DiagnosticKind.shapeText([3]) == "(3,)")
    }

    @Test func colourStyleWrapsInEscapes() {
        let file = SourceFile(name: "f", text: "x")
        let text = DiagnosticRenderer(style: .color).render(Diagnostic(.divisionByZero, at: SourceRange(file: file, start: 0, end: 1)))
        #expect(text.contains("\u{1B}[1;31merror: \u{1B}[0m"))
    }
}
