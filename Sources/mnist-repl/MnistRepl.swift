import ArgumentParser
import Foundation
import MemoryBudget
import MNLConsole
import MNLRuntime
import MNLStdlib
import MNLSyntax
import TensorKit

/// `mnist-repl [FILE.mnl | - [ARGS...]]`, `mnist-repl -e CODE`, `mnist-repl --check FILE`.
/// Exit status: 0 on success, 1 when the script fails, 2 on a usage error, n after `exit(n)`.
@main
struct MnistRepl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mnist-repl",
        abstract: "A scripting REPL for machine-learning experiments, with tensors built in.",
        discussion: "With no FILE, reads a script from standard input when it is not a terminal, else starts the interactive REPL.",
        version: "mnist-repl 0.1.0\nBLAS: \(BLASInfo.current.summary)\nCPU: \(CPUFeatureSet.current)")

    @Option(name: [.customShort("e"), .customLong("code")], help: ArgumentHelp("Run CODE and exit.", valueName: "CODE"))
    var code: String?

    @Flag(help: "Parse and resolve FILE only, reporting every error found.")
    var check = false

    @Flag(help: "Print the tokens of FILE (or CODE) and exit.")
    var dumpTokens = false

    @Flag(help: "Print the syntax tree of FILE (or CODE) and exit.")
    var dumpAst = false

    @Flag(help: "Print the resolved form of FILE (or CODE): where each variable lives, and which expressions and loops get the compiler's fast forms; then exit.")
    var dumpResolved = false

    @Flag(name: [.customShort("i"), .customLong("interactive")],
          help: "Run FILE (or CODE), then stay at the prompt with its variables, even when it fails (as python -i does).")
    var interactive = false

    @Option(help: ArgumentHelp("The most memory programs may make mnist-repl take, e.g. 8G or 512M (default: 80% of physical memory, or 60% of `ulimit -v`). Beyond it, an allocation is an error the program can catch, never a crash.",
                               valueName: "SIZE"))
    var memoryLimit: String?

    @ArgumentParser.Argument(help: ArgumentHelp("The script to run (`-`: read it from standard input), then the arguments it sees as `args`.",
                                                valueName: "FILE.mnl [ARGS...]"))
    var script: [String] = []

    /// Options end at the first argument that is not an option (the script) or at `--`;
    /// everything from the script on belongs to the script, options included.
    static func splitArguments(_ all: [String]) -> (options: [String], script: [String]) {
        var i = 0
        while i < all.count {
            let a = all[i]
            if a == "--" { return (Array(all[..<i]), Array(all[(i + 1)...])) }
            guard a.hasPrefix("-"), a != "-" else { break }
            i += ["-e", "--code", "--memory-limit"].contains(a) ? 2 : 1
        }
        let cut = Swift.min(i, all.count)
        return (Array(all[..<cut]), Array(all[cut...]))
    }

    static func main() {
        BLASStartup.selectBestCore()
        do {
            let (options, script) = splitArguments(Array(CommandLine.arguments.dropFirst()))
            var command = try parse(options)
            command.script = script
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    func validate() throws {
        if let memoryLimit, MemoryBudget.bytes(fromText: memoryLimit) == nil {
            throw ValidationError("--memory-limit: '\(memoryLimit)' is not a size (examples: 8G, 512M, 1073741824)")
        }
    }

    func run() throws {
        if let bytes = memoryLimit.flatMap(MemoryBudget.bytes(fromText:)) { MemoryBudget.setLimit(bytes) }
        let renderer = DiagnosticRenderer(style: isatty(2) != 0 ? .color : .plain)
        let source: SourceFile
        if let code {
            source = SourceFile(name: "<command line>", text: code)
        } else if let path = script.first, path != "-" {
            switch Session.readSource(path) {
            case .success(let file): source = file
            case .failure(let problem):
                Console.error("mnist-repl: \(problem.kind.message)")
                throw ExitCode(1)
            }
        } else if script.first == "-" || (isatty(0) == 0 && !interactive) {  // `-`: stdin, as python3 -
            let data = FileHandle.standardInput.readDataToEndOfFile()
            source = SourceFile(name: "<stdin>", text: String(decoding: data, as: UTF8.self))
        } else {
            if check || dumpTokens || dumpAst || dumpResolved { throw ValidationError("--check and --dump-* need a FILE or -e CODE") }
            let status = Interactive.run(session: Self.makeSession())
            if status != 0 { throw ExitCode(status) }
            return
        }
        if dumpTokens || dumpAst {
            Dump.print(source, tokens: dumpTokens)
            return
        }
        let session = Self.makeSession()
        if dumpResolved {
            let (text, problems) = session.dumpResolved(source)
            if let text { print(text) }
            for d in problems { Console.error(renderer.render(d)) }
            if !problems.isEmpty { throw ExitCode(1) }
            return
        }
        if check {
            let problems = session.check(source)
            for d in problems { Console.error(renderer.render(d)) }
            if !problems.isEmpty { throw ExitCode(1) }
            return
        }
        session.scriptArguments = code == nil ? Array(script.dropFirst()) : script
        Interrupts.install(for: session)
        let result = session.run(source)
        if case .failure(let diagnostics) = result, let status = diagnostics.first?.exitStatus {
            throw ExitCode(Int32(status))
        }
        if case .failure(let diagnostics) = result {
            for d in diagnostics { Console.error(renderer.render(d)) }
            if !interactive { throw ExitCode(1) }
        }
        if interactive {
            let status = Interactive.run(session: session)
            if status != 0 { throw ExitCode(status) }
        }
    }
}

extension MnistRepl {
    /// A session whose images print for this process's standard output: half blocks in
    /// colour on a terminal, ASCII shades under NO_COLOR or into a pipe.
    static func makeSession() -> Session {
        let session = Stdlib.makeSession(display: StandardDisplay.make())
        Stdlib.configureImages(session, environment: ProcessInfo.processInfo.environment, isTerminal: isatty(1) != 0,
                               width: TerminalWidth.columns(of: 1))
        return session
    }
}
