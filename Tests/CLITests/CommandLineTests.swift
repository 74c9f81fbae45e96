#if canImport(Glibc)
import Glibc
#endif
import Foundation
import MNLTestSupport
import Testing

/// `mnist-repl` as a shell script runs it: arguments, pipes and exit statuses
/// (0 success, 1 script error, 2 usage error).
@Suite struct CommandLineTests {
    @Test func theBinaryIsFoundNextToTheTests() throws {
        let path = try Binary.require()
        #expect(path.hasSuffix("/mnist-repl"))
        #expect(FileManager.default.isExecutableFile(atPath: path))
    }

    @Test func aScriptRunsAndSeesItsArguments() throws {
        let dir = try TemporaryDirectory()
        let script = try dir.write("args.mnl", """
            print(len(args), args)
            print("sum {int(args[0]) + int(args[2])}")
            """)
        let result = try runMnistRepl([script, "40", "two words", "2"])
        #expect(result.status == 0 && !result.signaled, "\(result)")
        #expect(result.stdout == "3 [\"40\", \"two words\", \"2\"]\nsum 42\n", "\(result)")
        #expect(result.stderr == "", "\(result)")
    }

    @Test func optionsAfterTheScriptBelongToTheScript() throws {
        let dir = try TemporaryDirectory()
        let script = try dir.write("flags.mnl", "print(args)\n")
        let result = try runMnistRepl([script, "--epochs", "3", "-e", "x"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "[\"--epochs\", \"3\", \"-e\", \"x\"]\n", "\(result)")
    }

    @Test func aScriptErrorExitsWithOneAndShowsTheLineAndACaret() throws {
        let dir = try TemporaryDirectory()
        let script = try dir.write("bad.mnl", """
            xs = [1, 2]
            print("before")
            print(xs[5])
            print("after")
            """)
        let result = try runMnistRepl([script])
        #expect(result.status == 1 && !result.signaled, "\(result)")
        #expect(result.stdout == "before\n", "\(result)")
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count >= 3, "\(result)")
        guard lines.count >= 3 else { return }
        #expect(lines[0] == "\(script):3:7: error: index 5 is out of range for size 2", "\(result)")
        #expect(lines[1] == "    3 | print(xs[5])", "\(result)")
        #expect(lines[2] == "      |       ^^^^^", "\(result)")
    }

    /// The debugging flags print each front-end stage and run nothing.
    @Test func dumpFlagsShowTokensAndTheSyntaxTree() throws {
        let tokens = try runMnistRepl(["--dump-tokens", "-e", "x = 1 + 2"])
        #expect(tokens.status == 0, "\(tokens)")
        #expect(tokens.stdout.split(separator: "\n").map { $0.split(separator: "\t").last.map(String.init) ?? "" }
                == ["identifier 'x'", "'='", "number 1.0", "'+'", "number 2.0", "end of input"], "\(tokens)")
        #expect(tokens.stdout.hasPrefix("<command line>:1:1\t"), "\(tokens)")
        let tree = try runMnistRepl(["--dump-ast", "-e", "print(1)"])
        #expect(tree.status == 0, "\(tree)")
        #expect(tree.stdout.contains("call") && tree.stdout.contains("print"), "\(tree)")
        #expect(!tree.stdout.contains("\n1\n"), "the program must not run: \(tree)")
    }

    @Test func dumpResolvedShowsSlotsAndFastForms() throws {
        let out = try runMnistRepl(["--dump-resolved", "-e", "fn f(x, y) { x * 2 + y }\nprint(f(1, 2))"])
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout.contains("(x@slot0, y@slot1) slots=2 cells=0"), "\(out)")
        #expect(out.stdout.contains("num(+ (* x@slot0 2) y@slot1)"), "\(out)")
        #expect(!out.stdout.contains("\n4\n"), "the program must not run: \(out)")
        let bad = try runMnistRepl(["--dump-resolved", "-e", "print(nope)"])
        #expect(bad.status == 1 && bad.stderr.contains("undefined variable 'nope'"), "\(bad)")
    }

    @Test func codeGivenWithDashE() throws {
        let ok = try runMnistRepl(["-e", "x = 6; print(x * 7)"])
        #expect(ok.status == 0, "\(ok)")
        #expect(ok.stdout == "42\n", "\(ok)")
        #expect(ok.stderr == "", "\(ok)")

        let bad = try runMnistRepl(["-e", "print(1 / 0)"])
        #expect(bad.status == 1 && !bad.signaled, "\(bad)")
        #expect(bad.stdout == "", "\(bad)")
        #expect(bad.stderr.hasPrefix("<command line>:1:"), "\(bad)")
        #expect(bad.stderr.contains("error: "), "\(bad)")
        #expect(bad.stderr.contains("    1 | print(1 / 0)\n"), "\(bad)")
    }

    /// Regression: options before FILE were once taken as the script's path.
    @Test func anUnknownOptionIsAUsageError() throws {
        let result = try runMnistRepl(["--bogus"])
        #expect(result.stdout == "", "\(result)")
        #expect(result.stderr.contains("--bogus"), "\(result)")
        #expect(result.status == 2 && !result.signaled, "\(result)")
        #expect(!result.stderr.contains("no such file"), "\(result)")
        let afterCheck = try runMnistRepl(["--check", "--bogus"])
        #expect(afterCheck.status == 2, "\(afterCheck)")
    }

    @Test func checkOfAScriptOnStandardInputRunsNothing() throws {
        let clean = try runMnistRepl(["--check"], stdin: "print(\"ran\")\n")
        #expect(clean.status == 0, "\(clean)")
        #expect(clean.stdout == "", "\(clean)")
        #expect(clean.stderr == "", "\(clean)")
        let bad = try runMnistRepl(["--check"], stdin: "print(\"ran\")\nmissing_name\n")
        #expect(bad.status == 1, "\(bad)")
        #expect(bad.stdout == "", "\(bad)")
        #expect(bad.stderr.hasPrefix("<stdin>:2:1: error: undefined variable 'missing_name'"), "\(bad)")
    }

    @Test func checkReportsEveryErrorAndRunsNothing() throws {
        let dir = try TemporaryDirectory()
        let script = try dir.write("several.mnl", """
            print("this must not be printed")
            x = (1 + 2]
            y = undefined_one + 1
            fn f() {
              return undefined_two
            }
            """)
        let result = try runMnistRepl(["--check", script])
        #expect(result.status == 1 && !result.signaled, "\(result)")
        #expect(result.stdout == "", "\(result)")
        #expect(result.stderr.contains("\(script):2:"), "\(result)")
        #expect(result.stderr.contains("error: expected ')' or ',', found ']'"), "\(result)")
        #expect(result.stderr.contains("\(script):3:5: error: undefined variable 'undefined_one'"), "\(result)")
        #expect(result.stderr.contains("\(script):5:10: error: undefined variable 'undefined_two'"), "\(result)")
    }

    @Test func checkOfACleanFileSaysNothingAndRunsNothing() throws {
        let dir = try TemporaryDirectory()
        let script = try dir.write("clean.mnl", "print(\"this must not be printed\")\nfn f(x) { x * 2 }\n")
        let result = try runMnistRepl(["--check", script])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "", "\(result)")
        #expect(result.stderr == "", "\(result)")
    }

    @Test func aScriptIsReadFromStandardInput() throws {
        let result = try runMnistRepl([], stdin: "total = 0\nfor i in range(5) { total += i }\nprint(\"total {total}\")\n")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "total 10\n", "\(result)")
        #expect(result.stderr == "", "\(result)")

        let bad = try runMnistRepl([], stdin: "print(1)\nnope()\n")
        #expect(bad.status == 1, "\(bad)")
        #expect(bad.stdout == "", "\(bad)")  // an undefined name is found before anything runs
        #expect(bad.stderr.hasPrefix("<stdin>:2:1: error: undefined variable 'nope'"), "\(bad)")
    }

    /// `-` as the script is standard input, as `python3 -`; the words after it are `args`.
    @Test func aDashReadsTheScriptFromStandardInputWithArguments() throws {
        let result = try runMnistRepl(["-", "7", "x"], stdin: "print(\"args {args}\")\n")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "args [\"7\", \"x\"]\n", "\(result)")
        #expect(result.stderr == "", "\(result)")
    }

    /// Regression: `--version`, `--help` and `-h` were once taken as the script's path.
    @Test func versionAndHelp() throws {
        let version = try runMnistRepl(["--version"])
        #expect(version.status == 0, "\(version)")
        let lines = version.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "mnist-repl 0.1.0", "\(version)")
        #expect(lines.count == 3 && lines[1].hasPrefix("BLAS: ") && lines[2].hasPrefix("CPU: "), "\(version)")
        for flag in ["--help", "-h"] {
            let help = try runMnistRepl([flag])
            #expect(help.status == 0, "\(help)")
            #expect(help.stdout.contains("USAGE: mnist-repl"), "\(help)")
            for option in ["-e, --code <CODE>", "--check", "--version", "FILE.mnl"] {
                #expect(help.stdout.contains(option), "\(option) missing from \(flag): \(help)")
            }
        }
    }

    @Test func aMissingScriptFileIsNamed() throws {
        let dir = try TemporaryDirectory()
        let missing = dir.path + "/no-such-script.mnl"
        let result = try runMnistRepl([missing])
        #expect(result.status == 1 && !result.signaled, "\(result)")
        #expect(result.stdout == "", "\(result)")
        #expect(result.stderr == "mnist-repl: \(missing): no such file\n", "\(result)")
    }

    @Test func runtimeErrorsInFunctionsShowTheCallChain() throws {
        let dir = try TemporaryDirectory()
        let script = try dir.write("chain.mnl", """
            fn inner(xs) { xs[10] }
            fn outer() { inner([1, 2]) }
            outer()
            """)
        let result = try runMnistRepl([script])
        #expect(result.status == 1 && !result.signaled, "\(result)")
        #expect(result.stderr.hasPrefix("\(script):1:16: error: index 10 is out of range for size 2\n"), "\(result)")
        #expect(result.stderr.contains("\n  in inner() called at \(script):2:14"), "\(result)")
        #expect(result.stderr.contains("\n  in outer() called at \(script):3:1"), "\(result)")
    }

    @Test func deepRecursionIsALanguageErrorNotACrash() throws {
        let dir = try TemporaryDirectory()
        let script = try dir.write("deep.mnl", "fn f(n) { f(n + 1) }\nf(0)\n")
        let result = try runMnistRepl([script], timeout: .seconds(60))
        #expect(!result.signaled, "\(result)")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("error: maximum recursion depth (10000) exceeded"), "\(result)")
        #expect(result.stderr.contains("in f() called at"), "\(result)")
    }

    /// On a terminal so that the script's output is line-buffered and the test can wait
    /// for the loop to start; the SIGINT goes to the process itself.
    @Test func sigintStopsAScriptWithInterruptedAndStatusOne() throws {
        let dir = try TemporaryDirectory()
        let script = try dir.write("spin.mnl", "print(\"looping\")\nwhile true { }\nprint(\"not reached\")\n")
        let terminal = try PseudoTerminal(try Binary.require(), [script], environment: ["HOME": dir.path])
        defer { terminal.close() }
        try terminal.expect("looping\r\n", timeout: .seconds(30))
        #expect(kill(terminal.pid, SIGINT) == 0)
        try terminal.expect("interrupted", timeout: .seconds(10))
        #expect(try terminal.waitForExit(timeout: .seconds(10)) == .exited(1))
        #expect(!terminal.plainOutput.contains("not reached"))
    }
}
