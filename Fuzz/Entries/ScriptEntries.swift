import MNLRuntime
import MNLStdlib
import MNLSyntax

/// The language's fuzz entries: text to tokens, AST and diagnostics; text run as a script;
/// generated tensor programs run the same way.
public enum ScriptEntries {
    /// Lexes, parses and compiles (without running) any text.
    static func parse(_ bytes: UnsafeRawBufferPointer, in context: FuzzContext) -> String? {
        let file = SourceFile(name: "fuzz.mnl", text: String(decoding: bytes, as: UTF8.self))
        var diagnostics: [Diagnostic] = []
        do { _ = try Lexer.tokenize(file) } catch { diagnostics.append(error) }
        diagnostics += Parser.parse(file).1
        diagnostics += context.freshSession().check(file)
        return firstUnshowable(diagnostics)
    }

    /// Compiles and runs any text with small limits.
    static func run(_ bytes: UnsafeRawBufferPointer, in context: FuzzContext) -> String? {
        run(source: String(decoding: bytes, as: UTF8.self), in: context)
    }

    /// Builds a tensor program from the bytes (each byte a choice) and runs it.
    static func runGenerated(_ bytes: UnsafeRawBufferPointer, in context: FuzzContext) -> String? {
        run(source: FuzzTarget.tensorgen.script(for: bytes) ?? "", in: context)
    }

    /// The generator over every builtin a fresh session registers.
    public static let generator = ProgramGenerator(builtins: Array(Stdlib.makeSession(output: { _ in }).builtins.values))

    /// Runs `source` in the context's sandboxed session, stopped by its limits. Nil when it
    /// ran or failed cleanly; otherwise what was wrong with its failure.
    public static func run(source: String, in context: FuzzContext) -> String? {
        let session = context.freshSession()
        guard case .failure(let diagnostics) = session.run(SourceFile(name: "fuzz.mnl", text: source)) else { return nil }
        if diagnostics.isEmpty { return "a failed run reported no diagnostic" }
        return firstUnshowable(diagnostics)
    }

    /// Every diagnostic must have a position (`file:line:column`; only an interruption may
    /// lack one) and render to text; a problem description otherwise.
    static func firstUnshowable(_ diagnostics: [Diagnostic]) -> String? {
        let renderer = DiagnosticRenderer()
        for d in diagnostics {
            if d.range == nil, d.kind != .interrupted { return "a diagnostic without a position: \(d.kind.message)" }
            if renderer.render(d).isEmpty { return "a diagnostic renders as empty text: \(d.kind)" }
        }
        return nil
    }
}
