#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The persistent input history: one entry per line, with backslashes and newlines
/// escaped so that a multi-line input stays one entry. New entries are appended
/// (`O_APPEND`), which never truncates the file; when it grows past twice `limit`
/// entries it is rewritten atomically with the newest `limit`. Errors are reported,
/// never fatal, and never shorten an existing file.
public struct HistoryFile: Sendable {
    /// The file's path.
    public let path: String
    /// How many entries to keep.
    public let limit: Int

    /// - Parameters:
    ///   - path: the history file (see `defaultPath`).
    ///   - limit: the number of entries kept when the file is compacted.
    public init(path: String, limit: Int = 1000) {
        self.path = path
        self.limit = max(1, limit)
    }

    /// `$HOME/.mnist_repl_history`, or nil when HOME is unset.
    public static var defaultPath: String? {
        guard let home = getenv("HOME"), home.pointee != 0 else { return nil }
        return String(cString: home) + "/.mnist_repl_history"
    }

    /// The stored entries, oldest first; empty when the file does not exist yet.
    public func load() throws(FileError) -> [String] {
        guard access(path, F_OK) == 0 else { return [] }
        let text = try AtomicFile.contents(of: path)
        let entries = text.split(separator: "\n", omittingEmptySubsequences: true).map { Self.decode($0) }
        if entries.count > 2 * limit {
            try AtomicFile.write(Self.render(Array(entries.suffix(limit))), to: path)
        }
        return Array(entries.suffix(limit))
    }

    /// Appends one entry, creating the file (mode 0600) if needed.
    public func append(_ entry: String) throws(FileError) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError.lastError(path) }
        defer { close(fd) }
        guard writeAll(fileDescriptor: fd, Array((Self.encode(entry) + "\n").utf8)) else {
            throw FileError.lastError(path)
        }
    }

    static func render(_ entries: [String]) -> String {
        entries.map { encode($0) + "\n" }.joined()
    }

    /// `\` becomes `\\` and a newline becomes `\n`.
    static func encode(_ entry: String) -> String {
        entry.replacingBackslashes().replacingNewlines()
    }

    static func decode(_ line: Substring) -> String {
        var result = ""
        var escaped = false
        for character in line {
            if escaped {
                result.append(character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

private extension String {
    func replacingBackslashes() -> String {
        var result = ""
        for character in self { result += character == "\\" ? "\\\\" : String(character) }
        return result
    }

    func replacingNewlines() -> String {
        var result = ""
        for character in self { result += character == "\n" || character == "\r\n" ? "\\n" : String(character) }
        return result
    }
}
