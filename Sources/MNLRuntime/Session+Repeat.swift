import MNLSyntax

extension Session {
    /// Compiles `source` once and runs it `times` times, for the REPL's `:timeit`: the
    /// timing then measures the code, not the parser and compiler. Stops at the first error
    /// (or Ctrl-C). Variables persist as with `run`; echoed values are dropped.
    public func runRepeatedly(_ source: String, name: String, times: Int) -> RunResult {
        compileAndRun(SourceFile(name: name, text: source)) { compiled in
            for _ in 0..<times {
                if self.isInterruptRequested() { throw Diagnostic(.interrupted, at: nil) }
                _ = try self.execute(compiled)
            }
            return nil
        }
    }
}
