import Foundation
import MNLSyntax

extension Session {
    /// The directory imports are relative to: the file's own, or the current directory for
    /// sources with no file (`<repl:3>`, `<command line>`).
    static func directory(containing name: String) -> String {
        if name.hasPrefix("<") { return FileManager.default.currentDirectoryPath }
        return URL(fileURLWithPath: name).deletingLastPathComponent().path
    }

    /// `import "file.mnl"`: runs the file once per session, in the session's global scope
    /// (its top-level definitions become globals, as with `:load`).
    func importFile(_ path: String, relativeTo directory: String, at range: SourceRange) throws {
        let full = path.hasPrefix("/") ? path : URL(fileURLWithPath: directory).appendingPathComponent(path).standardized.path
        if importedFiles.contains(full) { return }
        if importing.contains(full) { throw Diagnostic(.importCycle(path: path), at: range) }
        let file: SourceFile
        switch Session.readSource(full, at: range) {
        case .success(let f): file = f
        case .failure(let d): throw d
        }
        importing.append(full)
        defer { importing.removeLast() }
        switch compile(file) {
        case .failure(let failure):
            throw failure.diagnostics.first ?? Diagnostic(.fileError(path: path, message: "cannot be compiled"), at: range)
        case .success(let program):
            _ = try execute(program)
        }
        importedFiles.insert(full)
    }
}
