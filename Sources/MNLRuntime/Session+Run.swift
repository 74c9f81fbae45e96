import Foundation
import MNLSyntax

/// The outcome of running one source text.
public enum RunResult {
    /// Ran to the end. `echo` is the value of a final expression statement (nil otherwise).
    case success(echo: Value?)
    /// Syntax and resolve errors (all of them), or the one runtime error that stopped the run.
    case failure([Diagnostic])
}

extension Session {
    /// Parses, resolves, compiles and runs `source`. Variables persist across calls (the REPL
    /// runs each input this way); after an error every variable keeps its last value.
    public func run(_ source: String, name: String) -> RunResult {
        run(SourceFile(name: name, text: source))
    }

    /// Resolving and compiling recurse through the syntax tree as running does (a 1000-term
    /// chain is 1000 levels deep), so all three happen on the large stack.
    public func run(_ file: SourceFile) -> RunResult {
        compileAndRun(file) { compiled in try self.execute(compiled) }
    }

    /// Compiles `file` and hands the program to `body` on the large stack; a failure at
    /// either step becomes the result's diagnostics, and the interpreter's stack is reset.
    func compileAndRun(_ file: SourceFile, _ body: @escaping (CompiledProgram) throws -> Value?) -> RunResult {
        onLargeStack { () -> RunResult in
            let compiled: CompiledProgram
            switch self.compile(file) {
            case .failure(let failure): return .failure(failure.diagnostics)
            case .success(let program): compiled = program
            }
            do {
                return .success(echo: try body(compiled))
            } catch let d as Diagnostic {
                self.interpreter.resetStack()
                return .failure([d])
            } catch {
                self.interpreter.resetStack()
                return .failure([Diagnostic(.userError(message: "\(error)"), at: nil)])
            }
        }
    }

    /// Parses and resolves only, reporting every error found (`--check`).
    public func check(_ file: SourceFile) -> [Diagnostic] {
        onLargeStack { () -> [Diagnostic] in
            if case .failure(let failure) = self.compile(file) { return failure.diagnostics }
            return []
        }
    }

    /// Reads a script file as UTF-8; a missing or unreadable file is a diagnostic.
    /// `shown` is how errors name the file (the path as the user wrote it).
    public static func readSource(_ path: String, shown: String? = nil, at range: SourceRange? = nil) -> Result<SourceFile, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            return .failure(Diagnostic(.fileError(path: shown ?? path, message: exists ? "cannot read the file" : "no such file"), at: range))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(Diagnostic(.fileError(path: shown ?? path, message: "the file is not UTF-8 text"), at: range))
        }
        return .success(SourceFile(name: path, text: text))
    }

    func compile(_ file: SourceFile) -> Result<CompiledProgram, CompileFailure> {
        let (program, syntaxErrors) = Parser.parse(file)
        var seen: Set<String> = []
        predeclareImports(of: program.statements, directory: Session.directory(containing: file.name), seen: &seen)
        let resolution = Resolver.resolve(program, globals: globals)
        var resolved = resolution.diagnostics
        if syntaxErrors.contains(where: \.kind.isPythonHabit) {
            // A Python `def f():` was not parsed, so every use of `f` would be undefined too.
            resolved.removeAll { if case .undefinedVariable = $0.kind { true } else { false } }
        }
        var diagnostics = syntaxErrors + resolved
        if globals.overflowed {
            diagnostics.append(Diagnostic(.tooManyVariables(limit: GlobalTable.capacity - 1), at: program.statements.first?.range))
        }
        if !diagnostics.isEmpty {
            return .failure(CompileFailure(diagnostics: diagnostics.sorted { ($0.range?.start ?? 0) < ($1.range?.start ?? 0) }))
        }
        let compiler = Compiler(resolution: resolution, globals: globals, file: file)
        return .success(compiler.compileProgram(program))
    }

    func execute(_ program: CompiledProgram) throws -> Value? {
        let frame = Frame(slots: globals.values, cells: nil, machine: interpreter.machine, interp: interpreter)
        var last: Value? = nil
        for (i, statement) in program.statements.enumerated() {
            let completion = try statement(frame)
            if i == program.statements.count - 1, program.endsWithExpression, case .normal(let v) = completion {
                if case .null = v { last = nil } else { last = v }
            }
        }
        return last
    }

    /// Runs `body` on a thread with a large stack so that deep (but limited) recursion in
    /// programs can never overflow the native stack.
    func onLargeStack<T>(_ body: @escaping () -> T) -> T {
        let scope = executionScope
        let box = LargeStackBox(body)
        let size = 1 << 29
        box.run = { scope { self.interpreter.guardingStack(size: size) { box.value = box.body?() } } }
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.run()
            // Let go of the work (and through it the session) before the caller resumes:
            // the thread object may outlive this call, and the session should end when
            // its owner lets go of it, freeing its values on that thread.
            box.run = {}
            box.body = nil
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        let result = box.value
        box.value = nil
        return result ?? body()
    }
}

/// Hands a closure and its result between threads; used only while the caller waits.
private final class LargeStackBox<T>: @unchecked Sendable {
    var value: T?
    var run: () -> Void = {}
    var body: (() -> T)?
    init(_ body: @escaping () -> T) { self.body = body }
}

/// A compiled program: one closure per top-level statement.
struct CompiledProgram {
    let statements: [Exec]
    let endsWithExpression: Bool
}

/// Every syntax and resolve error of one source.
struct CompileFailure: Error {
    let diagnostics: [Diagnostic]
}
