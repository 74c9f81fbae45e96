import Testing
@testable import MNLConsole

/// The REPL's behaviour added in issue 9: Ctrl-D at a continuation prompt, exit requests,
/// `name?`, `:vars NAME`, `:timeit`, and what `:save` keeps of failed inputs.
@Suite struct RoundTwoREPLTests {
    @Test func controlDAtAContinuationPromptCancelsTheInputOnATerminal() {
        var reader = ScriptedLineReader(results: [.line("f(1,"), .endOfInput, .line("5"), .endOfInput])
        reader.endOfInputIsAKey = true
        let output = CapturedReplOutput()
        let repl = REPL(reader: reader, engine: FakeEngine(), output: output, interrupt: .standalone())
        #expect(repl.run() == 0)
        #expect(repl.engine.evaluated.map(\.source) == ["5"])
        #expect(repl.reader.prompts == [">>> ", "... ", ">>> ", ">>> "])
        #expect(output.standardError == "(incomplete input discarded)\n")
    }

    @Test func anExitOutcomeEndsTheLoopWithItsStatus() {
        let output = CapturedReplOutput()
        let repl = REPL(reader: ScriptedLineReader(["1", "leave()", "2"]), engine: FakeEngine(), output: output,
                        interrupt: .standalone())
        #expect(repl.run() == 3)
        #expect(repl.engine.evaluated.map(\.source) == ["1", "leave()"])
        #expect(output.standardOutput == "1\n")
    }

    @Test func aQuestionMarkAfterANameAsksForHelp() {
        let (repl, output) = runREPL(["sum?", "x.sum?", "a ? b", "?"])
        #expect(output.standardOutput.hasPrefix("sum(t): adds the elements\n"))
        #expect(output.standardError == "no help for 'x.sum'\n")
        #expect(repl.engine.evaluated.map(\.source) == ["a ? b"])
        typealias R = REPL<ScriptedLineReader, FakeEngine>
        #expect(R.helpTopic("data.train?") == "data.train")
        #expect(R.helpTopic("?for") == "for")
        #expect(R.helpTopic("f(x)?") == nil)
        #expect(R.helpTopic("1?") == nil)
    }

    @Test func varsWithANameShowsOneVariableOrSuggestsOne() {
        let engine = FakeEngine()
        engine.variablesTable = [
            ReplVariable(name: "images", type: "tensor", detail: "(60000, 28, 28) float32"),
            ReplVariable(name: "lr", type: "number", detail: "0.1"),
        ]
        let (_, output) = runREPL([":vars lr", ":vars imagse", ":vars zzz"], engine: engine)
        #expect(output.standardOutput == "name  type    detail\nlr    number  0.1\n")
        #expect(output.standardError == "no variable 'imagse' (did you mean 'images'?)\nno variable 'zzz'\n")
    }

    @Test func timeitRepeatsUntilARunTakesAFifthOfASecond() {
        let (repl, output) = runREPL([":timeit nap()"])
        // 1 loop takes 0.1 s, 2 loops 0.2 s: runs of 2 loops, 7 of them (1.4 s in all).
        #expect(repl.engine.evaluated.count == 1 + 2 * 7)
        let report = output.standardOutput
        #expect(report.wholeMatch(of: /1\d\d ms ± [0-9.]+ (ms|µs) per loop \(median ± MAD of 7 runs of 2 loops\)\n/) != nil,
                "\(report)")
        #expect(repl.inputsToSave.isEmpty)  // timing is not part of the session's script
    }

    @Test func timeitStopsAtAnErrorOrAnInterrupt() {
        let (failing, failed) = runREPL([":timeit fail()", ":timeit"])
        #expect(failing.engine.evaluated.count == 1)
        #expect(failed.standardError == "<timeit>:1:1: error: boom\nusage: :timeit <code>\n")
        let (spinning, interrupted) = runREPL([":timeit spin()"])
        #expect(spinning.engine.evaluated.count == 1)
        #expect(interrupted.standardError == "interrupted\n")
    }

    @Test func timeitArithmetic() {
        #expect(TimeitPlan.median([3, 1, 2]) == 2)
        #expect(TimeitPlan.median([4, 1, 2, 3]) == 2.5)
        #expect(TimeitPlan.runCount(forRunSeconds: 0.2) == 7)
        #expect(TimeitPlan.runCount(forRunSeconds: 0.5) == 4)
        #expect(TimeitPlan.runCount(forRunSeconds: 5) == 1)
        #expect(TimeitPlan.format(seconds: 0.0123) == "12.3 ms")
        #expect(TimeitPlan.format(seconds: 8.12e-7) == "812 ns")
        #expect(TimeitPlan.format(seconds: 1.5) == "1.50 s")
        #expect(TimeitPlan.format(seconds: 4.5e-5) == "45.0 µs")
        #expect(TimeitPlan.report(runSeconds: [0.10, 0.12, 0.11], loops: 10)
                == "11.0 ms ± 1.00 ms per loop (median ± MAD of 3 runs of 10 loops)")
    }

    @Test func theInputsThatShowedAValueAreKnownToTheSave() {
        let (repl, _) = runREPL(["a = 1", "2", "fail", "b = 3", "4", ":reset", "5"])
        #expect(repl.inputsToSave == ["5"])
        #expect(repl.inputsShowingValues == [0])
        let (before, _) = runREPL(["a = 1", "2", "b = 3", "4"])
        #expect(before.inputsShowingValues == [1, 3])
    }

    @Test func saveKeepsTheReplayableFormOfFailedInputsThatRan() throws {
        let directory = temporaryDirectory()
        let path = directory + "/kept.mnl"
        let (repl, _) = runREPL(["a = 1", "fail now", "partly fail", "b = 2", ":save \(path)"])
        #expect(repl.inputsToSave == ["a = 1", "# kept\npartly fail", "b = 2"])
        #expect(try AtomicFile.contents(of: path) == "a = 1\n# kept\npartly fail\nb = 2\n")
    }
}

/// What Tab offers where the REPL, not the language, knows the answer.
@Suite struct ReplCompletionTests {
    @Test func commandNamesAfterAColon() {
        let engine = FakeEngine()
        #expect(ReplCompletion.candidates(line: ":ti", cursor: 3, engine: engine) == ["time", "timeit"])
        #expect(ReplCompletion.candidates(line: ":", cursor: 1, engine: engine).count == ReplCommand.allCases.count)
        #expect(ReplCompletion.candidates(line: "x.s", cursor: 3, engine: engine) == ["shape", "sum"])
    }

    @Test func pathPositionsAreInsideStringsAndAfterLoadAndSave() {
        #expect(ReplCompletion.pathWord(before: "load_csv(\"Da") == "Da")
        #expect(ReplCompletion.pathWord(before: ":load ~/scr") == "~/scr")
        #expect(ReplCompletion.pathWord(before: ":save ") == "")
        #expect(ReplCompletion.pathWord(before: "f(\"a\", \"b\\\"c/d") == "b\\\"c/d")
        #expect(ReplCompletion.pathWord(before: "f(\"a\", x") == nil)
        #expect(ReplCompletion.pathWord(before: "x = 1 # \"note") == nil)
    }

    @Test func pathsListTheDirectoryWithSlashesAfterDirectories() throws {
        let directory = temporaryDirectory()
        try AtomicFile.write("1,2\n", to: directory + "/train.csv")
        try AtomicFile.write("", to: directory + "/.hidden")
        _ = mkdirOK(directory + "/tensors")
        #expect(ReplCompletion.paths(startingWith: directory + "/t") == [directory + "/tensors/", directory + "/train.csv"])
        #expect(ReplCompletion.paths(startingWith: directory + "/tr") == [directory + "/train.csv"])
        #expect(ReplCompletion.paths(startingWith: directory + "/.h") == [directory + "/.hidden"])
        #expect(ReplCompletion.paths(startingWith: directory + "/") == [directory + "/tensors/", directory + "/train.csv"])
        let engine = FakeEngine()
        let line = "load_csv(\"\(directory)/tra"
        #expect(ReplCompletion.candidates(line: line, cursor: line.count, engine: engine) == [directory + "/train.csv"])
    }

    @Test func pathCandidatesKeepTheirDots() {
        #expect(CompletionCandidates.normalize(["data/train.csv", "data/test.csv"], word: "data/t", isPath: true)
                == ["data/test.csv", "data/train.csv"])
        #expect(CompletionCandidates.normalize(["x.shape"], word: "sh") == ["shape"])
    }

    @Test func suggestionsAreCloseNames() {
        #expect(Suggestion.closest(to: "imagse", among: ["images", "labels"]) == "images")
        #expect(Suggestion.closest(to: "q", among: ["images"]) == nil)
        #expect(Suggestion.distance("kitten", "sitting") == 3)
        #expect(Suggestion.distance("", "abc") == 3)
    }
}

#if canImport(Glibc)
import Glibc
#endif

private func mkdirOK(_ path: String) -> Bool { mkdir(path, 0o755) == 0 }
