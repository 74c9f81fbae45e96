#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MNLTestSupport
import Testing

/// Issue 9's REPL on a pseudo-terminal: Ctrl-D at `... `, blocks with syntax errors, `:save`
/// and replay, `_`, `exit`, `-i`, `:timeit`, `:vars NAME`, completion, echo and help.
@Suite(.serialized) struct REPLRoundTwoTests {
    @Test func controlDAtAContinuationPromptCancelsTheBlockAndKeepsTheSession() throws {
        let home = try TemporaryDirectory()
        let repl = try ReplSession(home: home)
        try repl.enter("kept = 41")
        try repl.terminal.sendLine("for i in range(3) {")
        try repl.terminal.expect("... ")
        try repl.terminal.sendLine("kept = 0")
        try repl.terminal.expect("... ")
        try repl.terminal.sendControlD()
        let cancelled = try repl.terminal.expect(">>> ", timeout: .seconds(10))
        #expect(PseudoTerminal.stripEscapes(cancelled).contains("(incomplete input discarded)"))
        #expect(try repl.enter("kept + 1") == "42\n")
        #expect(try repl.quit() == .exited(0))  // at the main prompt Ctrl-D still leaves
    }

    @Test func aSyntaxErrorInABlockRejectsTheWholeBlockOnce() throws {
        let home = try TemporaryDirectory()
        let repl = try ReplSession(home: home)
        try repl.terminal.sendLine("for i in range(3) {")
        try repl.terminal.expect("... ")
        try repl.terminal.sendLine("  y = = 2")
        try repl.terminal.expect("... ")  // the block goes on until it closes
        try repl.terminal.sendLine("  print(i)")
        try repl.terminal.expect("... ")
        let error = try repl.enter("}")
        #expect(error == """
            <repl:1>:2:7: error: expected an expression, found '='
                2 |   y = = 2
                  |       ^

            """)
        #expect(try repl.enter("i").contains("undefined variable 'i'"))  // nothing ran

        // A lexical error (a bad escape) inside a block waits for the block's end too.
        try repl.terminal.sendLine("while true {")
        try repl.terminal.expect("... ")
        try repl.terminal.sendLine("  s = \"a\\q\"")
        try repl.terminal.expect("... ")
        let lexical = try repl.enter("}")
        #expect(lexical.hasPrefix("<repl:3>:2:9: error: invalid escape sequence '\\q' in string\n"), "\(lexical)")
        #expect(try repl.enter("1 + 1") == "2\n")
        #expect(try repl.quit() == .exited(0))
    }

    @Test func replayingASavedSessionReproducesEveryVariable() throws {
        let home = try TemporaryDirectory()
        let repl = try ReplSession(home: home)
        try repl.enter("seed(1)")
        try repl.enter("w = randn(3)")
        #expect(try repl.enter("z9 = w.sum(); [1][5]").contains("out of range"))
        #expect(try repl.enter("for k in range(5) { total = k; if k == 2 { [1][9] } }").contains("out of range"))
        #expect(try repl.enter("[\"a\", \"b\"]") == "[\"a\", \"b\"]\n")
        try repl.enter("names = _")  // saved as `_ = ["a", "b"]` then `names = _`
        try repl.enter("fn double(x) { x * 2 }")
        try repl.enter("result = double(z9)")
        let before = try repl.enter(":vars")
        #expect(before.contains("z9 ") && before.contains("total ") && before.contains("result "))
        #expect(try repl.enter(":save ~/replay.mnl").hasPrefix("saved 8 inputs"))
        #expect(try repl.quit() == .exited(0))

        #expect(try home.read("replay.mnl").contains("_ = [\"a\", \"b\"]\nnames = _\n"))
        let replay = try ReplSession(home: home, arguments: ["-i", home.path + "/replay.mnl"])
        #expect(try replay.enter(":vars") == before)
        #expect(try replay.enter("result == double(w.sum())") == "bool(true)\n")  // a 0-d tensor compared: the echo names its dtype
        #expect(try replay.enter("names") == "[\"a\", \"b\"]\n")
        #expect(try replay.quit() == .exited(0))
    }

    @Test func underscoreIsTheLastValueUntilTheUserAssignsIt() throws {
        let home = try TemporaryDirectory()
        let repl = try ReplSession(home: home)
        #expect(try repl.enter("3 + 4") == "7\n")
        #expect(try repl.enter("_ * 2") == "14\n")
        try repl.enter("x = 1")  // no echo: `_` stays
        #expect(try repl.enter("_") == "14\n")
        #expect(try repl.enter(":vars") == "name  type    detail\nx     number  1\n")
        try repl.enter("_ = \"mine\"")
        #expect(try repl.enter("100") == "100\n")
        #expect(try repl.enter("_") == "\"mine\"\n")  // the user's `_` shadows the last value
        #expect(try repl.quit() == .exited(0))
    }

    @Test func exitAndQuitLeaveWithTheirStatus() throws {
        let home = try TemporaryDirectory()
        for (word, status) in [("exit", Int32(0)), ("quit()", 0), ("exit(3)", 3), ("quit", 0)] {
            let repl = try ReplSession(home: home)
            try repl.enter("x = 1")
            try repl.terminal.sendLine(word)
            #expect(try repl.terminal.waitForExit(timeout: .seconds(10)) == .exited(status), "\(word)")
        }
    }

    @Test func exitEndsAScriptWithItsStatusAndTryDoesNotCatchIt() throws {
        let plain = try runMnistRepl(["-e", "print(1); exit(); print(2)"])
        #expect(plain.status == 0 && plain.stdout == "1\n" && plain.stderr == "", "\(plain)")
        let four = try runMnistRepl(["-e", "print(1)\ntry { exit(4) } catch e { print(e) }\nprint(2)"])
        #expect(four.status == 4 && four.stdout == "1\n" && four.stderr == "", "\(four)")
        let bad = try runMnistRepl(["-e", "quit(300)"])
        #expect(bad.status == 1 && bad.stderr.contains("exit status must be from 0 to 255, not 300"), "\(bad)")
    }

    @Test func dashIRunsTheScriptThenStaysEvenWhenItFails() throws {
        let home = try TemporaryDirectory()
        let script = try home.write("partial.mnl", "defined_first = 5\nprint(\"ran\")\n[1][7]\nnever = 1\n")
        let repl = try ReplSession(home: home, arguments: ["-i", script])
        #expect(repl.terminal.plainOutput.contains("ran\n"))
        #expect(repl.terminal.plainOutput.contains("error: index 7 is out of range for size 1"))
        #expect(try repl.enter("defined_first * 2") == "10\n")
        #expect(try repl.enter("never").contains("undefined variable 'never'"))
        #expect(try repl.quit() == .exited(0))
    }

    @Test func timeitAndVarsOfOneName() throws {
        let home = try TemporaryDirectory()
        let repl = try ReplSession(home: home)
        try repl.enter("values = list(range(100))")
        let timed = try repl.enter(":timeit sum(values)", timeout: .seconds(60))
        #expect(timed.wholeMatch(of: /[0-9.]+ (ns|µs|ms|s) ± [0-9.]+ (ns|µs|ms|s) per loop \(median ± MAD of [1-7] runs? of [0-9]+ loops?\)\n/) != nil,
                "\(timed)")
        #expect(try repl.enter(":vars values") == "name    type  detail\nvalues  list  100 items\n")
        #expect(try repl.enter(":vars valeus") == "no variable 'valeus' (did you mean 'values'?)\n")
        #expect(try repl.quit() == .exited(0))
    }

    @Test func tabCompletesCommandsPathsKeywordArgumentsAndMemberPaths() throws {
        let home = try TemporaryDirectory()
        try home.write("Datafile.csv", "a\n1\n")
        let repl = try ReplSession(home: home)
        try repl.terminal.send(":tim")
        try repl.terminal.sendTab()  // completes the common prefix, `time`
        try repl.terminal.expect("e")
        try repl.terminal.sendTab()  // rings the bell: `time` or `timeit`?
        try repl.terminal.sendTab()  // lists both
        try repl.terminal.expect(regex: #"time\s+timeit"#)
        try repl.terminal.sendControlC()
        try repl.terminal.expect(">>> ", timeout: .seconds(20))

        try FileManager.default.createDirectory(atPath: home.path + "/Folder", withIntermediateDirectories: true)
        try home.write("Folder/inside.csv", "b\n2\n")
        try repl.terminal.send("read_csv(\"\(home.path)/Fol")
        try repl.terminal.sendTab()
        try repl.terminal.expect("der/")  // a directory keeps the string open
        try repl.terminal.sendTab()
        try repl.terminal.expect("inside.csv\"")
        try repl.terminal.sendLine(").columns")
        try repl.terminal.expect("[\"b\"]\r\n>>> ", timeout: .seconds(20))

        let partial = "read_csv(\"\(home.path)/Dataf"
        try repl.terminal.send(partial)
        try repl.terminal.expect("Dataf")
        try repl.terminal.sendTab()
        try repl.terminal.expect("ile.csv\"")  // a unique file closes the string
        try repl.terminal.sendLine(").columns")
        try repl.terminal.expect("[\"a\"]\r\n>>> ", timeout: .seconds(20))

        try repl.enter("fn scaled(x, factor=2) { x * factor }")
        try repl.terminal.send("scaled(4, fac")
        try repl.terminal.sendTab()
        try repl.terminal.expect("tor=")
        try repl.terminal.sendLine("10)")
        try repl.terminal.expect("\r\n40\r\n>>> ", timeout: .seconds(20))

        try repl.enter("t = tensor([[1, 2, 3]])")
        try repl.terminal.send("t.sum(ax")
        try repl.terminal.sendTab()
        try repl.terminal.expect("is=")
        try repl.terminal.sendLine("1)")
        try repl.terminal.expect("\r\n", timeout: .seconds(20))
        try repl.terminal.expect(">>> ", timeout: .seconds(20))

        // The one `sum` builtin declares axis= too, so the global form completes as well.
        try repl.terminal.send("sum(t, ax")
        try repl.terminal.sendTab()
        try repl.terminal.expect("is=")
        try repl.terminal.sendLine("0).shape")
        try repl.terminal.expect("(3,)\r\n>>> ", timeout: .seconds(20))

        try repl.terminal.send("t.T.sha")
        try repl.terminal.sendTab()
        try repl.terminal.expect("pe")
        try repl.terminal.sendLine()
        try repl.terminal.expect("(3, 1)\r\n>>> ", timeout: .seconds(20))

        try repl.enter("rows = [t]")
        try repl.terminal.send("rows[0].nd")
        try repl.terminal.sendTab()
        try repl.terminal.expect("im")
        try repl.terminal.sendLine()
        try repl.terminal.expect("2\r\n>>> ", timeout: .seconds(20))

        // A prefix with a call is never run to find its members.
        try repl.enter("calls = 0")
        try repl.enter("fn counted() { global calls; calls += 1; t }")
        // Each key waits for the REPL's answer (the echo, then the bell: no candidates), so
        // that Ctrl-C does not overtake the completion on a loaded machine.
        try repl.terminal.send("counted().sha")
        try repl.terminal.expect("counted().sha", timeout: .seconds(20))
        try repl.terminal.sendTab()
        try repl.terminal.expect("\u{07}", timeout: .seconds(20))
        try repl.terminal.sendTab()
        try repl.terminal.expect("\u{07}", timeout: .seconds(20))
        try repl.terminal.sendControlC()
        try repl.terminal.expect(">>> ", timeout: .seconds(20))
        #expect(try repl.enter("calls") == "0\n")
        #expect(try repl.quit() == .exited(0))
    }

    @Test func echoSummarisesLargeValuesAndUsesTheTerminalWidth() throws {
        let home = try TemporaryDirectory()
        let repl = try ReplSession(home: home, columns: 120)
        #expect(try repl.enter("list(range(100000))") == "[0, 1, 2, ..., 99997, 99998, 99999] (100000 items)\n")
        #expect(try repl.enter("{train: zeros(60000, 784), name: \"mnist\"}") == """
            {
              train: tensor (60000, 784) float32  179.4 MiB
              name: "mnist"
            }

            """)
        #expect(try repl.enter("{a: 1, b: [2]}") == "{a: 1, b: [2]}\n")
        let long = try repl.enter("\"ab\" * 1000")
        let edge = String(repeating: "ab", count: 30)
        #expect(long == "\"\(edge)...\(edge)\" (2000 characters)\n", "\(long)")
        let wide = try repl.enter("arange(40) + 0.5")
        let widest = wide.split(separator: "\n").map(\.count).max() ?? 0
        #expect(widest > 80 && widest <= 120, "\(wide)")
        // print shows everything, at the default width.
        let printed = try repl.enter("print(arange(40) + 0.5)")
        #expect((printed.split(separator: "\n").map(\.count).max() ?? 0) <= 75, "\(printed)")
        #expect(try repl.enter("print(len(str(list(range(2000)))))") == "\(Self.listLength(2000))\n")
        #expect(try repl.quit() == .exited(0))
    }

    static func listLength(_ n: Int) -> Int {
        "[" .count + (0..<n).map { String($0) }.joined(separator: ", ").count + "]".count
    }

    @Test func helpOnKeywordsMembersAndSuffixForm() throws {
        let home = try TemporaryDirectory()
        let repl = try ReplSession(home: home)
        let forHelp = try repl.enter("?for")
        #expect(forHelp.hasPrefix("for name in iterable { ... }\n"))
        #expect(forHelp.contains("  Example:\n    for i in range(3) { print(i * i) }\n  Output:\n    0\n    1\n    4\n"))
        #expect(try repl.enter("len?") == (try repl.enter("?len")))
        #expect(try repl.enter("?len").contains("  Output:\n    3\n"))
        try repl.enter("x = tensor([1, 2])")
        let member = try repl.enter("?x.sum")
        #expect(member.hasPrefix("method of tensor\nsum(x, axis="), "\(member)")
        #expect(try repl.enter("?x.shape") == "x.shape: tuple member of tensor, now (2,)\n")
        #expect(try repl.enter("?randm") == "no help for 'randm' (did you mean 'rand'?)\n")
        #expect(try repl.quit() == .exited(0))
    }
}
