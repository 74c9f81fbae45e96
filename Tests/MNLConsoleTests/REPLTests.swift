import Testing
@testable import MNLConsole

@Suite struct REPLLoopTests {
    @Test func echoesSuccessfulInputsAndNamesThem() {
        let (repl, output) = runREPL(["1 + 2", "x = 3", "x"])
        #expect(output.standardOutput == "1 + 2\nx\n")
        #expect(repl.engine.evaluated.map(\.name) == ["<repl:1>", "<repl:2>", "<repl:3>"])
        #expect(repl.reader.prompts == [">>> ", ">>> ", ">>> ", ">>> "])
    }

    @Test func continuationGathersLinesIntoOneInputAndOneHistoryEntry() {
        let (repl, output) = runREPL(["f(1,", "", "2)", "3"])
        #expect(repl.engine.evaluated.map(\.source) == ["f(1,\n\n2)", "3"])
        #expect(repl.reader.prompts == [">>> ", "... ", "... ", ">>> ", ">>> "])
        #expect(repl.reader.history == ["f(1,\n\n2)", "3"])
        #expect(output.standardOutput == "f(1,\n\n2)\n3\n")
    }

    @Test func twoBlankLinesAbandonAnIncompleteInput() {
        let (repl, output) = runREPL(["f(1,", "", "  ", "4"])
        #expect(repl.engine.evaluated.map(\.source) == ["4"])
        #expect(output.standardError.contains("discarded"))
    }

    @Test func failureGoesToStandardErrorAndTheLoopGoesOn() {
        let (repl, output) = runREPL(["fail()", "5"])
        #expect(output.standardError == "<repl:1>:1:1: error: boom\n")
        #expect(output.standardOutput == "5\n")
        #expect(repl.inputsToSave == ["5"])
    }

    @Test func interruptedComputationIsReported() {
        let (repl, output) = runREPL(["spin()", "6"])
        #expect(output.standardError == "interrupted\n")
        #expect(output.standardOutput == "6\n")
        #expect(repl.inputsToSave == ["6"])
    }

    @Test func ctrlCAtThePromptDiscardsPartialInput() {
        let reader = ScriptedLineReader(results: [.line("g(1,"), .interrupted, .line("7")])
        let output = CapturedReplOutput()
        let repl = REPL(reader: reader, engine: FakeEngine(), output: output, interrupt: .standalone())
        repl.run()
        #expect(repl.engine.evaluated.map(\.source) == ["7"])
        #expect(repl.reader.prompts == [">>> ", "... ", ">>> ", ">>> "])
    }

    @Test func endOfAPipeStopsAndEvaluatesAnIncompleteTail() {
        let (repl, _) = runREPL(["h(1,"])
        #expect(repl.engine.evaluated.map(\.source) == ["h(1,"])
        let (quiet, output) = runREPL([])
        #expect(quiet.engine.evaluated.isEmpty && output.standardOutput.isEmpty)
    }

    @Test func quitStopsBeforeLaterLines() {
        let (repl, _) = runREPL(["1", ":quit", "2"])
        #expect(repl.engine.evaluated.map(\.source) == ["1"])
        #expect(repl.reader.history == ["1", ":quit"])
    }

    @Test func blankLinesAtAFreshPromptAreIgnored() {
        let (repl, output) = runREPL(["", "   ", "8"])
        #expect(repl.engine.evaluated.map(\.name) == ["<repl:1>"])
        #expect(output.standardOutput == "8\n")
    }
}
