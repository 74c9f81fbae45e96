import Foundation
import MemoryBudget
import MNLRuntime
import MNLStdlib
import MNLSyntax

/// Runs `.mnl` sources in fresh sessions and compares what they print with the
/// expectations written inside them, Crafting-Interpreters style:
///   `# expect: text`        the next line of standard output
///   `# expect error: text`  the run fails on this very line with this message
enum ScriptHarness {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scriptsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")

    struct Outcome {
        var output: String
        var errors: [Diagnostic]
        var lines: [String] {
            if output.isEmpty { return [] }
            return Array(output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast(output.hasSuffix("\n") ? 1 : 0))
        }
    }

    /// Tests share one process and its memory budget: a fixed limit makes "more than the
    /// memory limit of 16.0 GiB" read the same on every machine. (`--memory-limit` and
    /// `memory_limit(size)` are tested in CLITests, each in a process of its own.)
    static let fixedMemoryLimit: Void = MemoryBudget.setLimit(16 << 30)

    static func run(_ source: String, name: String, arguments: [String] = []) -> Outcome {
        _ = fixedMemoryLimit
        var printed = ""
        let session = Stdlib.makeSession(output: { printed += $0 })
        // A stopped clock: progress bars' times and rates read the same on every run.
        Stdlib.setProgressClock(session) { 0 }
        session.scriptArguments = arguments
        let result = session.run(SourceFile(name: name, text: source))
        if case .failure(let diagnostics) = result { return Outcome(output: printed, errors: diagnostics) }
        return Outcome(output: printed, errors: [])
    }

    struct Expectations {
        var output: [String] = []
        var error: (line: Int, message: String)?
    }

    static func expectations(in source: String) -> Expectations {
        var e = Expectations()
        for (i, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let r = line.range(of: "# expect: ") { e.output.append(String(line[r.upperBound...])) }
            if let r = line.range(of: "# expect error: ") { e.error = (i + 1, String(line[r.upperBound...])) }
        }
        return e
    }

    /// Every `.mnl` file under the golden-script folders, as paths relative to them.
    static func goldenScripts() -> [String] {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: scriptsFolder.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".mnl") && !$0.contains("/helpers/") }.sorted()
    }

    /// The fenced ```mnl blocks of a Markdown file, with the line each starts on.
    static func fencedExamples(in markdown: String) -> [(line: Int, code: String)] {
        var blocks: [(Int, String)] = []
        var current: [String]?
        var start = 0
        for (i, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "```mnl" {
                current = []
                start = i + 2
            } else if current != nil, line.trimmingCharacters(in: .whitespaces) == "```" {
                blocks.append((start, (current ?? []).joined(separator: "\n")))
                current = nil
            } else {
                current?.append(String(line))
            }
        }
        return blocks
    }
}
