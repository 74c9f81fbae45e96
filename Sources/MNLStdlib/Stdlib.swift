import MNLDisplay
import MNLRuntime
import TensorKit

/// The one place where the language meets the libraries. Each topic file declares its
/// builtins; `install` hands them all to a session.
public enum Stdlib {
    /// Every library builtin, by topic; the differentiable ones get their gradient rules
    /// (`Differentiable.wrap`).
    public static var builtins: [Builtin] { (TensorLibrary.functions + NumericBuiltins.builtins + PreprocessingBuiltins.builtins + DataBuiltins.builtins
        + TextBuiltins.builtins + SystemBuiltins.builtins + ImageBuiltins.builtins + ProgressBuiltins.builtins
        + PlotBuiltins.builtins + GradientBuiltins.builtins + NNBuiltins.builtins + ClassicBuiltins.builtins).map(Differentiable.wrap) }

    /// A session with the core language and every library installed.
    public static func makeSession(output: ((String) -> Void)? = nil) -> Session {
        makeSession(display: output.map { PlainDisplay($0) } ?? PlainDisplay.standardOutput())
    }

    /// A session showing its results on `display` (a terminal, a pipe, a test's fake).
    public static func makeSession(display: Display) -> Session {
        let session = Session(display: display)
        session.install(builtins)
        session.install(global: "linalg", make: TensorLinalg.namespace)
        // Long tensor kernels check this flag between chunks; it reads the session's own
        // interrupt check, so Ctrl-C stops them as it stops loops.
        session.executionScope = { [unowned session] body in
            Cancellation.$current.withValue(CancellationFlag(check: session.interruptCheck)) { body() }
            // However the run ended (an error, Ctrl-C), no progress bar stays on the terminal.
            ProgressBoard.of(session).clear(session.display)
        }
        return session
    }
}
