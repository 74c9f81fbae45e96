import MNLRuntime
import MNLStdlib

/// The interactive REPL (wired to MNLConsole).
enum Interactive {
    static func run() throws {
        Console.error("interactive mode is not wired yet")
    }
}

/// Ctrl-C handling for scripts.
enum Interrupts {
    static func install(for session: Session) {}
}
