import MNLData
import MNLRuntime

/// Text files for logs, results tables and reports (pathlib's names: `read_text`,
/// `write_text`). Writes and appends are atomic, as every writer's are.
enum TextBuiltins {
    static var builtins: [Builtin] {
        [
            Builtin("write_text", [.required("path"), .required("text")], topic: "data",
                    doc: "Writes text (a string) to the file at path, replacing it, atomically: a crash or Ctrl-C mid-write leaves the old file whole. Returns nil.",
                    example: "write_text(\"/tmp/mnl-report.txt\", \"accuracy 0.92\\n\")\nread_text(\"/tmp/mnl-report.txt\")") { a, _ in
                let path = try a.string(0), text = try a.string(1)
                try loading { () throws(DataError) in try TextFile.write(text, to: path) }
                return .null
            },
            Builtin("append_text", [.required("path"), .required("text")], topic: "data",
                    doc: "Adds text at the end of the file at path (creating it), atomically: an interrupted append never damages what the file held. Each call rewrites the file, so collect many lines and append them together.",
                    example: "write_text(\"/tmp/mnl-log.txt\", \"epoch 1\\n\")\nappend_text(\"/tmp/mnl-log.txt\", \"epoch 2\\n\")\nread_lines(\"/tmp/mnl-log.txt\")") { a, _ in
                let path = try a.string(0), text = try a.string(1)
                try loading { () throws(DataError) in try TextFile.append(text, to: path) }
                return .null
            },
            Builtin("read_text", [.required("path")], topic: "data",
                    doc: "The whole file at path as a string (it must be UTF-8 text).",
                    example: "write_text(\"/tmp/mnl-note.txt\", \"hello\")\nread_text(\"/tmp/mnl-note.txt\")") { a, _ in
                let path = try a.string(0)
                return .string(try loading { () throws(DataError) in try TextFile.read(path) })
            },
            Builtin("read_lines", [.required("path")], topic: "data",
                    doc: "The file at path as a list of its lines, without their line endings (\\n or \\r\\n); a final newline does not add an empty line.",
                    example: "write_text(\"/tmp/mnl-lines.txt\", \"a\\nb\\n\")\nread_lines(\"/tmp/mnl-lines.txt\")") { a, _ in
                let path = try a.string(0)
                let text = try loading { () throws(DataError) in try TextFile.read(path) }
                return .list(lines(of: text).map { .string($0) })
            },
        ]
    }

    /// Python's `str.splitlines()` for \n and \r\n: no empty last line after a final newline.
    /// Split on the scalars, not the Characters: Swift counts "\r\n" as one Character.
    static func lines(of text: String) -> [String] {
        if text.isEmpty { return [] }
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line))
        }
        if text.unicodeScalars.last == "\n" { lines.removeLast() }
        return lines
    }
}
