import MNLSyntax

/// `--dump-tokens` and `--dump-ast`: the first stages' output, for debugging the language.
enum Dump {
    static func print(_ source: SourceFile, tokens: Bool) {
        if tokens {
            do {
                for t in try Lexer.tokenize(source) { Swift.print("\(t.range)\t\(t.kind)") }
            } catch {
                Swift.print(DiagnosticRenderer().render(error))
            }
            return
        }
        let (program, diagnostics) = Parser.parse(source)
        for s in program.statements { Swift.dump(s.kind, maxDepth: 12) }
        for d in diagnostics { Swift.print(DiagnosticRenderer().render(d)) }
    }
}
