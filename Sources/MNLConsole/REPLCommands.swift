#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension REPL {
    /// Runs a `:` command line; returns false for `:quit`.
    func runCommand(_ line: String) -> Bool {
        let (name, argument) = ReplCommand.split(line)
        guard let command = ReplCommand(name: name) else {
            output.writeError("unknown command ':\(name)'; the commands are \(ReplCommand.list) (try :help)\n")
            return true
        }
        switch command {
        case .vars: showVariables(argument)
        case .time: timeCode(argument)
        case .timeit: timeRepeatedly(argument)
        case .load: load(argument)
        case .save: save(argument)
        case .reset: resetSession()
        case .help: argument.isEmpty ? output.write(ReplCommand.overview) : showHelp(for: argument)
        case .quit: return false
        }
        output.flush()
        return true
    }

    /// `?name` and `:help name`.
    func showHelp(for name: String) {
        if name.isEmpty {
            output.write(ReplCommand.overview)
        } else if let text = engine.help(for: name) {
            output.write(text.withTrailingNewline)
        } else {
            output.writeError(engine.unknownHelpTopic(name).withTrailingNewline)
        }
    }

    /// `:vars` lists every variable; `:vars NAME` shows one, or suggests a close name.
    private func showVariables(_ name: String) {
        let all = engine.variables()
        guard !name.isEmpty else { return output.write(VariableTable.render(all)) }
        if let one = all.first(where: { $0.name == name }) {
            return output.write(VariableTable.render([one]))
        }
        let hint = Suggestion.closest(to: name, among: all.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
        output.writeError("no variable '\(name)'\(hint)\n")
    }

    func usage(_ command: ReplCommand) {
        output.writeError("usage: \(command.usage)\n")
    }

    private func timeCode(_ code: String) {
        guard !code.isEmpty else { return usage(.time) }
        let clock = ContinuousClock()
        let start = clock.now
        _ = evaluate(code, name: nextInputName())
        output.write("time: \(Self.format(clock.now - start))\n")
    }

    /// `12.3 ms` below a second, `1.234 s` above.
    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let total = Double(seconds) + Double(attoseconds) / 1e18
        if total < 1 {
            return "\((total * 10_000).rounded() / 10) ms"
        }
        return "\((total * 1000).rounded() / 1000) s"
    }

    private func load(_ path: String) {
        guard !path.isEmpty else { return usage(.load) }
        let source: String
        do {
            source = try AtomicFile.contents(of: Self.expandingTilde(path))
        } catch {
            return output.writeError("cannot load \(error)\n")
        }
        _ = evaluate(source, name: path, record: "# :load \(path)\n" + source.withoutTrailingNewlines)
    }

    private func save(_ path: String) {
        guard !path.isEmpty else { return usage(.save) }
        let inputs = engine.savedScript(inputsToSave, showingValues: inputsShowingValues)
        let script = inputs.map { $0.withTrailingNewline }.joined()
        do {
            try AtomicFile.write(script, to: Self.expandingTilde(path))
            let count = inputsToSave.count
            output.write("saved \(count) input\(count == 1 ? "" : "s") to \(path)\n")
        } catch {
            output.writeError("cannot save \(error)\n")
        }
    }

    private func resetSession() {
        engine.reset()
        inputsToSave.removeAll()
        inputsShowingValues.removeAll()
        output.write("session reset\n")
    }

    /// `~/x` becomes `$HOME/x`.
    static func expandingTilde(_ path: String) -> String { HomeDirectory.expanding(path) }
}

extension String {
    var withoutTrailingNewlines: String {
        var result = self
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}
