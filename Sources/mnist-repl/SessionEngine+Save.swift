import MNLRuntime
import MNLSyntax

/// `_` in saved sessions: a script has no last value, so an input that showed the value a
/// later input reads as `_` is saved as an assignment to `_` (`x + 1` becomes `_ = x + 1`).
/// Inputs whose value nobody reads are saved as typed.
extension SessionEngine {
    func savedScript(_ inputs: [String], showingValues: Set<Int>) -> [String] {
        var script = inputs
        for (index, input) in inputs.enumerated() where Self.readsLastValue(input) {
            guard let shown = showingValues.filter({ $0 < index }).max(),
                  let assignment = Self.assigningLastValue(inputs[shown]) else { continue }
            script[shown] = assignment
        }
        return script
    }

    /// True when the input uses the name `_`.
    static func readsLastValue(_ source: String) -> Bool {
        guard let tokens = try? Lexer.tokenize(SourceFile(name: "<saved>", text: source)) else { return false }
        return tokens.contains { $0.kind == .identifier("_") }
    }

    /// The input with its final expression statement assigned to `_`; nil when it does not
    /// end in an expression statement.
    static func assigningLastValue(_ source: String) -> String? {
        let file = SourceFile(name: "<saved>", text: source)
        let (program, diagnostics) = Parser.parse(file)
        guard diagnostics.isEmpty, let last = program.statements.last, case .expression = last.kind else { return nil }
        let bytes = file.bytes
        let before = String(decoding: bytes[..<last.range.start], as: UTF8.self)
        let statement = String(decoding: bytes[last.range.start...], as: UTF8.self)
        return before + "_ = " + statement
    }
}
