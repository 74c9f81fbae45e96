#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What Tab completes, by where the cursor is: `:` command names at the start of a line,
/// file paths after `:load`/`:save` and inside a string (`load_csv("Da<Tab>`), and the
/// language's own candidates (names, members, keyword arguments) everywhere else.
public enum ReplCompletion {
    public static func candidates<Engine: ReplEngine>(line: String, cursor: Int, engine: Engine) -> [String] {
        let head = String(line.prefix(cursor))
        if let path = pathWord(before: head) { return paths(startingWith: path) }
        if head.hasPrefix(":"), !head.contains(" ") {
            return ReplCommand.allCases.map(\.rawValue).filter { $0.hasPrefix(head.dropFirst()) }
        }
        return engine.completions(line: line, cursor: cursor)
    }

    /// The partial path before the cursor, when the cursor is in a path position: after
    /// `:load ` or `:save `, or inside an open `"` string. readline's word is the same text
    /// there (see `mnl_rl_word_breaks`).
    public static func pathWord(before head: String) -> String? {
        for command in [":load ", ":save "] where head.hasPrefix(command) {
            return String(head.dropFirst(command.count)).trimmedLeadingSpaces
        }
        var inString = false, escaped = false, start = head.startIndex
        for index in head.indices {
            let character = head[index]
            if escaped { escaped = false; continue }
            if character == "\\" && inString { escaped = true; continue }
            if character == "#" && !inString { return nil }
            if character == "\"" {
                inString.toggle()
                start = head.index(after: index)
            }
        }
        return inString ? String(head[start...]) : nil
    }

    /// Entries of the partial path's directory that extend it; directories end in `/`.
    /// Hidden entries only when the partial name starts with a dot.
    public static func paths(startingWith partial: String) -> [String] {
        let slash = partial.lastIndex(of: "/")
        let directory = slash.map { String(partial[...$0]) } ?? ""
        let name = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
        let listed = directory.isEmpty ? "." : HomeDirectory.expanding(directory)
        guard let dir = opendir(listed) else { return [] }
        defer { closedir(dir) }
        var found: [String] = []
        while let entry = readdir(dir) {
            // In place: readdir's entry may be shorter than a whole dirent (see StaleTemporaries).
            let entryName = withUnsafePointer(to: &entry.pointee.d_name) { p in
                p.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: p.pointee)) { String(cString: $0) }
            }
            guard entryName != ".", entryName != "..", entryName.hasPrefix(name),
                  !entryName.hasPrefix(".") || name.hasPrefix(".") else { continue }
            let full = directory + entryName
            found.append(isDirectory(listed + "/" + entryName) ? full + "/" : full)
        }
        return found.sorted()
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

/// `~/x` as `$HOME/x`, for paths the user types.
enum HomeDirectory {
    static func expanding(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
        return String(cString: home) + path.dropFirst()
    }
}

extension String {
    var trimmedLeadingSpaces: String { String(drop { $0 == " " || $0 == "\t" }) }
}
