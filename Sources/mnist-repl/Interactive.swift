import Foundation
import MNLConsole
import MNLRuntime
import MNLStdlib
import MNLSyntax

/// The interactive REPL: a session behind the console front end.
enum Interactive {
    /// Runs the REPL on `session`, which may already hold a script's variables (`-i`).
    static func run(session: Session) -> Int32 {
        session.interruptCheck = InterruptSignal.process.interruptCheck
        let engine = SessionEngine(session: session, renderer: DiagnosticRenderer(style: isatty(2) != 0 ? .color : .plain),
                                   lineWidth: { TerminalWidth.columns(of: 1) })
        return ConsoleLauncher.run(engine: engine,
                            banner: "mnist-repl 0.1.0: :help for commands, help() for builtins, Ctrl-D to quit")
    }
}

/// Ctrl-C for scripts: the first press stops the computation at the next safe point.
enum Interrupts {
    static func install(for session: Session) {
        InterruptSignal.install()
        session.interruptCheck = InterruptSignal.process.interruptCheck
    }
}
