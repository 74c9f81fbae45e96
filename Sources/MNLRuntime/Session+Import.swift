import Foundation
import MNLSyntax

extension Session {
    /// The directory imports are relative to: the file's own, or the current directory for
    /// sources with no file (`<repl:3>`, `<command line>`).
    static func directory(containing name: String) -> String {
        if name.hasPrefix("<") { return FileManager.default.currentDirectoryPath }
        return URL(fileURLWithPath: name).deletingLastPathComponent().path
    }

    /// The names an imported file defines become known before the importer is resolved, so
    /// `import "util.mnl"` followed by a use of its functions resolves. Reads each file once.
    func predeclareImports(of statements: [Stmt], directory: String, seen: inout Set<String>) {
        for case .importFile(let path) in statements.map(\.kind) {
            let full = Session.importPath(path, relativeTo: directory)
            guard seen.insert(full).inserted, case .success(let file) = Session.readSource(full) else { continue }
            let (program, _) = Parser.parse(file)
            for name in AssignedNames.collect(program.statements) { _ = globals.slot(for: name) }
            predeclareImports(of: program.statements, directory: Session.directory(containing: full), seen: &seen)
        }
    }

    static func importPath(_ path: String, relativeTo directory: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: directory).appendingPathComponent(path).standardized.path
    }

    /// `import "file.mnl"`: runs the file once per session, in the session's global scope
    /// (its top-level definitions become globals, as with `:load`).
    func importFile(_ path: String, relativeTo directory: String, at range: SourceRange) throws {
        let full = Session.importPath(path, relativeTo: directory)
        if importedFiles.contains(full) { return }
        if importing.contains(full) { throw Diagnostic(.importCycle(path: path), at: range) }
        let file: SourceFile
        switch Session.readSource(full, shown: path, at: range) {
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
