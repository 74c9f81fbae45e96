import MNLRuntime
import MNLSyntax

/// Keeps fuzzed scripts away from the file system and the machine's datasets: a mutated
/// script could otherwise `save` over a repository file or read a gigabyte CSV. The loaders
/// have targets of their own, fed from bytes.
enum Sandbox {
    /// Builtins that name a file (by a `path`, `directory` or `file` parameter, so new ones
    /// are recognised too), load a whole dataset or change the process's memory budget.
    static func allows(_ b: Builtin) -> Bool {
        let touchesFiles = b.parameters.contains { ["path", "directory", "file"].contains($0.name) }
        // memory_limit would let a script lift the budget the fuzzer sets.
        return !touchesFiles && !["mnist", "fashion_mnist", "help", "memory_limit"].contains(b.name)
    }

    /// Replaces every builtin `allows` refuses with one of the same name and parameters that
    /// fails cleanly, so scripts calling it still bind their arguments and get an error.
    static func apply(to session: Session) {
        let refused = session.builtins.values.filter { !allows($0) }
        session.install(refused.map { b in
            Builtin(b.name, b.parameters, topic: b.topic, doc: b.doc, example: b.example) { _, _ in
                throw Diagnostic(.userError(message: "\(b.name) is not available while fuzzing"), at: nil)
            }
        })
    }
}
