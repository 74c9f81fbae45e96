import MNLRuntime
import TensorKit

/// The one place where the language meets the libraries. Each topic file declares its
/// builtins; `install` hands them all to a session.
public enum Stdlib {
    /// Every library builtin, by topic.
    public static var builtins: [Builtin] { TensorLibrary.functions + NumericBuiltins.builtins + PreprocessingBuiltins.builtins + DataBuiltins.builtins
        + TextBuiltins.builtins + SystemBuiltins.builtins + PlotBuiltins.builtins }

    /// A session with the core language and every library installed.
    public static func makeSession(output: ((String) -> Void)? = nil) -> Session {
        let session = output.map { Session(output: $0) } ?? Session()
        session.install(builtins)
        session.install(global: "linalg", make: TensorLinalg.namespace)
        // Long tensor kernels check this flag between chunks; it reads the session's own
        // interrupt check, so Ctrl-C stops them as it stops loops.
        session.executionScope = { [unowned session] body in
            Cancellation.$current.withValue(CancellationFlag(check: session.interruptCheck)) { body() }
        }
        return session
    }
}
