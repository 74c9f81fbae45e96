#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import MNLConsole

@Suite struct REPLCommandTests {
    @Test func varsPrintsAnAlignedTable() {
        let engine = FakeEngine()
        engine.variablesTable = [
            ReplVariable(name: "images", type: "tensor", detail: "[60000, 28, 28] f32 188 MB"),
            ReplVariable(name: "lr", type: "number", detail: ""),
        ]
        let (_, output) = runREPL([":vars"], engine: engine)
        #expect(output.standardOutput == """
            name    type    detail
            images  tensor  [60000, 28, 28] f32 188 MB
            lr      number

            """)
        #expect(runREPL([":vars"]).output.standardOutput == "(no variables)\n")
    }

    @Test func timeEvaluatesAndPrintsTheWallTime() {
        let (repl, output) = runREPL([":time 2 * 3"])
        #expect(repl.engine.evaluated.map(\.source) == ["2 * 3"])
        #expect(output.standardOutput.hasPrefix("2 * 3\ntime: "))
        #expect(output.standardOutput.hasSuffix(" ms\n"))
        #expect(REPL<ScriptedLineReader, FakeEngine>.format(.milliseconds(12.34)) == "12.3 ms")
        #expect(REPL<ScriptedLineReader, FakeEngine>.format(.milliseconds(1234)) == "1.234 s")
        #expect(runREPL([":time"]).output.standardError == "usage: :time <code>\n")
    }

    @Test func helpForANameAndTheOverview() {
        let (_, output) = runREPL(["?sum", ":help sum", "?nothing", ":help"])
        #expect(output.standardOutput.hasPrefix("sum(t): adds the elements\nsum(t): adds the elements\ncommands:\n"))
        #expect(output.standardOutput.contains(":save <file.mnl>"))
        #expect(output.standardError == "no help for 'nothing'\n")
    }

    @Test func unknownCommandListsTheCommands() {
        let (repl, output) = runREPL([":frobnicate now", "1"])
        #expect(output.standardError.contains("unknown command ':frobnicate'"))
        #expect(output.standardError.contains(":vars :time :timeit :load :save :reset :help :quit"))
        #expect(repl.engine.evaluated.map(\.source) == ["1"])
    }

    @Test func resetForgetsVariablesAndSavedInputs() {
        let (repl, output) = runREPL(["a = 1", ":reset", "b = 2"])
        #expect(repl.engine.resetCount == 1)
        #expect(repl.inputsToSave == ["b = 2"])
        #expect(output.standardOutput == "session reset\n")
    }

    @Test func saveWritesOnlySuccessfulInputsInOrder() throws {
        let directory = temporaryDirectory()
        let path = directory + "/session.mnl"
        let (_, output) = runREPL(["a = 1", "fail(a)", "f(a,", "2)", "spin()", ":save \(path)"])
        #expect(try AtomicFile.contents(of: path) == "a = 1\nf(a,\n2)\n")
        #expect(output.standardOutput == "f(a,\n2)\nsaved 2 inputs to \(path)\n")
        #expect(try directoryEntries(directory) == ["session.mnl"])
    }

    @Test func saveFailureLeavesNoTemporaryFileAndReportsIt() throws {
        let directory = temporaryDirectory()
        mkdir(directory + "/taken", 0o755)
        let (_, output) = runREPL(["a = 1", ":save \(directory)/taken", ":save /nonexistent-dir/x.mnl"])
        #expect(output.standardError.hasPrefix("cannot save \(directory)/taken: "))
        #expect(output.standardError.contains("cannot save /nonexistent-dir/x.mnl: No such file"))
        #expect(try directoryEntries(directory) == ["taken"])
    }

    @Test func loadRunsAFileUnderItsOwnNameAndRecordsIt() throws {
        let directory = temporaryDirectory()
        let script = directory + "/prep.mnl"
        try AtomicFile.write("w = 5\n", to: script)
        let broken = directory + "/broken.mnl"
        try AtomicFile.write("fail()\n", to: broken)
        let (repl, output) = runREPL([":load \(script)", ":load \(broken)", ":load \(directory)/missing.mnl"])
        #expect(repl.engine.evaluated.map(\.name) == [script, broken])
        #expect(repl.inputsToSave == ["# :load \(script)\nw = 5"])
        #expect(output.standardError.hasPrefix("\(broken):1:1: error: boom\ncannot load \(directory)/missing.mnl: "))
    }

    @Test func commandsNeedAFreshPrompt() {
        let (repl, _) = runREPL(["f(1,", ":vars", ")"])
        #expect(repl.engine.evaluated.map(\.source) == ["f(1,\n:vars\n)"])
    }
}

func directoryEntries(_ path: String) throws -> [String] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
        if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
}
