/// The REPL's `:` commands, with their usage lines for `:help`.
public enum ReplCommand: String, CaseIterable, Sendable {
    case vars, time, timeit, load, save, reset, help, quit

    /// Looks a command up by name (without the colon); `q` and `exit` mean `quit`.
    public init?(name: String) {
        switch name {
        case "q", "exit": self = .quit
        default: self.init(rawValue: name)
        }
    }

    /// How to call the command, e.g. `:time <code>`.
    public var usage: String {
        switch self {
        case .vars: ":vars [name]"
        case .time: ":time <code>"
        case .timeit: ":timeit <code>"
        case .load: ":load <file.mnl>"
        case .save: ":save <file.mnl>"
        case .reset: ":reset"
        case .help: ":help [name]"
        case .quit: ":quit"
        }
    }

    /// What the command does, in a few words.
    public var summary: String {
        switch self {
        case .vars: "list the session's variables, or show one"
        case .time: "run code once and print the wall time it took"
        case .timeit: "run code repeatedly (about 0.2-2 s) and print the median time per loop"
        case .load: "run a script file in this session"
        case .save: "write this session's inputs as a script that rebuilds its variables"
        case .reset: "forget every variable and the inputs :save would write"
        case .help: "list the commands, or show the help for a name"
        case .quit: "leave (also exit, quit, exit(n), Ctrl-D)"
        }
    }

    /// Splits `:name rest of line` into the name and the trimmed argument.
    static func split(_ line: String) -> (name: String, argument: String) {
        let body = line.dropFirst()
        let end = body.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? body.endIndex
        return (String(body[..<end]), body[end...].trimmedWhitespace)
    }

    /// The text of `:help` without a name.
    static var overview: String {
        let rows = allCases.map { ($0.usage, $0.summary) }
            + [("?name  name?", "help for a builtin, variable, keyword or member (?x.sum, ?for)"),
               ("_", "the last value shown")]
        let width = rows.map(\.0.count).max() ?? 0
        let lines = rows.map { "  " + $0.0.padded(to: width) + "  " + $0.1 }
        return "commands:\n" + lines.joined(separator: "\n")
            + "\nTab completes names, members (x.T.<Tab>), keyword arguments, : commands and file paths."
            + "\nCtrl-C stops a running computation; Ctrl-D at a ... prompt cancels the input, at an empty prompt exits.\n"
    }

    /// The list of command names for error messages.
    static var list: String {
        allCases.map { ":" + $0.rawValue }.joined(separator: " ")
    }
}

extension String {
    /// The string followed by spaces up to `width` characters.
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

/// Formats `:vars` as a table with the columns name, type and detail.
public enum VariableTable {
    /// The table, one line per variable in the engine's order, or `(no variables)`.
    public static func render(_ variables: [ReplVariable]) -> String {
        guard !variables.isEmpty else { return "(no variables)\n" }
        let rows = [("name", "type", "detail")] + variables.map { ($0.name, $0.type, $0.detail) }
        let nameWidth = rows.map(\.0.count).max() ?? 0
        let typeWidth = rows.map(\.1.count).max() ?? 0
        return rows.map { row in
            let line = row.0.padded(to: nameWidth) + "  " + row.1.padded(to: typeWidth) + "  " + row.2
            return line.trimmedTrailingSpaces + "\n"
        }.joined()
    }
}

extension String {
    var trimmedTrailingSpaces: String {
        var result = self
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}
