import Foundation
import MNLConsole
import MNLRuntime
import MNLStdlib
import MNLSyntax

/// The interactive REPL: a session behind the console front end.
enum Interactive {
    static func run() throws {
        let session = Stdlib.makeSession()
        session.interruptCheck = InterruptSignal.process.interruptCheck
        let engine = SessionEngine(session: session, renderer: DiagnosticRenderer(style: isatty(2) != 0 ? .color : .plain))
        ConsoleLauncher.run(engine: engine,
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
